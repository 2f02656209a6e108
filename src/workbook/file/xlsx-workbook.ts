/**
 * XlsxWorkbook: the Workbook interface over an .xlsx (or .csv) file held in memory, through exceljs.
 * Bytes in, bytes out (Uint8Array), no file system, so the command line and a browser page share it.
 *
 * What a run leaves in the file:
 *   - output sheets with real Excel tables, number formats, frozen headers and column widths;
 *   - a status column right of each user range (values only: the user's cells keep their styles);
 *   - highlights as conditional-formatting rules over the user's range keyed on that column, so
 *     the user's own fills stay as they are and Clear removes the rules and nothing else;
 *   - Recon's state (run record, decisions, audit, aliases) in a veryHidden sheet `_recon_state`,
 *     in the one format every host shares (layout/recon-state).
 * All-or-nothing: a run is planned and checked first; if a step still fails or the signal aborts,
 * the workbook is reloaded from the bytes taken before the first change.
 */
import { throwIfAborted } from '../abort';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';
import { ALERT_COLOUR, argb, HIGHLIGHT_COLOURS } from '../colours';
import { columnLetter, parseAddress, rectAddress, sheetAddress, type CellRect } from '../layout/a1';
import { statusCellsOn, usedRectOf } from '../layout/status-cells';
import { highlightRect, ruleFormula } from '../layout/highlight-rules';
import { cleanSheetName } from '../layout/sheet-names';
import { planRun, type WorkbookProbe, type WritePlan } from '../layout/write-plan';
import { decodeState, emptyMemory, encodeState, STATE_COLUMNS, STATE_SHEET, stateOf, type ReconState, type WorkbookMemory } from '../layout/recon-state';
import { fittedColumnWidths } from '../layout/text-width';
import type { AreaStyle, CellBlock, CellFormat, CellLink, RunOutputs, RunRecord, SheetSpec, SourceAnnotation, Workbook, WriteProgress } from '../workbook';
import { applyPageSetup } from './page-setup';
import { readCsv } from './read-csv';
import { addChartParts, type SheetCharts } from './chart-parts';
import { linkFormula } from '../layout/link-formula';
import { correct1904Dates, worksheetValues } from './sheet-values';
import { fileNumberFormat } from '../layout/number-formats';

export { STATE_SHEET } from '../layout/recon-state';

export interface XlsxWorkbookOptions {
  /** Called before each write step with its name; throw from it to simulate a failing host (tests). */
  beforeStep?: (step: string) => void;
}

type Step = [string, () => void];

export class XlsxWorkbook implements Workbook {
  /** Charts of output sheets, by sheet name: exceljs cannot hold them, so toBytes adds their parts. */
  private charts = new Map<string, SheetCharts>();

  private constructor(
    private book: ExcelJS.Workbook,
    readonly fileName: string,
    private readonly options: XlsxWorkbookOptions = {},
  ) {}

  /** Opens .xlsx bytes; .csv bytes become a one-sheet workbook named after the file. */
  static async fromBytes(bytes: Uint8Array, fileName: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    if (/\.csv$/i.test(fileName)) {
      const sheetName = sheetNameOfFile(fileName);
      return XlsxWorkbook.fromSheets([{ name: sheetName, values: readCsv(bytes) }], fileName, options);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asLoadable(bytes));
    await correct1904Dates(book, bytes);
    return new XlsxWorkbook(book, fileName, options);
  }

