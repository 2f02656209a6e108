/**
 * What Excel does when values are written where something of the user's already is, beyond the
 * cell itself (issue 9 #7). Each rule runs on every `Range.values` / `Range.formulas` write:
 *
 * 1. Merged cells: Excel refuses a write that covers part of a merged area ("We can't do that to
 *    a merged cell" / "Cannot change part of a merged cell", Excel's own message for the same
 *    edit; the Office.js error code is taken to be InvalidOperation, which the manual check list
 *    in README confirms on a real Excel). Covering a whole merged area is allowed.
 * 2. Spilled dynamic arrays: Excel lets a value be written into a cell a formula spills into;
 *    the formula then shows #SPILL! and its other results vanish ("#SPILL! error - Spill range
 *    isn't blank", https://support.microsoft.com/office/spill-range-isn-t-blank-...-f2ae4f58-a6d0-4b3e-8b33-6d05d6ab83e3,
 *    and "Dynamic array formulas and spilled array behavior",
 *    https://support.microsoft.com/office/205c6b06-03ba-4151-89a1-87a7eb36e531).
 * 3. Tables grow: a value written in the column right of a table (its header or body rows) or in
 *    the row just below it makes the table take that column or row in (AutoCorrect's "Include
 *    new rows and columns in table", on by default; AutoCorrect applies to add-in writes too,
 *    https://github.com/OfficeDev/office-js/issues/6745, and tables grow with rows written below
 *    them, https://github.com/OfficeDev/office-js/issues/3191). The user's table then holds
 *    Recon's column, and Clear leaves an empty column in it.
 */
import { type Rect, rectContains, rectsIntersect } from './a1';
import { FakeOfficeError } from './errors';
import type { SheetModel, WorkbookModel } from './model';

/** Rule 1: refuses a write over part of a merged area (before anything is written). */
export function refusePartOfMergedArea(sheet: SheetModel, rect: Rect): void {
  const part = sheet.merges.find(
    (m) => rectsIntersect(m, rect) && !(rectContains(rect, m.r0, m.c0) && rectContains(rect, m.r1, m.c1)),
  );
  if (part) throw new FakeOfficeError('InvalidOperation', "We can't do that to a merged cell. (The write covers part of a merged area.)");
}

/** The cells of `rect` the write gave a non-empty value, as [row, column]. */
export type Written = (row: number, column: number) => boolean;

/** Rule 2: a write into a spill range (not its formula's cell) blocks it: #SPILL! in the formula's cell. */
export function blockSpills(sheet: SheetModel, rect: Rect, written: Written): void {
  const hit = (s: SheetModel['spills'][number]) => {
    if (s.blocked || !rectsIntersect(s.rect, rect)) return false;
    for (let r = Math.max(s.rect.r0, rect.r0); r <= Math.min(s.rect.r1, rect.r1); r++) {
      for (let c = Math.max(s.rect.c0, rect.c0); c <= Math.min(s.rect.c1, rect.c1); c++) {
        if ((r !== s.rect.r0 || c !== s.rect.c0) && written(r, c)) return true;
      }
    }
    return false;
  };
  const blocked = sheet.spills.filter(hit);
  if (blocked.length === 0) return;
  for (const s of blocked) {
    for (let r = s.rect.r0; r <= s.rect.r1; r++) {
      for (let c = s.rect.c0; c <= s.rect.c1; c++) {
        if (r === s.rect.r0 && c === s.rect.c0) continue;
        if (!(rectContains(rect, r, c) && written(r, c))) sheet.values.set(r, c, undefined);
      }
    }
    sheet.values.set(s.rect.r0, s.rect.c0, '#SPILL!');
    sheet.errors.set(s.rect.r0, s.rect.c0, true);
  }
  sheet.replaceList(
    'spills',
    sheet.spills.map((s) => (blocked.includes(s) ? { ...s, blocked: true } : s)),
  );
}

/** How many cells of `rect` lie in an (unblocked) spill range, of how many. */
export function spillCells(sheet: SheetModel, rect: Rect): { inside: number; total: number } {
  let inside = 0;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (sheet.spills.some((s) => !s.blocked && rectContains(s.rect, r, c))) inside++;
    }
  }
  return { inside, total: (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) };
}

/** True when (row, column) shows a spilled value (not the formula's own cell). */
export function isSpilledCell(sheet: SheetModel, row: number, column: number): boolean {
  return sheet.spills.some((s) => !s.blocked && rectContains(s.rect, row, column) && (row !== s.rect.r0 || column !== s.rect.c0));
}

/** Rule 3: tables take in a column written right beside them or a row written just below. */
export function growTables(model: WorkbookModel, sheet: SheetModel, rect: Rect, written: Written): void {
  for (const table of model.liveTables().filter((t) => t.sheet === sheet)) {
    const t = table.rect;
    let grown: Rect = t;
    const right = t.c1 + 1;
    if (rect.c0 <= right && right <= rect.c1) {
      for (let r = Math.max(t.r0, rect.r0); r <= Math.min(t.r1, rect.r1); r++) {
        if (written(r, right)) {
          grown = { ...grown, c1: right };
          break;
        }
      }
    }
    const below = t.r1 + 1;
    if (rect.r0 <= below && below <= rect.r1) {
      for (let c = Math.max(grown.c0, rect.c0); c <= Math.min(grown.c1, rect.c1); c++) {
        if (written(below, c)) {
          grown = { ...grown, r1: below };
          break;
        }
      }
    }
    if (grown === t) continue;
    if (grown.c1 > t.c1 && sheet.values.get(t.r0, grown.c1) === undefined) sheet.values.set(t.r0, grown.c1, `Column${grown.c1 - t.c0 + 1}`);
    model.record(() => {
      table.rect = t;
    });
    table.rect = grown;
  }
}
