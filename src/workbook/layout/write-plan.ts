/**
 * What a host must do to write a run, decided before it touches anything, so a host can check
 * everything first and then write (all-or-nothing). Shared by the file and memory hosts:
 *   - the previous run's sheets, status columns and highlight areas go (only those);
 *   - an output sheet never takes a user's sheet name (that is an error, not an overwrite);
 *   - a status column never lands on a user's value: it moves right to the first free column.
 */
import type { RunOutputs, RunRecord, SheetSpec, SourceAnnotation } from '../workbook';
import { MAX_SHEET_NAME } from './sheet-names';
import { highlightArea } from './highlight-rules';

export interface WorkbookProbe {
  /** Sheet names now, in tab order, without Recon's hidden state. */
  sheetNames: string[];
  previous: RunRecord | null;
  /** True when the cell holds no value (its formats do not matter: Recon writes values only there). */
  isEmpty(sheet: string, row: number, column: number): boolean;
}

export interface WritePlan {
  /** Sheets of the previous run that still exist (a user may have deleted one). */
  removeSheets: string[];
  clearStatusColumns: RunRecord['statusColumns'];
  removeHighlightAreas: string[];
  sheets: SheetSpec[];
  /** Annotations with their final status columns. */
  annotations: SourceAnnotation[];
  /** The record to store: final status columns and highlight areas. */
  record: RunRecord;
}

/** Why a run cannot be written; nothing has been changed when it is thrown. */
export class WritePlanError extends Error {
  override name = 'WritePlanError';
}

const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/;

export function planRun(outputs: RunOutputs, probe: WorkbookProbe): WritePlan {
  const fold = (name: string) => name.toLocaleUpperCase();
  const previous = probe.previous;
  const previousSheets = new Set((previous?.sheets ?? []).map(fold));
  const userSheets = new Set(probe.sheetNames.filter((n) => !previousSheets.has(fold(n))).map(fold));

  const seen = new Set<string>();
  for (const sheet of outputs.sheets) {
    if (sheet.name === '' || sheet.name.length > MAX_SHEET_NAME || FORBIDDEN_IN_SHEET_NAME.test(sheet.name)) {
      throw new WritePlanError(`Cannot name a sheet "${sheet.name}": at most ${MAX_SHEET_NAME} characters, none of \\ / ? * [ ] :`);
    }
    if (userSheets.has(fold(sheet.name))) {
      throw new WritePlanError(`A sheet named "${sheet.name}" already exists and was not created by Recon; it is left as it is.`);
    }
    if (seen.has(fold(sheet.name))) throw new WritePlanError(`Two output sheets are both named "${sheet.name}".`);
    seen.add(fold(sheet.name));
  }

  const previousColumns = previous?.statusColumns ?? [];
  const wasStatusCell = (sheet: string, row: number, column: number) =>
    previousColumns.some((c) => c.sheet === sheet && c.column === column && row >= c.firstRow && row <= c.lastRow);
  const claimed: RunRecord['statusColumns'] = [];
  const isClaimed = (sheet: string, column: number, firstRow: number, lastRow: number) =>
    claimed.some((c) => c.sheet === sheet && c.column === column && c.firstRow <= lastRow && firstRow <= c.lastRow);

  const annotations = outputs.annotations.map((annotation) => {
    if (!userSheets.has(fold(annotation.sheet))) {
      throw new WritePlanError(`The sheet "${annotation.sheet}" of ${annotation.rangeAddress} is not in the workbook.`);
    }
    const expected = Math.max(0, annotation.lastRow - annotation.firstRow);
    if (annotation.labels.length !== expected || annotation.highlights.length !== expected) {
      throw new WritePlanError(`Status labels for ${annotation.rangeAddress} do not cover rows ${annotation.firstRow + 1}–${annotation.lastRow}.`);
    }
    const top = Math.max(1, annotation.firstRow);
    const free = (column: number) => {
      if (isClaimed(annotation.sheet, column, top, annotation.lastRow)) return false;
      for (let row = top; row <= annotation.lastRow; row++) {
        if (!probe.isEmpty(annotation.sheet, row, column) && !wasStatusCell(annotation.sheet, row, column)) return false;
      }
      return true;
    };
    let column = annotation.statusColumn;
    while (!free(column)) column++;
    claimed.push({ sheet: annotation.sheet, column, firstRow: annotation.firstRow, lastRow: annotation.lastRow });
    return { ...annotation, statusColumn: column };
  });

  const record: RunRecord = {
    ...outputs.runRecord,
    sheets: outputs.sheets.map((s) => s.name),
    statusColumns: claimed,
    highlightAreas: annotations.map(highlightArea).filter((a): a is string => a !== null),
  };

  const existing = new Set(probe.sheetNames.map(fold));
  return {
    removeSheets: (previous?.sheets ?? []).filter((name) => existing.has(fold(name))),
    clearStatusColumns: previousColumns,
    removeHighlightAreas: previous?.highlightAreas ?? [],
    sheets: outputs.sheets,
    annotations,
    record,
  };
}
