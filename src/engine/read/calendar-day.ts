/**
 * Calendar days and the orders a date's numbers are written in: the small part of date reading the
 * pane needs on its own thread (a period typed, a side's date order chosen) without the readers'
 * tables (date.ts), which stay with the engine.
 */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';
/** Every order a user may set (the command line's --ledger-date-order, the pane's choice, the kept settings). */
export const DATE_ORDERS: readonly DateOrder[] = ['DMY', 'MDY', 'YMD'];

export interface ParsedDate {
  iso: string;
  /** Whole days since 1970-01-01. */
  day: number;
}

export type OkDate = { readonly kind: 'ok' } & ParsedDate;

export const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const MS_PER_DAY = 86400000;

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const built = new Map<number, OkDate>();

/** A valid calendar date → ISO text and day number (memoised: a statement has few distinct dates). */
export function makeDate(y: number, m: number, d: number): OkDate | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const max = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > max) return null;
  const key = y * 10000 + m * 100 + d;
  let date = built.get(key);
  if (!date) {
    const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    date = { kind: 'ok', iso, day: Date.UTC(y, m - 1, d) / MS_PER_DAY };
    if (built.size > 100000) built.clear();
    built.set(key, date);
  }
  return date;
}