  /** A new workbook holding copies of the given values (the command line's reconciled workbook). */
  static fromSheets(
    sheets: { name: string; values: CellValue[][]; formats?: readonly (string | undefined)[]; hidden?: boolean }[],
    fileName = 'workbook.xlsx',
    options: XlsxWorkbookOptions = {},
  ): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    for (const sheet of sheets) {
      const ws = book.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : undefined);
      writeValues(ws, sheet.values, sheet.formats);
      // a sheet made from a CSV has no widths of its own: wide enough to show its values whole
      fittedColumnWidths(sheet.values, sheet.formats).forEach((width, c) => width !== undefined && (ws.getColumn(c + 1).width = width));
    }
    return new XlsxWorkbook(book, fileName, options);
  }

  async toBytes(): Promise<Uint8Array> {
    const restore = shareStyles(this.book);
    let buffer: ExcelJS.Buffer;
    try {
      buffer = await this.book.xlsx.writeBuffer();
    } finally {
      restore();
    }
    const sheets = [...this.charts.values()].filter((c) => this.book.getWorksheet(c.sheet));
    return addChartParts(new Uint8Array(buffer as ArrayBuffer), sheets);
  }

  async sheetNames(): Promise<string[]> {
    return this.userWorksheets().map((ws) => ws.name);
  }

  async selectedAddress(): Promise<string> {
    throw new Error('A workbook file has no selection: name a sheet or a range such as \'Bank\'!A1:H90.');
  }

  async readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    const parsed = parseAddress(address);
    const ws = parsed.sheet === undefined ? this.userWorksheets()[0] : this.worksheet(parsed.sheet);
    const all = worksheetValues(ws);
    let rect = parsed.rect ?? usedRectOf(all, this.statusCellsOf(ws.name)) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    if (parsed.rect && rect.top === rect.bottom && rect.left === rect.right) rect = tableAround(ws, rect) ?? rect;
    const values: CellValue[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line = all[row - 1] ?? [];
      const out: CellValue[] = [];
      for (let column = rect.left; column <= rect.right; column++) out.push(line[column - 1] ?? null);
      values.push(out);
    }
    onProgress?.(1, 1);
    return { sheet: ws.name, top: rect.top, left: rect.left, values, address: sheetAddress(ws.name, rect) };
  }

  async writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const previous = this.readState();
    const plan = planRun(outputs, this.probe(previous?.run ?? null));
    await this.transaction([...this.removalSteps(previous?.run ?? null), ...this.writeSteps(plan, outputs.memory ?? previous?.memory)], onProgress, signal);
  }

  async lastRun(): Promise<RunRecord | null> {
    return this.readState()?.run ?? null;
  }

  async readMemory(): Promise<WorkbookMemory> {
    return this.readState()?.memory ?? emptyMemory();
  }

  async saveMemory(memory: WorkbookMemory): Promise<void> {
    const state = this.readState();
    await this.transaction([['record', () => this.writeState(stateOf(state?.run ?? null, memory, state?.host))]]);
  }

  /** Removes the last run's outputs; a state this version cannot read is removed on its own. */
  async clearRun(): Promise<void> {
    let record: RunRecord | null;
    try {
      record = this.readState()?.run ?? null;
    } catch {
      record = null;
    }
    await this.transaction(record ? this.removalSteps(record) : [['forget-record', () => this.removeStateSheet()]]);
  }

  /**
   * How one cell looks (number format, solid fill as '#RRGGBB', bold), for a host that draws the
   * sheet itself (the standalone page's grid). Parts left out are Excel's defaults.
   */
  cellStyle(sheet: string, row: number, column: number): { numFmt?: string; fill?: string; bold?: boolean } {
    const cell = this.book.getWorksheet(sheet)?.findCell(row, column);
    if (!cell) return {};
    const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
    return { numFmt: cell.numFmt || undefined, fill: fill ? `#${fill.slice(-6)}` : undefined, bold: cell.font?.bold || undefined };
  }

  async activateSheet(name: string): Promise<void> {
    const index = this.book.worksheets.indexOf(this.worksheet(name));
    const views = this.book.views?.length ? this.book.views : [{ x: 0, y: 0, width: 12000, height: 8000, visibility: 'visible' }];
    this.book.views = views.map((view) => ({ ...view, activeTab: index, firstSheet: 0 })) as ExcelJS.WorkbookView[];
  }

  // ---- steps ----

  private writeSteps(plan: WritePlan, memory: WorkbookMemory | undefined): Step[] {
    const steps: Step[] = plan.sheets.map((spec) => [`sheet:${spec.name}`, () => this.addOutputSheet(spec)]);
    for (const annotation of plan.annotations) {
      steps.push([`status:${annotation.sheet}`, () => writeStatusColumn(this.worksheet(annotation.sheet), annotation)]);
      steps.push([`highlight:${annotation.sheet}`, () => addHighlightRules(this.worksheet(annotation.sheet), annotation)]);
    }
    steps.push(['record', () => this.writeState(stateOf(plan.record, memory))]);
    return steps;
  }

  /** Undo what `record`'s run wrote: its sheets, its status cells, its highlight rules, the record. */
  private removalSteps(record: RunRecord | null): Step[] {
    if (!record) return [];
    const steps: Step[] = [];
    for (const name of record.sheets) {
      steps.push([`remove-sheet:${name}`, () => {
        const ws = this.book.getWorksheet(name);
        if (ws) this.book.removeWorksheet(ws.id);
        this.charts.delete(name);
      }]);
    }
    steps.push(['clear-status', () => {
      for (const column of record.statusColumns) {
        const ws = this.book.getWorksheet(column.sheet);
        if (!ws) continue;
        for (let row = Math.max(1, column.firstRow); row <= column.lastRow; row++) {
          const cell = ws.findCell(row, column.column);
          if (cell) cell.value = null;
        }
      }
    }]);
    for (const area of record.highlightAreas ?? []) {
      steps.push([`remove-highlight:${area}`, () => {
        const { sheet, rect } = parseAddress(area);
        const ws = sheet === undefined ? undefined : this.book.getWorksheet(sheet);
        if (!ws || !rect) return;
        const ref = rectAddress(rect);
        ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => cf.ref !== ref);
      }]);
    }
    steps.push(['forget-record', () => this.removeStateSheet()]);
    return steps;
  }

  /** Runs steps in order; on any failure or abort, reloads the workbook as it was before the first. */
  private async transaction(steps: Step[], onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    const before = await this.book.xlsx.writeBuffer();
    const chartsBefore = new Map(this.charts);
    try {
      steps.forEach(([name, step], i) => {
        throwIfAborted(signal);
        this.options.beforeStep?.(name);
        step();
        onProgress?.(i + 1, steps.length);
      });
      throwIfAborted(signal);
    } catch (error) {
      const restored = new ExcelJS.Workbook();
      await restored.xlsx.load(before as ArrayBuffer);
      this.book = restored;
      this.charts = chartsBefore;
      throw error;
    }
  }

  private addOutputSheet(spec: SheetSpec): void {
    const ws = this.book.addWorksheet(spec.name);
    const table = spec.table;
    const links = new Map((spec.links ?? []).map((link): [string, CellLink] => [`${link.row},${link.column}`, link]));
    const cellValue = (value: CellValue, r: number, c: number): ExcelJS.CellValue => {
      const link = links.get(`${r},${c}`);
      return link && value !== null && value !== undefined && value !== '' ? { formula: linkFormula(link.target, value), result: value } as ExcelJS.CellValue : toExcelValue(value);
    };
    if (table) {
      const { area } = table;
      const rows = spec.values.slice(area.row, area.row + area.rows).map((line) => line.slice(area.column, area.column + area.columns));
      ws.addTable({
        name: this.freeTableName(table.name),
        ref: `${columnLetter(area.column + 1)}${area.row + 1}`,
        headerRow: true,
        style: { theme: 'TableStyleLight9', showRowStripes: true },
        columns: rows[0].map((header) => ({ name: String(header ?? ''), filterButton: true })),
        rows: rows.slice(1).map((line, r) => line.map((value, c) => cellValue(value, area.row + 1 + r, area.column + c))),
      });
    }
    spec.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (table && inArea(table.area, r, c)) return; // the table wrote these
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = cellValue(value, r, c);
      }),
    );
    spec.columnFormats?.forEach((format, c) => {
      const numFmt = fileNumberFormat(format);
      // Below the header only: the header row is text whatever the column holds.
      if (numFmt) for (let r = 2; r <= spec.values.length; r++) ws.getCell(r, c + 1).numFmt = numFmt;
    });
    for (const style of spec.styles ?? []) applyStyle(ws, style);
    spec.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    if (spec.freezeRows) ws.views = [{ state: 'frozen', ySplit: spec.freezeRows, xSplit: 0 }];
    applyPageSetup(ws, spec);
    if (spec.charts?.length) this.charts.set(spec.name, { sheet: spec.name, charts: spec.charts, values: spec.values });
  }

  private removeStateSheet(): void {
    const state = this.book.getWorksheet(STATE_SHEET);
    if (state) this.book.removeWorksheet(state.id);
  }

  /** The shared state format (layout/recon-state), every cell text. */
  private writeState(state: ReconState): void {
    this.removeStateSheet();
    const ws = this.book.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
    encodeState(state).forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        cell.numFmt = '@';
        cell.value = value;
      }),
    );
  }

  /** The stored state, or null; throws a StateError for one this version must not read. */
  private readState(): ReconState | null {
    const ws = this.book.getWorksheet(STATE_SHEET);
    if (!ws) return null;
    return decodeState(worksheetValues(ws).map((row) => row.slice(0, STATE_COLUMNS)));
  }

  /** The last run's record for finding its status cells; an unreadable state counts as none here. */
  private recordForReading(): RunRecord | null {
    try {
      return this.readState()?.run ?? null;
    } catch {
      return null;
    }
  }

  // ---- lookups ----

  private probe(previous: RunRecord | null): WorkbookProbe {
    return {
      sheetNames: this.userWorksheets().map((ws) => ws.name),
      previous,
      isEmpty: (sheet, row, column) => {
        const value = this.book.getWorksheet(sheet)?.findCell(row, column)?.value;
        return value === null || value === undefined || value === '';
      },
    };
  }

  private userWorksheets(): ExcelJS.Worksheet[] {
    return this.book.worksheets.filter((ws) => ws.name !== STATE_SHEET);
  }

  private worksheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws || ws.name === STATE_SHEET) throw new Error(`There is no sheet named "${name}" in ${this.fileName}.`);
    return ws;
  }

  /** The last run's status cells on a sheet, which the user's used range leaves out. */
  private statusCellsOf(sheet: string): RunRecord['statusColumns'] {
    return statusCellsOn(this.recordForReading()?.statusColumns ?? [], sheet);
  }

  /** Table names are unique in a workbook: `ReconMatches`, else `ReconMatches2`, … */
  private freeTableName(base: string): string {
    const taken = new Set(this.book.worksheets.flatMap((ws) => tablesOf(ws).map((t) => t.name.toUpperCase())));
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base}${n}`;
      if (!taken.has(name.toUpperCase())) return name;
    }
  }
}

/** Values (and, for number cells, their column's number format: an .xlsx source's dates and amounts). */
function writeValues(ws: ExcelJS.Worksheet, values: CellValue[][], formats: readonly (string | undefined)[] = []): void {
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = toExcelValue(value);
      if (typeof value === 'number' && formats[c] !== undefined) cell.numFmt = formats[c]!;
    }),
  );
}

/** A CellValue as exceljs stores it. A string stays a string cell, so `=1+1` is text, never a formula. */
function toExcelValue(value: CellValue): ExcelJS.CellValue {
  return value === undefined ? null : value;
}

function writeStatusColumn(ws: ExcelJS.Worksheet, annotation: SourceAnnotation): void {
  if (annotation.firstRow >= 1) ws.getCell(annotation.firstRow, annotation.statusColumn).value = annotation.statusHeader;
  annotation.labels.forEach((label, i) => {
    if (label !== '') ws.getCell(annotation.firstRow + 1 + i, annotation.statusColumn).value = label;
  });
}

function addHighlightRules(ws: ExcelJS.Worksheet, annotation: SourceAnnotation): void {
  const area = highlightRect(annotation);
  if (!annotation.highlightRules?.length || !area) return;
  const statusCell = `$${columnLetter(annotation.statusColumn)}${area.top}`;
  ws.addConditionalFormatting({
    ref: rectAddress(area),
    rules: annotation.highlightRules.map((rule) => ({
      type: 'expression',
      formulae: [ruleFormula(rule, statusCell)],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(HIGHLIGHT_COLOURS[rule.highlight]) } } },
    })) as ExcelJS.ConditionalFormattingRule[],
  });
}

function applyStyle(ws: ExcelJS.Worksheet, style: AreaStyle): void {
  const { area } = style;
  if (style.merge) ws.mergeCells(area.row + 1, area.column + 1, area.row + area.rows, area.column + area.columns);
  for (let r = area.row + 1; r <= area.row + area.rows; r++) {
    for (let c = area.column + 1; c <= area.column + area.columns; c++) {
      const cell = ws.getCell(r, c);
      // A font written without its name prints in LibreOffice's serif fallback: keep the workbook's.
      if (style.bold) cell.font = { name: 'Calibri', size: 11, ...cell.font, bold: true };
      if (style.alert) cell.font = { name: 'Calibri', size: 11, ...cell.font, color: { argb: argb(ALERT_COLOUR) } };
      if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HIGHLIGHT_COLOURS[style.fill]) } };
      if (style.format && fileNumberFormat(style.format)) cell.numFmt = fileNumberFormat(style.format)!;
      if (style.wrap || style.align) cell.alignment = { ...cell.alignment, wrapText: style.wrap, horizontal: style.align };
      if (style.border) {
        const line = { style: 'thin' as const };
        cell.border =
          style.border === 'box'
            ? { top: line, bottom: line, left: line, right: line }
            : { ...cell.border, [style.border]: line };
      }
    }
  }
}

function inArea(area: { row: number; column: number; rows: number; columns: number }, r: number, c: number): boolean {
  return r >= area.row && r < area.row + area.rows && c >= area.column && c < area.column + area.columns;
}

/** A sheet's tables as exceljs holds them (its types leave out the model's `tableRef`). */
function tablesOf(ws: ExcelJS.Worksheet): { name: string; ref: string | undefined }[] {
  const tables = ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string } }[];
  return tables.map(({ table }) => ({ name: table.name, ref: table.tableRef ?? table.ref }));
}

/** The Excel table a single cell sits in, if any. */
function tableAround(ws: ExcelJS.Worksheet, cell: CellRect): CellRect | null {
  for (const { ref } of tablesOf(ws)) {
    const rect = ref ? parseAddress(ref).rect : undefined;
    if (rect && cell.top >= rect.top && cell.top <= rect.bottom && cell.left >= rect.left && cell.left <= rect.right) return rect;
  }
  return null;
}

/** exceljs reads Buffer or ArrayBuffer; JSZip underneath takes a Uint8Array as it is. */
function asLoadable(bytes: Uint8Array): ExcelJS.Buffer {
  return bytes as unknown as ExcelJS.Buffer;
}

/** 'exports/工行流水 2025-03.csv' → '工行流水 2025-03' (valid, at most 31 characters). */
export function sheetNameOfFile(fileName: string): string {
  const name = cleanSheetName(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  return name === STATE_SHEET ? 'Sheet1' : name;
}

/**
 * exceljs works a style out (number format, font, fill … as XML, looked up by that text) for every
 * cell and row it writes, unless it has seen that very style object before (a WeakMap by object); but
 * every cell and row owns its own object, so a 100k-row workbook spent minutes there (two thirds of a
 * `recon match --out` run). For the write, cells whose styles are alike (and of a type exceljs styles
 * alike) are given one shared object, rows likewise; the returned function gives each its own object
 * back, so a later change to one cell's style never reaches another.
 */
function shareStyles(book: ExcelJS.Workbook): () => void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const owners: { style: Partial<ExcelJS.Style> }[] = [];
  const owned: Partial<ExcelJS.Style>[] = [];
  const share = (owner: { style: Partial<ExcelJS.Style> }, kind: string) => {
    const style = owner.style;
    if (!style) return;
    const key = `${kind}|${styleKey(style)}`;
    let one = shared.get(key);
    if (one === undefined) {
      one = style;
      shared.set(key, one);
    }
    if (one === style) return;
    owners.push(owner);
    owned.push(style);
    owner.style = one;
  };
  book.eachSheet((ws) => {
    ws.eachRow((row) => {
      share(row as unknown as { style: Partial<ExcelJS.Style> }, 'row');
      row.eachCell((cell) => {
        // a formula's style depends on its result's type, which the cell's own type does not say
        if (cell.type !== ExcelJS.ValueType.Formula) share(cell, String(cell.type));
      });
    });
  });
  return () => {
    for (let i = 0; i < owners.length; i++) owners[i].style = owned[i];
  };
}

/** The same text for alike styles: most cells have none, or only a number format (no JSON made for those). */
function styleKey(style: Partial<ExcelJS.Style>): string {
  let keys = 0;
  let onlyNumFmt = true;
  for (const key in style) {
    keys++;
    if (key !== 'numFmt') onlyNumFmt = false;
  }
  if (keys === 0) return '';
  if (onlyNumFmt && typeof style.numFmt === 'string') return `numFmt:${style.numFmt}`;
  return JSON.stringify(style);
}
