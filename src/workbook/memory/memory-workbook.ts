/**
 * MemoryWorkbook: the Workbook interface over plain data, for tests and for checking what a run
 * would write. It models what matters to the promises the interface makes:
 *   - cell values and the user's own per-cell formats and fills, kept apart from Recon's output;
 *   - highlights as conditional rules over ranges (never fills on the user's cells);
 *   - a hidden Recon state (the RunRecord plus what the status cells held before), like the
 *     `_recon_state` sheet of an .xlsx file;
 *   - writeRun staged on a copy and swapped in at the end, so a failure or abort changes nothing.
 */
import { throwIfAborted } from '../abort';
import type { CellValue } from '../../engine/types';
import { HIGHLIGHT_COLOURS } from '../colours';
import { extendRect, parseAddress, sheetAddress, type CellRect } from '../layout/a1';
import { isStatusCell, statusCellsOn } from '../layout/status-cells';
import { highlightForLabel, highlightRect } from '../layout/highlight-rules';
import { planRun, type WorkbookProbe } from '../layout/write-plan';
import type {
  CellBlock,
  CellFormat,
  CellLink,
  ChartSpec,
  Highlight,
  HighlightRule,
  PageSetup,
  RunOutputs,
  RunRecord,
  SheetSpec,
  SourceAnnotation,
  Workbook,
  WriteProgress,
} from '../workbook';

/** A sheet as a test sets it up: values from A1, optional per-cell formats and fills by A1 cell. */
export interface MemorySheetInit {
  name: string;
  values?: CellValue[][];
  formats?: Record<string, CellFormat>;
  /** Fill colours ('#FFFF00') by cell, e.g. `{ B3: '#FFFF00' }`. */
  fills?: Record<string, string>;
  /** The user's own Excel tables, `{ name: 'Bank', range: 'A5:H90' }`. */
  tables?: { name: string; range: string }[];
}

export interface MemoryWorkbookOptions {
  /** The user's selection, e.g. `'Bank'!A5:H90`. */
  selection?: string;
  /** Called before each write step with its name; throw from it to simulate a failing host. */
  beforeStep?: (step: string) => void;
}

/** Conditional highlights: `rules` tested on the status column's label of each row of `area`. */
export interface ConditionalHighlight {
  area: CellRect;
  statusColumn: number;
  rules: HighlightRule[];
}

interface MemorySheet {
  name: string;
  /** 'row,column' (1-based) → value; an absent key is a cell never written. */
  cells: Map<string, CellValue>;
  formats: Map<string, CellFormat>;
  fills: Map<string, string>;
  bold: Set<string>;
  columnWidths: Map<number, number>;
  tables: { name: string; range: CellRect }[];
  freezeRows: number;
  conditional: ConditionalHighlight[];
  /** The spec's print setup, kept as it is (a memory workbook does not print). */
  page?: PageSetup;
  /** An output sheet's links to source rows and its charts, kept as the spec gave them. */
  links?: CellLink[];
  charts?: ChartSpec[];
  /** Cells in red ('row,column'). */
  alerts?: string[];
}

/** What the status cells held before Recon wrote them, so Clear puts back exactly that. */
interface StatusBackup {
  sheet: string;
  row: number;
  column: number;
  had: boolean;
  value: CellValue;
}

interface ReconState {
  record: RunRecord;
  statusBackup: StatusBackup[];
}

interface Book {
  sheets: MemorySheet[];
  state: ReconState | null;
}

/** A plain, comparable picture of the whole workbook (for deep-equal in tests). */
export interface MemorySnapshot {
  sheets: {
    name: string;
    cells: Record<string, CellValue>;
    formats: Record<string, CellFormat>;
    fills: Record<string, string>;
    bold: string[];
    columnWidths: Record<string, number>;
    tables: { name: string; range: CellRect }[];
    freezeRows: number;
    conditional: ConditionalHighlight[];
    page?: PageSetup;
  }[];
  state: ReconState | null;
}

const key = (row: number, column: number) => `${row},${column}`;
const isBlank = (value: CellValue) => value === null || value === undefined || value === '';

export class MemoryWorkbook implements Workbook {
  private book: Book;
  private selection: string | undefined;
  private active: string;
  private readonly beforeStep: (step: string) => void;

