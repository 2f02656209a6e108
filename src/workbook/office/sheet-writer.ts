/**
 * Queues one output sheet (SheetSpec) onto a worksheet: number formats per column range set
 * before the values (so '@' columns keep '=…' as text), values in row chunks under the request
 * budget, styles per coalesced area (RangeAreas when ExcelApi 1.9 is there), column widths per
 * run of equal widths, the table; frozen rows apart (queueFrozenRows). Never a call per cell in a loop.
 * Requires ExcelApi 1.7 (getRangeByIndexes, freezePanes.freezeRows); 1.9 optional (getRanges).
 */
import { widestRow } from '../layout/widest-row';
import type { RangeApi, TableApi, WorksheetApi } from './excel-api';
import type { CellValue } from '../../engine/types';
import { ALERT_COLOUR, HIGHLIGHT_COLOURS } from '../colours';
import type { AreaStyle, CellFormat, GridArea, SheetSpec } from '../workbook';
import { columnLetter, rectAddress, type CellRect } from '../layout/a1';
import { linkFormula } from '../layout/link-formula';
import { queuePageLayout } from './page-layout';
import { PageSlicer } from './page-slices';
import { jsonRowBytes, OPERATION_BYTES } from './payload';
import type { SyncBatcher } from './sync-batcher';
import { NUMBER_FORMATS } from '../layout/number-formats';
import { toExcelInput, type ExcelInput } from './text-safety';

export interface SheetWriteSettings {
  /** Target size of one values chunk (bytes); several chunks share a sync. */
  chunkBytes: number;
  maxCellsPerChunk: number;
  /** ExcelApi 1.9: style many areas with one call through RangeAreas. */
  rangeAreas: boolean;
  /** ExcelApi 1.9: print setup through worksheet.pageLayout (SheetSpec.page). */
  pageLayout?: boolean;
  /** Pauses between slices of the pane's thread (page-slices.ts); one of its own when absent. */
  slicer?: PageSlicer;
}

/** Runs of adjacent columns with the same value: [first, count, value]. */
function columnRuns<T>(values: (T | undefined)[], width: number): [number, number, T][] {
  const runs: [number, number, T][] = [];
  for (let c = 0; c < width; c++) {
    const v = values[c];
    if (v === undefined) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c && last[2] === v) last[1]++;
    else runs.push([c, 1, v]);
  }
  return runs;
}

/** Rows of input values chunked by bytes and cells: [firstRow, rows]. */
export function* chunkRows(rows: ExcelInput[][], chunkBytes: number, maxCells: number): Generator<{ start: number; rows: ExcelInput[][]; bytes: number }> {
  let start = 0;
  let bytes = 0;
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const b = jsonRowBytes(rows[r]) + 1;
    if (r > start && (bytes + b > chunkBytes || cells + rows[r].length > maxCells)) {
      yield { start, rows: rows.slice(start, r), bytes };
      start = r;
      bytes = 0;
      cells = 0;
    }
    bytes += b;
    cells += rows[r].length;
  }
  if (rows.length > start) yield { start, rows: rows.slice(start), bytes };
}

/** Column width in Excel's character units → points (Calibri 11: 7 px a character + 5 px padding). */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function styleKey(s: AreaStyle): string {
  return JSON.stringify([s.bold ?? false, s.fill ?? null, s.format ?? null, s.merge ?? false, s.wrap ?? false, s.align ?? null, s.border ?? null, s.alert ?? false]);
}

/** Areas with the same style, stacked rows of the same columns merged into one area. */
export function coalesceStyles(styles: AreaStyle[]): { style: AreaStyle; areas: GridArea[] }[] {
  const groups = new Map<string, { style: AreaStyle; areas: GridArea[] }>();
  for (const s of styles) {
    const key = styleKey(s);
    const g = groups.get(key) ?? { style: s, areas: [] };
    g.areas.push(s.area);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.style.merge) continue; // each merged area is its own cell
    const sorted = [...g.areas].sort((a, b) => a.column - b.column || a.columns - b.columns || a.row - b.row);
    const merged: GridArea[] = [];
    for (const a of sorted) {
      const last = merged[merged.length - 1];
      if (last && last.column === a.column && last.columns === a.columns && last.row + last.rows >= a.row) {
        last.rows = Math.max(last.row + last.rows, a.row + a.rows) - last.row;
      } else merged.push({ ...a });
    }
    g.areas = merged;
  }
  return [...groups.values()];
}

type Formattable = Pick<RangeApi, 'format'>;

