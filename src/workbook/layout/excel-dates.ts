/**
 * ISO dates as Excel serial numbers, so date columns sort and filter as dates.
 * Serial 25569 is 1970-01-01 in Excel's 1900 date system (which counts the fictitious 1900-02-29).
 */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

export function excelSerial(isoDate: string): number {
  // Called once per match line (a million per run): slices, not a regex.
  const ms = isoDate.length === 10 && isoDate[4] === '-' && isoDate[7] === '-'
    ? Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)))
    : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date: "${isoDate}"`);
  return ms / DAY_MS + UNIX_EPOCH_SERIAL;
}

export function isoFromSerial(serial: number): string {
  return new Date((serial - UNIX_EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
}