  constructor(sheets: MemorySheetInit[], options: MemoryWorkbookOptions = {}) {
    if (sheets.length === 0) throw new Error('A workbook has at least one sheet.');
    this.book = { sheets: sheets.map(fromInit), state: null };
    this.selection = options.selection;
    this.active = sheets[0].name;
    this.beforeStep = options.beforeStep ?? (() => undefined);
  }

  async sheetNames(): Promise<string[]> {
    return this.book.sheets.map((s) => s.name);
  }

  async selectedAddress(): Promise<string> {
    if (this.selection === undefined) throw new Error('Nothing is selected.');
    return this.selection;
  }

  select(address: string): void {
    this.selection = address;
  }

  async readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    const parsed = parseAddress(address);
    const sheet = this.sheet(parsed.sheet ?? this.active);
    let rect = parsed.rect ?? usedRange(sheet, this.book.state?.record ?? null);
    if (parsed.rect && rect.top === rect.bottom && rect.left === rect.right) {
      rect = sheet.tables.find((t) => contains(t.range, rect.top, rect.left))?.range ?? rect;
    }
    const values: CellValue[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: CellValue[] = [];
      for (let column = rect.left; column <= rect.right; column++) line.push(sheet.cells.get(key(row, column)) ?? null);
      values.push(line);
    }
    onProgress?.(1, 1);
    return { sheet: sheet.name, top: rect.top, left: rect.left, values, address: sheetAddress(sheet.name, rect) };
  }

  async writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const staged = cloneBook(this.book);
    const plan = planRun(outputs, probeOf(staged));
    const steps: [string, () => void][] = [
      ...removalSteps(staged),
      ...plan.sheets.map((spec): [string, () => void] => [`sheet:${spec.name}`, () => staged.sheets.push(sheetFromSpec(spec))]),
    ];
    const backup: StatusBackup[] = [];
    for (const annotation of plan.annotations) {
      steps.push([`status:${annotation.sheet}`, () => backup.push(...writeStatusColumn(findSheet(staged, annotation.sheet), annotation))]);
      steps.push([`highlight:${annotation.sheet}`, () => addHighlight(findSheet(staged, annotation.sheet), annotation)]);
    }
    steps.push(['record', () => (staged.state = { record: plan.record, statusBackup: backup })]);
    this.runSteps(steps, onProgress, signal);
    this.book = staged;
  }

  async lastRun(): Promise<RunRecord | null> {
    return this.book.state ? structuredClone(this.book.state.record) : null;
  }

  async clearRun(): Promise<void> {
    if (!this.book.state) return;
    const staged = cloneBook(this.book);
    this.runSteps(removalSteps(staged));
    this.book = staged;
    if (!this.book.sheets.some((s) => s.name === this.active)) this.active = this.book.sheets[0].name;
  }

  async activateSheet(name: string): Promise<void> {
    this.active = this.sheet(name).name;
  }

  // ---- For tests: look at what a user would see. ----

  activeSheet(): string {
    return this.active;
  }

  /** The value in one cell (`'Bank'!H6` or sheet + A1). */
  valueAt(sheetName: string, cell: string): CellValue {
    const rect = parseAddress(cell).rect;
    if (!rect) throw new RangeError(`Not a cell: ${cell}`);
    return this.sheet(sheetName).cells.get(key(rect.top, rect.left)) ?? null;
  }

  /** The fill a user sees on a cell: a conditional highlight if one applies, else the cell's own fill. */
  shownFill(sheetName: string, cell: string): string | null {
    const rect = parseAddress(cell).rect;
    if (!rect) throw new RangeError(`Not a cell: ${cell}`);
    const highlight = this.highlightAt(sheetName, rect.top, rect.left);
    return highlight ? HIGHLIGHT_COLOURS[highlight] : (this.sheet(sheetName).fills.get(key(rect.top, rect.left)) ?? null);
  }

  highlightAt(sheetName: string, row: number, column: number): Highlight | null {
    const sheet = this.sheet(sheetName);
    for (const rule of sheet.conditional) {
      if (!contains(rule.area, row, column)) continue;
      const label = sheet.cells.get(key(row, rule.statusColumn));
      const highlight = highlightForLabel(typeof label === 'string' ? label : '', rule.rules);
      if (highlight) return highlight;
    }
    return null;
  }

  conditionalHighlights(sheetName: string): ConditionalHighlight[] {
    return structuredClone(this.sheet(sheetName).conditional);
  }

  /** An output sheet's links to source rows (where each linked cell goes). */
  links(sheetName: string): CellLink[] {
    return structuredClone(this.sheet(sheetName).links ?? []);
  }

  /** An output sheet's native charts. */
  charts(sheetName: string): ChartSpec[] {
    return structuredClone(this.sheet(sheetName).charts ?? []);
  }

  /** True when a cell's text is red (an unexplained difference). */
  isAlert(sheetName: string, cell: string): boolean {
    const rect = parseAddress(cell).rect;
    if (!rect) throw new RangeError(`Not a cell: ${cell}`);
    return (this.sheet(sheetName).alerts ?? []).includes(key(rect.top, rect.left));
  }

  tables(sheetName: string): { name: string; range: CellRect }[] {
    return structuredClone(this.sheet(sheetName).tables);
  }

  /** Where a cell links to (`'Index'!B2` → `'客户A'!A1`), or null. */
  linkAt(sheetName: string, cell: string): string | null {
    const at = parseAddress(cell).rect;
    const link = this.sheet(sheetName).links?.find((l) => l.row + 1 === at?.top && l.column + 1 === at?.left);
    return link?.target ?? null;
  }

  /** The print setup an output sheet was written with, or null. */
  pageSetup(sheetName: string): PageSetup | null {
    const page = this.sheet(sheetName).page;
    return page ? structuredClone(page) : null;
  }

  formatAt(sheetName: string, row: number, column: number): CellFormat | null {
    return this.sheet(sheetName).formats.get(key(row, column)) ?? null;
  }

  snapshot(): MemorySnapshot {
    return {
      sheets: this.book.sheets.map((s) => ({
        name: s.name,
        cells: sortedRecord(s.cells),
        formats: sortedRecord(s.formats),
        fills: sortedRecord(s.fills),
        bold: [...s.bold].sort(),
        columnWidths: sortedRecord(s.columnWidths),
        tables: structuredClone(s.tables),
        freezeRows: s.freezeRows,
        conditional: structuredClone(s.conditional),
        ...(s.page ? { page: structuredClone(s.page) } : {}),
      })),
      state: structuredClone(this.book.state),
    };
  }

  // ---- internals ----

  private sheet(name: string): MemorySheet {
    return findSheet(this.book, name);
  }

  private runSteps(steps: [string, () => void][], onProgress?: WriteProgress, signal?: AbortSignal): void {
    steps.forEach(([name, step], i) => {
      throwIfAborted(signal);
      this.beforeStep(name);
      step();
      onProgress?.(i + 1, steps.length);
    });
    throwIfAborted(signal);
  }
}

