/**
 * How each CellFormat shows in Excel: one number format code per format, for every host (Excel
 * through Office.js, the .xlsx files the command line and the page write), so a sheet looks the same
 * whichever wrote it.
 */
import type { CellFormat } from '../workbook';

export const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: '@',
  amount: '#,##0.00',
  date: 'yyyy-mm-dd',
  integer: '0',
  percent: '0.0%',
  general: 'General',
};

/** The code a file writer sets, undefined for General (a cell without a number format is General). */
export function fileNumberFormat(format: CellFormat): string | undefined {
  return format === 'general' ? undefined : NUMBER_FORMATS[format];
}
