/**
 * How Excel rewrites references in formulas (cell formulas and conditional-format rules) when the
 * cells or sheets they point at change:
 *   - renaming a sheet rewrites every reference to it to the new name;
 *   - deleting a sheet turns every reference to it into #REF! (`=Matches!B2` → `=#REF!B2`);
 *   - inserting or deleting cells moves the references to the cells that moved; a reference to a
 *     deleted cell becomes #REF!.
 * Sources: "Rename a worksheet" and "Delete a worksheet" (support.microsoft.com: formulas that
 * refer to a deleted sheet show #REF!; https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bc29-0ab9dd6b0b5c),
 * and Range.insert/Range.delete (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)).
 * String literals are left alone; names followed by "(" are functions, not references.
 */
import { columnLetters, quoteSheet } from './a1';

export interface Reference {
  /** The sheet named in the reference; undefined: the formula's own sheet. */
  sheet?: string;
  row: number;
  column: number;
}

/** What to do with one cell reference: a new one, '#REF!', or undefined to keep it. */
export type ReferenceEdit = (ref: Reference) => { sheet?: string; row: number; column: number } | '#REF!' | undefined;

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*))!`;
const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d+)`;
const REFERENCE = new RegExp(String.raw`(${SHEET})?${CELL}(?::${CELL})?(?![A-Za-z0-9_(])`, 'g');

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Rewrites the references of a formula outside its string literals. */
export function rewriteReferences(formula: string, edit: ReferenceEdit): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : rewritePart(part, edit)))
    .join('"');
}

function rewritePart(part: string, edit: ReferenceEdit): string {
  return part.replace(REFERENCE, (whole, prefix: string | undefined, quoted: string | undefined, bare: string | undefined, ...rest: string[]) => {
    const index = (rest[rest.length - 2] as unknown as number) ?? 0;
    // A letter or digit right before it: part of a longer name (e.g. LOG10), not a reference.
    if (index > 0 && /[A-Za-z0-9_.$]/.test(part[index - 1])) return whole;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    const cells: [string, string, string, string][] = [[rest[0], rest[1], rest[2], rest[3]]];
    if (rest[4] !== undefined) cells.push([rest[4], rest[5], rest[6], rest[7]]);
    let newSheet = sheet;
    let broken = false;
    const texts = cells.map(([columnAbs, letters, rowAbs, digits]) => {
      const result = edit({ sheet, row: Number(digits) - 1, column: columnIndex(letters) });
      if (result === '#REF!') {
        broken = true;
        return '';
      }
      if (result === undefined) return `${columnAbs}${letters}${rowAbs}${digits}`;
      newSheet = result.sheet;
      return `${columnAbs}${columnLetters(result.column)}${rowAbs}${result.row + 1}`;
    });
    if (broken) return '#REF!';
    const sheetText =
      newSheet === undefined ? '' : newSheet === REF_SHEET ? '#REF!' : newSheet === sheet && prefix ? prefix : `${quoteSheet(newSheet)}!`;
    return `${sheetText}${texts.join(':')}`;
  });
}

/** References to `sheet` (by name, or unnamed in a formula that lives on it). */
export function pointsAt(ref: Reference, sheet: string, home: string): boolean {
  const target = ref.sheet ?? home;
  return target.toLowerCase() === sheet.toLowerCase();
}

/** Every reference to sheet `from` now names `to`. */
export function renameEdit(from: string, to: string): ReferenceEdit {
  return (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === from.toLowerCase() ? { sheet: to, row: ref.row, column: ref.column } : undefined);
}

/** The sheet part Excel writes for a deleted sheet: `=Matches!B2` becomes `=#REF!B2`. */
const REF_SHEET = '\u0000#REF!';

/** Every reference naming sheet `gone` now names #REF!. */
export function deletedSheetEdit(gone: string): ReferenceEdit {
  return (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === gone.toLowerCase() ? { sheet: REF_SHEET, row: ref.row, column: ref.column } : undefined);
}

/** Whether a formula still holds a reference that no longer points anywhere. */
export function hasBrokenReference(formula: string): boolean {
  return formula.split('"').some((part, i) => i % 2 === 0 && part.includes('#REF!'));
}

/**
 * Cells of `sheet` in columns c0..c1 from row `at` moved by `count` rows (negative: rows
 * at..at-count-1 deleted). `home` is the sheet the formula lives on.
 */
export function shiftEdit(sheet: string, home: string, at: number, count: number, c0: number, c1: number): ReferenceEdit {
  return (ref) => {
    if (!pointsAt(ref, sheet, home) || ref.column < c0 || ref.column > c1 || ref.row < at) return undefined;
    if (count < 0 && ref.row < at - count) return '#REF!';
    return { sheet: ref.sheet, row: ref.row + count, column: ref.column };
  };
}