function fromInit(init: MemorySheetInit): MemorySheet {
  const sheet = emptySheet(init.name);
  (init.values ?? []).forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== undefined) sheet.cells.set(key(r + 1, c + 1), value);
    }),
  );
  for (const [cell, format] of Object.entries(init.formats ?? {})) sheet.formats.set(cellKey(cell), format);
  for (const [cell, fill] of Object.entries(init.fills ?? {})) sheet.fills.set(cellKey(cell), fill);
  sheet.tables = (init.tables ?? []).map((t) => ({ name: t.name, range: rectOf(t.range) }));
  return sheet;
}

function emptySheet(name: string): MemorySheet {
  return {
    name,
    cells: new Map(),
    formats: new Map(),
    fills: new Map(),
    bold: new Set(),
    columnWidths: new Map(),
    tables: [],
    freezeRows: 0,
    conditional: [],
  };
}

function sheetFromSpec(spec: SheetSpec): MemorySheet {
  const sheet = emptySheet(spec.name);
  spec.values.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.cells.set(key(r + 1, c + 1), value);
      const format = spec.columnFormats?.[c];
      if (format) sheet.formats.set(key(r + 1, c + 1), format);
    }),
  );
  for (const style of spec.styles ?? []) {
    for (let r = style.area.row; r < style.area.row + style.area.rows; r++) {
      for (let c = style.area.column; c < style.area.column + style.area.columns; c++) {
        const k = key(r + 1, c + 1);
        if (style.fill) sheet.fills.set(k, HIGHLIGHT_COLOURS[style.fill]);
        if (style.bold) sheet.bold.add(k);
        if (style.format) sheet.formats.set(k, style.format);
        if (style.alert) (sheet.alerts ??= []).push(k);
      }
    }
  }
  spec.columnWidths?.forEach((width, c) => sheet.columnWidths.set(c + 1, width));
  if (spec.table) {
    const { area } = spec.table;
    const range = { top: area.row + 1, left: area.column + 1, bottom: area.row + area.rows, right: area.column + area.columns };
    sheet.tables.push({ name: spec.table.name, range });
  }
  sheet.freezeRows = spec.freezeRows ?? 0;
  if (spec.page) sheet.page = structuredClone(spec.page);
  if (spec.links?.length) sheet.links = structuredClone(spec.links);
  if (spec.charts?.length) sheet.charts = structuredClone(spec.charts);
  return sheet;
}

