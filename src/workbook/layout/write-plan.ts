/**
 * What a host must do to write a run, decided before it touches anything, so a host can check
 * everything first and then write (all-or-nothing). Shared by every host (file, memory, Office):
 *   - the previous run's sheets, status columns and highlight areas go (only those);
 *   - an output sheet never takes a user's sheet name (that is an error, not an overwrite);
 *   - a status column never lands on a user's value: it moves right to the first free column.
 */
import type { RunOutputs, RunRecord, SheetSpec, SourceAnnotation } from '../workbook';
import { MAX_COLUMNS } from './a1';
import { MAX_SHEET_NAME } from './sheet-names';
import { isStatusCell, statusCellsOn } from './status-cells';
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

/**
 * The checks that need nothing from the workbook, so a host can make them before its first
 * request: every sheet name is one Excel takes, no two are the same, and every annotation has one
 * label and one highlight per row it covers.
 */
export function checkOutputs(outputs: RunOutputs): void {
  const fold = (name: string) => name.toLocaleUpperCase();
  const seen = new Set<string>();
  for (const sheet of outputs.sheets) {
    const n = sheet.name;
    if (n === '' || n.length > MAX_SHEET_NAME || FORBIDDEN_IN_SHEET_NAME.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw new WritePlanError(
        `"${n}" cannot be a sheet name: Excel allows 1–${MAX_SHEET_NAME} characters, none of : \\ / ? * [ ] and no apostrophe at either end.`,
      );
    }
    if (seen.has(fold(n))) throw new WritePlanError(`Two output sheets are both named "${n}" (Excel ignores case in sheet names).`);
    seen.add(fold(n));
  }
  for (const a of outputs.annotations) {
    const rows = Math.max(0, a.lastRow - a.firstRow);
    if (a.labels.length !== rows || a.highlights.length !== rows) {
      throw new WritePlanError(
        `The status column for ${a.rangeAddress} has ${a.labels.length} labels and ${a.highlights.length} highlights for ${rows} rows (${a.firstRow + 1}–${a.lastRow}).`,
      );
    }
  }
}

export function planRun(outputs: RunOutputs, probe: WorkbookProbe): WritePlan {
  checkOutputs(outputs);
  const fold = (name: string) => name.toLocaleUpperCase();
  const previous = probe.previous;
  const previousSheets = new Set((previous?.sheets ?? []).map(fold));
  const userSheets = new Set(probe.sheetNames.filter((n) => !previousSheets.has(fold(n))).map(fold));

  for (const sheet of outputs.sheets) {
    if (userSheets.has(fold(sheet.name))) {
      throw new WritePlanError(
        `A sheet named "${sheet.name}" already exists and was not created by Recon; it is left as it is. Rename or delete it, or choose another output language, then run again.`,
      );
    }
  }

  const previousColumns = previous?.statusColumns ?? [];
  const wasStatusCell = (sheet: string, row: number, column: number) => isStatusCell(statusCellsOn(previousColumns, sheet), row, column);
  const claimed: RunRecord['statusColumns'] = [];
  const isClaimed = (sheet: string, column: number, firstRow: number, lastRow: number) =>
    claimed.some((c) => c.sheet === sheet && c.column === column && c.firstRow <= lastRow && firstRow <= c.lastRow);

  const annotations = outputs.annotations.map((annotation) => {
    if (!userSheets.has(fold(annotation.sheet))) {
      throw new WritePlanError(`The sheet "${annotation.sheet}" of ${annotation.rangeAddress} is not in the workbook.`);
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
    while (!free(column)) {
      if (++column > MAX_COLUMNS) throw new WritePlanError(`There is no empty column right of ${annotation.rangeAddress} for Recon's status labels.`);
    }
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
