/**
 * Deleting a sheet Recon keeps hidden. Excel refuses to delete a VeryHidden sheet ("the delete
 * operation will fail with an InvalidOperation exception. You should first change its visibility
 * to hidden or visible": Worksheet.delete, https://learn.microsoft.com/javascript/api/excel/excel.worksheet;
 * by design, https://github.com/OfficeDev/office-js/issues/365), so it is made Hidden in the same
 * batch first. Hidden is enough, and never shows the sheet to the user even for a moment.
 * Requires ExcelApi 1.1 (visibility, delete).
 */
import type { WorksheetApi } from './excel-api';
export function removeHiddenSheet(sheet: WorksheetApi): void {
  sheet.visibility = 'Hidden' as Excel.SheetVisibility;
  sheet.delete();
}
