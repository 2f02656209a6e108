/**
 * What the page loads on demand to open files: exceljs, the file workbook and the demo. One chunk,
 * fetched from the page's own origin the first time a file or the demo is opened.
 */
export { openWorkbookFile } from './open-file';
export { openDemo } from './demo-file';
