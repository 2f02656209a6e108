/**
 * Excel gives a 1904-date-system workbook's dates (old Mac workbooks; File > Options > Advanced >
 * "Use 1904 date system") as the numbers it stores: range.values shows 2025-01-01 as 44196 there, as
 * 45658 in the 1900 system which the engine and Recon's own sheets count in. Read as they come, every
 * date of such a book would be four years early, and every date Recon writes four years late.
 *
 * Office.js has no property for the date system (VBA's Workbook.Date1904 has no Office.js
 * counterpart); the DATE worksheet function tells, worked out by Excel in the workbook itself
 * (Workbook.functions, ExcelApi 1.2: "the year argument is interpreted according to the date system
 * your computer is using", https://support.microsoft.com/office/date-function-e36c0c8c-4104-49da-ab83-82328b832349).
 * The probe rides in a sync the caller makes anyway.
 */
import type { CellValue } from '../../engine/types';
import { DAYS_1904_TO_1900, to1904 } from '../date-system';
import type { SheetSpec } from '../workbook';
import type { WorkbookApi } from './excel-api';

/** DATE(2000,1,1) in the 1900 system. */
const Y2000_IN_1900 = 36526;

export interface DateSystemProbe {
  /** After the sync: whether the workbook counts its dates from 1904. */
  is1904(): boolean;
}

/** Queues DATE(2000,1,1); read is1904() once the caller has synced. A function Excel refused counts as 1900. */
export function queueDateSystemProbe(workbook: WorkbookApi): DateSystemProbe {
  const result = workbook.functions.date(2000, 1, 1).load('value,error');
  return { is1904: () => !result.error && result.value === Y2000_IN_1900 - DAYS_1904_TO_1900 };
}

/**
 * An output sheet as a 1904 workbook must store it: every number in a cell Recon formats as a date
 * (its column's format or a styled area's) moved to the 1904 count, so it shows the same date. The
 * other cells, and `spec` itself, as they were.
 */
export function specFor1904(spec: SheetSpec): SheetSpec {
  const dated: { rows: [number, number]; columns: [number, number] }[] = [];
  spec.columnFormats?.forEach((format, column) => {
    if (format === 'date') dated.push({ rows: [0, Infinity], columns: [column, column] });
  });
  for (const style of spec.styles ?? []) {
    if (style.format !== 'date') continue;
    const { row, column, rows, columns } = style.area;
    dated.push({ rows: [row, row + rows - 1], columns: [column, column + columns - 1] });
  }
  if (dated.length === 0) return spec;
  const isDate = (r: number, c: number) => dated.some((d) => r >= d.rows[0] && r <= d.rows[1] && c >= d.columns[0] && c <= d.columns[1]);
  const values: CellValue[][] = spec.values.map((line, r) => line.map((v, c) => (typeof v === 'number' && isDate(r, c) ? to1904(v) : v)));
  return { ...spec, values };
}