function applyLook(target: Formattable, style: AreaStyle): number {
  let ops = 0;
  if (style.bold) {
    target.format.font.bold = true;
    ops++;
  }
  if (style.fill) {
    target.format.fill.color = HIGHLIGHT_COLOURS[style.fill];
    ops++;
  }
  if (style.alert) {
    target.format.font.color = ALERT_COLOUR;
    ops++;
  }
  if (style.wrap) {
    target.format.wrapText = true;
    ops++;
  }
  if (style.align) {
    target.format.horizontalAlignment = style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
    ops++;
  }
  if (style.border) {
    const edges = style.border === 'box' ? ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] : [style.border === 'top' ? 'EdgeTop' : 'EdgeBottom'];
    for (const edge of edges) target.format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous';
    ops += edges.length;
  }
  return ops;
}

/** A spec's 0-based area as a 1-based sheet rectangle (output sheets start at A1). */
function gridRect(area: GridArea): CellRect {
  return { top: area.row + 1, left: area.column + 1, bottom: area.row + area.rows, right: area.column + area.columns };
}

function rangeOf(sheet: WorksheetApi, area: GridArea): RangeApi {
  return sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns);
}

const MAX_AREAS_ADDRESS = 8000; // Worksheet.getRanges accepts 8,192 characters

/** Cells a sheet writes (progress units). */
export function sheetCells(spec: SheetSpec): number {
  const width = widestRow(spec.values);
  return width * spec.values.length;
}

/**
 * Queues the frozen header rows, apart from the rest of the sheet and only once the sheet is
 * visible: freezing panes on a hidden sheet throws on some Excel builds (office-js issues #1463,
 * #2196). Returns whether anything was queued.
 */
export function queueFrozenRows(sheet: WorksheetApi, spec: SheetSpec): boolean {
  if (!spec.freezeRows || spec.freezeRows <= 0) return false;
  sheet.freezePanes.freezeRows(spec.freezeRows);
  return true;
}