/** The steps that undo the previous run (what its record and backup name), and drop the state. */
function removalSteps(book: Book): [string, () => void][] {
  const state = book.state;
  if (!state) return [];
  const steps: [string, () => void][] = [];
  for (const name of state.record.sheets) {
    steps.push([`remove-sheet:${name}`, () => (book.sheets = book.sheets.filter((s) => s.name !== name))]);
  }
  steps.push([
    'clear-status',
    () => {
      for (const cell of state.statusBackup) {
        const sheet = book.sheets.find((s) => s.name === cell.sheet);
        if (!sheet) continue;
        if (cell.had) sheet.cells.set(key(cell.row, cell.column), cell.value);
        else sheet.cells.delete(key(cell.row, cell.column));
      }
    },
  ]);
  for (const area of state.record.highlightAreas ?? []) {
    steps.push([
      `remove-highlight:${area}`,
      () => {
        const { sheet: name, rect } = parseAddress(area);
        const sheet = book.sheets.find((s) => s.name === name);
        if (sheet && rect) sheet.conditional = sheet.conditional.filter((c) => !sameRect(c.area, rect));
      },
    ]);
  }
  steps.push(['forget-record', () => (book.state = null)]);
  return steps;
}

function writeStatusColumn(sheet: MemorySheet, annotation: SourceAnnotation): StatusBackup[] {
  const backup: StatusBackup[] = [];
  const write = (row: number, value: string) => {
    const k = key(row, annotation.statusColumn);
    backup.push({ sheet: sheet.name, row, column: annotation.statusColumn, had: sheet.cells.has(k), value: sheet.cells.get(k) ?? null });
    sheet.cells.set(k, value);
  };
  if (annotation.firstRow >= 1) write(annotation.firstRow, annotation.statusHeader);
  annotation.labels.forEach((label, i) => {
    if (label !== '') write(annotation.firstRow + 1 + i, label);
  });
  return backup;
}

function addHighlight(sheet: MemorySheet, annotation: SourceAnnotation): void {
  const area = highlightRect(annotation);
  if (!annotation.highlightRules?.length || !area) return;
  sheet.conditional.push({ area, statusColumn: annotation.statusColumn, rules: structuredClone(annotation.highlightRules) });
}

function probeOf(book: Book): WorkbookProbe {
  return {
    sheetNames: book.sheets.map((s) => s.name),
    previous: book.state?.record ?? null,
    isEmpty: (name, row, column) => {
      const sheet = book.sheets.find((s) => s.name === name);
      return !sheet || isBlank(sheet.cells.get(key(row, column)));
    },
  };
}

function findSheet(book: Book, name: string): MemorySheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`There is no sheet named "${name}".`);
  return sheet;
}

function cloneBook(book: Book): Book {
  return structuredClone(book);
}

/** The user's used range: Recon's own status cells do not count, so a re-run reads the same range. */
function usedRange(sheet: MemorySheet, record: RunRecord | null): CellRect {
  const statusCells = statusCellsOn(record?.statusColumns ?? [], sheet.name);
  let rect: CellRect | null = null;
  for (const [k, value] of sheet.cells) {
    if (isBlank(value)) continue;
    const [row, column] = k.split(',').map(Number);
    if (isStatusCell(statusCells, row, column)) continue;
    rect = extendRect(rect, row, column);
  }
  return rect ?? { top: 1, left: 1, bottom: 1, right: 1 };
}

function contains(rect: CellRect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

function sameRect(a: CellRect, b: CellRect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function rectOf(range: string): CellRect {
  const rect = parseAddress(range).rect;
  if (!rect) throw new RangeError(`Not a range: ${range}`);
  return rect;
}

function cellKey(cell: string): string {
  const rect = rectOf(cell);
  return key(rect.top, rect.left);
}

function sortedRecord<K extends string | number, V>(map: Map<K, V>): Record<string, V> {
  return Object.fromEntries([...map.entries()].map(([k, v]) => [String(k), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
