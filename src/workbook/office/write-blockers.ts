/**
 * What stops a write before it starts, found by reading only, so a busy or protected workbook gets
 * a clear message and nothing half-written:
 *   - a protected sheet Recon must write on (status labels and rules beside the user's rows, an
 *     output sheet written over in place): Excel refuses every such write with AccessDenied;
 *   - a protected workbook structure when sheets must be added or deleted (also AccessDenied);
 *   - a cell being edited: Excel fails every batch with InvalidOperationInCellEditMode
 *     (Excel.ErrorCodes; RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions),
 *     already on the first (read-only) sync, so nothing is written either.
 * The error carries a `code` the pane turns into a sentence in its language (describe-error.ts).
 * Requires ExcelApi 1.2 (WorksheetProtection.protected) and 1.7 (WorkbookProtection.protected).
 */
import type { ExcelContextApi } from './excel-api';
import { columnLetter } from '../layout/a1';

export type BlockedCode = 'SheetProtected' | 'WorkbookProtected' | 'InvalidOperationInCellEditMode' | 'MergedCells';

export class WriteBlockedError extends Error {
  override name = 'WriteBlockedError';
  constructor(
    readonly code: BlockedCode,
    message: string,
    /** The protected sheet, for 'SheetProtected'; the sheet with merged cells, for 'MergedCells'. */
    readonly sheet?: string,
    /** The column's letters, for 'MergedCells'. */
    readonly column?: string,
  ) {
    super(message);
  }
}

/**
 * Excel refused the status labels beside an annotation's rows (InvalidOperation): on a host that
 * cannot list merged areas (before ExcelApi 1.13) the labels go only in cells with no value, so
 * merged cells reaching into the column are the likely cause (Excel refuses a write over part of
 * a merged area). The run was rolled back before this is thrown.
 */
export function mergedCellsError(annotation: { sheet: string; statusColumn: number; firstRow: number; lastRow: number }, cause: unknown): WriteBlockedError {
  const column = columnLetter(annotation.statusColumn);
  const detail = cause instanceof Error ? ` (Excel: ${cause.message})` : '';
  return new WriteBlockedError(
    'MergedCells',
    `Excel refused to write Recon's status labels in column ${column} of sheet "${annotation.sheet}" (rows ${Math.max(1, annotation.firstRow)}–${annotation.lastRow}), most likely because cells there are merged with cells beside them${detail}. Unmerge them (Home > Merge & Center), then run again. Nothing was changed.`,
    annotation.sheet,
    column,
  );
}

/**
 * Queues the protection reads for `sheets` and the workbook's structure; after the next sync,
 * `check(structure)` throws WriteBlockedError for the first one protected (the structure only
 * when the write adds, deletes or renames sheets).
 */
export function queueProtectionCheck(context: ExcelContextApi, sheets: string[]): { check(structure: boolean): void } {
  const unique = sheets.filter((s, i) => sheets.findIndex((o) => o.toLowerCase() === s.toLowerCase()) === i);
  const loaded = unique.map((name) => ({ name, protection: context.workbook.worksheets.getItem(name).protection.load('protected') }));
  const workbook = context.workbook.protection.load('protected');
  return {
    check(structure: boolean): void {
      if (structure && workbook.protected) {
        throw new WriteBlockedError(
          'WorkbookProtected',
          'The workbook structure is protected, so Recon cannot add or remove its sheets. Unprotect the workbook (Review > Protect Workbook), then run again. Nothing was changed.',
        );
      }
      const locked = loaded.find((l) => l.protection.protected);
      if (locked) {
        throw new WriteBlockedError('SheetProtected', `Sheet "${locked.name}" is protected. Unprotect it (Review > Unprotect Sheet), then run again. Nothing was changed.`, locked.name);
      }
    },
  };
}