/** Queues everything for one sheet but its frozen rows (queueFrozenRows); returns the table proxy when the spec has one. */
export async function queueSheet(
  batcher: SyncBatcher,
  sheet: WorksheetApi,
  spec: SheetSpec,
  settings: SheetWriteSettings,
  tableName?: string,
): Promise<TableApi | undefined> {
  const height = spec.values.length;
  const width = widestRow(spec.values);
  const formats: (CellFormat | undefined)[] = Array.from({ length: width }, (_, c) => {
    const f = spec.columnFormats?.[c];
    return f && f !== 'general' ? f : undefined;
  });

  // Links to source rows go in with the values as HYPERLINK formulas (no operation per link), except
  // in text-formatted columns, where Excel would keep a formula as text: those get the hyperlink property.
  const slicer = settings.slicer ?? new PageSlicer();
  // Keyed by cell number (no key string per link, nor per cell of a linked row when looked up).
  const linkKey = (row: number, column: number) => (column < width ? row * width + column : -1);
  const formulaLinks = new Map<number, string>();
  for (const link of spec.links ?? []) {
    const value = spec.values[link.row]?.[link.column];
    if (formats[link.column] !== 'text' && value !== null && value !== undefined && value !== '') {
      formulaLinks.set(linkKey(link.row, link.column), `=${linkFormula(link.target, value)}`);
    }
    if (slicer.due()) await slicer.pause();
  }
  if (height > 0) {
    for (const [first, count, format] of columnRuns(formats, width)) {
      await batcher.add(OPERATION_BYTES * 2, () => {
        // One number format for the whole column range: a single value applies to every cell.
        sheet.getRangeByIndexes(0, first, height, count).numberFormat = NUMBER_FORMATS[format] as unknown as string[][];
      });
    }
    // Row by row into the same chunks as chunkRows makes, pausing (no sync) when a slice of the
    // pane's thread is used up: 100,000 rows of input are over a second of work.
    const linkedRows = new Set((spec.links ?? []).map((l) => l.row));
    /**
     * One row's input values. A row whose every cell goes as it is (full width, no link, no text
     * made safe, no empty cell) is handed over itself: each request's 2-D array is new (`rows`),
     * its rows need not be, since Office.js, like the fake, reads them only at sync and nothing
     * changes a spec's values once laid out. Every row copied is an array that lives until its
     * request's sync, through the garbage collector's scavenges (issue 8, point 6).
     */
    const inputRow = (r: number): ExcelInput[] => {
      const row = spec.values[r];
      const linked = linkedRows.has(r);
      let out: ExcelInput[] | null = row.length === width ? null : new Array(width);
      for (let c = 0; c < width; c++) {
        const value = row[c];
        const link = linked ? formulaLinks.get(linkKey(r, c)) : undefined;
        const input = link ?? toExcelInput(value as CellValue, formats[c] === 'text');
        if (out === null) {
          if (input === value) continue;
          out = new Array(width);
          for (let k = 0; k < c; k++) out[k] = row[k] as ExcelInput;
        }
        out[c] = input;
      }
      return out ?? (row as ExcelInput[]);
    };
    const queueChunk = (start: number, rows: ExcelInput[][], bytes: number) =>
      batcher.add(
        OPERATION_BYTES * 2 + bytes,
        () => {
          sheet.getRangeByIndexes(start, 0, rows.length, width).values = rows;
        },
        rows.length * width,
      );
    let start = 0;
    let rows: ExcelInput[][] = [];
    let bytes = 0;
    let cells = 0;
    for (let r = 0; r < height; r++) {
      const row = inputRow(r);
      const b = jsonRowBytes(row) + 1;
      if (rows.length > 0 && (bytes + b > settings.chunkBytes || cells + row.length > settings.maxCellsPerChunk)) {
        await queueChunk(start, rows, bytes);
        start = r;
        rows = [];
        bytes = 0;
        cells = 0;
      }
      rows.push(row);
      bytes += b;
      cells += row.length;
      if (slicer.due()) await slicer.pause();
    }
    if (rows.length > 0) await queueChunk(start, rows, bytes);
  }

  for (const { style, areas } of coalesceStyles(spec.styles ?? [])) {
    const onlyLooks = !style.merge && !style.format;
    if (settings.rangeAreas && onlyLooks && areas.length > 1) {
      let batch: string[] = [];
      let length = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const address = batch.join(',');
        batch = [];
        length = 0;
        await batcher.add(OPERATION_BYTES * 6 + address.length, () => {
          applyLook(sheet.getRanges(address), style);
        });
      };
      for (const a of areas) {
        const address = rectAddress(gridRect(a));
        if (length + address.length + 1 > MAX_AREAS_ADDRESS) await flush();
        batch.push(address);
        length += address.length + 1;
      }
      await flush();
      continue;
    }
    for (const area of areas) {
      await batcher.add(OPERATION_BYTES * 6, () => {
        const range = rangeOf(sheet, area);
        if (style.format) range.numberFormat = NUMBER_FORMATS[style.format] as unknown as string[][];
        if (style.merge) range.merge(false);
        applyLook(range, style);
      });
    }
  }

  const widths = columnRuns(spec.columnWidths ?? [], spec.columnWidths?.length ?? 0);
  for (const [first, count, w] of widths) {
    await batcher.add(OPERATION_BYTES * 2, () => {
      sheet.getRange(`${columnLetter(first + 1)}:${columnLetter(first + count)}`).format.columnWidth = widthToPoints(w);
    });
  }
  for (const link of (spec.links ?? []).filter((l) => !formulaLinks.has(linkKey(l.row, l.column)))) {
    // One operation per link left (text columns: the statements index, one per statement), ExcelApi 1.7.
    await batcher.add(OPERATION_BYTES * 2 + link.target.length * 6, () => {
      const text = spec.values[link.row]?.[link.column];
      sheet.getRangeByIndexes(link.row, link.column, 1, 1).hyperlink = {
        documentReference: link.target,
        textToDisplay: String(text ?? link.target),
      };
    });
  }
  for (const chart of spec.charts ?? []) {
    await batcher.add(OPERATION_BYTES * 4 + chart.title.length * 3, () => {
      // ExcelApi 1.1: a chart from a range, series by columns (first row names, first column categories).
      const added = sheet.charts.add(chart.type === 'bar' ? 'BarClustered' : 'ColumnClustered', rangeOf(sheet, chart.data), 'Columns');
      added.title.text = chart.title;
      const corner = gridRect(chart.anchor);
      added.setPosition(rectAddress({ ...corner, bottom: corner.top, right: corner.left }), rectAddress({ ...corner, top: corner.bottom, left: corner.right }));
    });
  }
  if (settings.pageLayout) await queuePageLayout(batcher, sheet, spec);
  if (spec.table) {
    const area = spec.table.area;
    let table: TableApi | undefined;
    await batcher.add(OPERATION_BYTES * 3, () => {
      // A range of this sheet, never a bare address: Excel puts a table given an address without a
      // sheet name on the *active* sheet (TableCollection.add, ExcelApi 1.3 for a Range argument).
      table = sheet.tables.add(rangeOf(sheet, area), true);
      if (tableName) table.name = tableName;
    });
    return table;
  }
  return undefined;
}
