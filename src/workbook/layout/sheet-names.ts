/**
 * Output sheet names that never take a user's sheet. A name listed in the previous run's record was
 * created by Recon and is free to replace; any other existing name is the user's, so the output
 * becomes "Matches (2)", "Matches (3)" … Excel compares sheet names case-insensitively, max 31 chars.
 */
export const MAX_SHEET_NAME = 31;

export function uniqueSheetName(base: string, existingNames: string[], reconSheets: string[] = [], taken: string[] = []): string {
  const fold = (name: string) => name.toLocaleUpperCase();
  const recon = new Set(reconSheets.map(fold));
  const blocked = new Set([...existingNames.filter((n) => !recon.has(fold(n))), ...taken].map(fold));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!blocked.has(fold(name))) return name;
  }
}

/** Any text (a file name, a sheet name from elsewhere) as a valid tab name: no \ / ? * [ ] :, ≤ 31 chars. */
export function cleanSheetName(text: string, fallback = 'Sheet1'): string {
  const clean = text.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, MAX_SHEET_NAME).trim();
  return clean === '' ? fallback : clean;
}
