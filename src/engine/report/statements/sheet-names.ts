/**
 * Tab names for statements: valid in Excel (1–31 characters, none of [ ] : * ? / \, no apostrophe
 * at either end) and unique ignoring case, among themselves and against the names already taken
 * (the user's sheets, the other output sheets). Two customers whose names share the first 31
 * characters get "…~2", "…~3" endings inside the 31. Apostrophes become ’ anywhere, so every
 * host can quote the name in print areas. The full name always stands inside the sheet.
 */
export const MAX_TAB_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;

/** A customer name as a tab name before uniqueness: forbidden characters become _, ' becomes ’. */
export function tabNameOf(customer: string, fallback: string): string {
  const clean = customer
    .replace(FORBIDDEN, '_')
    .replace(/'/g, '’')
    .replace(/[\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = cutUnits(clean, MAX_TAB_NAME).trim();
  return cut === '' ? fallback : cut;
}

/** At most `max` UTF-16 units (Excel's count), never splitting a surrogate pair. */
function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

/** Allocates one tab name per customer, in order; `taken` are names already in use. */
export function allocateTabNames(customers: readonly string[], taken: readonly string[], fallback: (i: number) => string): string[] {
  const fold = (s: string) => s.toLocaleUpperCase('en-US');
  const used = new Set(taken.map(fold));
  return customers.map((customer, i) => {
    const base = tabNameOf(customer, fallback(i + 1));
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `~${n}`;
      const head = cutUnits(base, MAX_TAB_NAME - suffix.length).trimEnd();
      const name = head + suffix;
      if (!used.has(fold(name))) {
        used.add(fold(name));
        return name;
      }
    }
  });
}
