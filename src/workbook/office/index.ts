/** The Excel (Office.js) host. Requires ExcelApi 1.7; uses 1.9 when available. */
export { OfficeWorkbook } from './office-workbook';
export type { ExcelRun, IsSetSupported, OfficeWorkbookOptions } from './office-workbook';
