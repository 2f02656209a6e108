/**
 * Dates as whole days since 1970-01-01 (the engine's `Entry.day`), and the ways files write them.
 * Integer arithmetic only (no Date objects per row), so a million rows stay cheap.
 */

/** Days between 1899-12-30 (Excel's day 0, with its 1900 leap-year quirk folded in) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Howard Hinnant's days_from_civil. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Howard Hinnant's civil_from_days. */
export function civilFromDay(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function parseIsoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Expected a date such as 2025-03-01, found "${iso}"`);
  return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function daysInMonth(year: number, month: number): number {
  return dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
}

export function excelSerial(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** How a side writes a date; the table a reader must understand. */
export type DateStyle = 'iso' | 'compact' | 'slash-short' | 'dmy' | 'excel-serial';

export const DATE_WRITERS: Record<DateStyle, (day: number) => string | number> = {
  iso: (day) => isoDate(day), // 2025-03-05
  compact: (day) => {
    const c = civilFromDay(day);
    return `${c.year}${pad2(c.month)}${pad2(c.day)}`; // 20250305
  },
  'slash-short': (day) => {
    const c = civilFromDay(day);
    return `${c.year}/${c.month}/${c.day}`; // 2025/3/5
  },
  dmy: (day) => {
    const c = civilFromDay(day);
    return `${pad2(c.day)}/${pad2(c.month)}/${c.year}`; // 05/03/2025 (UK banks)
  },
  'excel-serial': (day) => excelSerial(day), // 45721
};

export function isoDate(day: number): string {
  const c = civilFromDay(day);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}
