/**
 * One sheet as the grid draws it: every value from A1, the text each cell shows, and its colour.
 * Colours come from two places, in Excel's order of precedence:
 *   1. the highlight rules a run put on the user's range (conditional formatting keyed on the
 *      status column's label), evaluated with the same highlightForLabel the other hosts use;
 *   2. the cell's own solid fill (the Matches sheet's header and totals, the user's own fills).
 * The run record stored in the workbook says where the rules are, so a reconciled file opened
 * again is coloured the same as right after the run.
 */
import type { CellValue } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { HIGHLIGHT_COLOURS } from '../../workbook/colours';
import { columnLetter, parseAddress, quoteSheetName, type CellRect } from '../../workbook/layout/a1';
import { highlightForLabel } from '../../workbook/layout/highlight-rules';
import { highlightRules } from '../../workbook/layout/source-annotation';
import { statusCellsOn, usedRectOf } from '../../workbook/layout/status-cells';
import type { CellBlock, RunRecord } from '../../workbook/workbook';
import { cellText } from './cell-text';

/** What the view needs of the file workbook (XlsxWorkbook has all of it). */
export interface StyledWorkbook {
  readValues(address: string): Promise<CellBlock>;
  lastRun(): Promise<RunRecord | null>;
  cellStyle(sheet: string, row: number, column: number): { numFmt?: string; fill?: string; bold?: boolean };
}

export interface SheetView {
  sheet: string;
  /** Rows and columns holding anything, from A1 (status columns included); 0 when empty. */
  rows: number;
  columns: number;
  /** The user's data (Recon's status cells left out), what Ctrl+A selects; null when empty. */
  used: CellRect | null;
  value(row: number, column: number): CellValue;
  text(row: number, column: number): string;
  /** Background colour ('#C6EFCE') or null for none. */
  fill(row: number, column: number): string | null;
  bold(row: number, column: number): boolean;
}

/** A band of one row coloured by a highlight rule. */
interface RowHighlight {
  left: number;
  right: number;
  colour: string;
}

/** Where a run's highlight rules sit: the area and the status column whose labels drive them. */
export interface HighlightSource {
  sheet: string;
  area: CellRect;
  statusColumn: number;
}

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

/**
 * The record's highlight areas with their status columns. Both lists are written side by side
 * (ledger, then bank); an area is paired with the status column on its sheet whose rows it covers.
 */
export function highlightSources(record: RunRecord): HighlightSource[] {
  const sources: HighlightSource[] = [];
  const columns = [...record.statusColumns];
  for (const address of record.highlightAreas ?? []) {
    const { sheet, rect } = parseAddress(address);
    if (sheet === undefined || !rect) continue;
    const at = columns.findIndex((c) => c.sheet === sheet && c.firstRow + 1 === rect.top && c.lastRow === rect.bottom);
    if (at < 0) continue;
    sources.push({ sheet, area: rect, statusColumn: columns[at].column });
    columns.splice(at, 1);
  }
  return sources;
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

export async function buildSheetView(workbook: StyledWorkbook, sheet: string): Promise<SheetView> {
  const record = await workbook.lastRun();
  const statusColumns = statusCellsOn(record?.statusColumns ?? [], sheet);
  // The used range without status cells, widened to take them in: the grid shows both.
  const bare = await workbook.readValues(quoteSheetName(sheet));
  const hasData = bare.values.some((line) => line.some((v) => !isBlank(v)));
  let bottom = hasData ? bare.top + bare.values.length - 1 : 0;
  // A loop, not Math.max(...rows): spread over 100,000 rows overflows a worker's stack.
  let right = hasData ? bare.left + bare.values.reduce((widest, line) => Math.max(widest, line.length), 0) - 1 : 0;
  for (const s of statusColumns) {
    bottom = Math.max(bottom, s.lastRow);
    right = Math.max(right, s.column);
  }
  const values: CellValue[][] =
    bottom > 0 && right > 0 ? (await workbook.readValues(`${quoteSheetName(sheet)}!A1:${columnLetter(right)}${bottom}`)).values : [];

  const used = usedRectOf(values, statusColumns);

  const highlights = new Map<number, RowHighlight[]>();
  if (record) {
    const locale = LOCALES.find((l) => l === record.options.locale) ?? 'zh-CN';
    const rules = highlightRules(locale);
    for (const source of highlightSources(record).filter((s) => s.sheet === sheet)) {
      for (let row = source.area.top; row <= source.area.bottom; row++) {
        const label = values[row - 1]?.[source.statusColumn - 1];
        const highlight = typeof label === 'string' ? highlightForLabel(label, rules) : null;
        if (!highlight) continue;
        const bands = highlights.get(row) ?? [];
        bands.push({ left: source.area.left, right: source.area.right, colour: HIGHLIGHT_COLOURS[highlight] });
        highlights.set(row, bands);
      }
    }
  }

  const value = (row: number, column: number): CellValue => values[row - 1]?.[column - 1] ?? null;
  return {
    sheet,
    rows: values.length,
    columns: right,
    used,
    value,
    text: (row, column) => {
      const v = value(row, column);
      return typeof v === 'number' ? cellText(v, workbook.cellStyle(sheet, row, column).numFmt) : cellText(v);
    },
    fill: (row, column) =>
      highlights.get(row)?.find((band) => column >= band.left && column <= band.right)?.colour ?? workbook.cellStyle(sheet, row, column).fill ?? null,
    bold: (row, column) => workbook.cellStyle(sheet, row, column).bold === true,
  };
}
