/**
 * MemoryWorkbook: the Workbook interface over plain data, for tests and for checking what a run
 * would write. It models what matters to the promises the interface makes:
 *   - cell values and the user's own per-cell formats and fills, kept apart from Recon's output;
 *   - highlights as conditional rules over ranges (never fills on the user's cells);
 *   - Recon's state in a very hidden sheet `_recon_state`, in the format every host shares
 *     (layout/recon-state), with this host's own part: what the status cells held before;
 *   - writeRun staged on a copy and swapped in at the end, so a failure or abort changes nothing.
 */
import { throwIfAborted } from '../abort';
import type { CellValue } from '../../engine/types';
import { HIGHLIGHT_COLOURS } from '../colours';
import { extendRect, parseAddress, sheetAddress, type CellRect } from '../layout/a1';
import { isStatusCell, statusCellsOn } from '../layout/status-cells';
import { highlightForLabel, highlightRect } from '../layout/highlight-rules';
import { planRun, type WorkbookProbe } from '../layout/write-plan';
import { decodeState, emptyMemory, encodeState, STATE_COLUMNS, STATE_SHEET, stateOf, type ReconState, type WorkbookMemory } from '../layout/recon-state';
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
  /** 'veryHidden' for Recon's state sheet when a workbook is carried over from another host. */
  visibility?: SheetVisibility;
}

export type SheetVisibility = 'visible' | 'veryHidden';

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
  visibility: SheetVisibility;
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

/** This host's part of the shared state. */
interface MemoryDetails {
  statusBackup: StatusBackup[];
}

interface Book {
  /** Every sheet, Recon's very hidden state sheet included. */
  sheets: MemorySheet[];
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
  /** Recon's state as decoded from its hidden sheet. */
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
    this.book = { sheets: sheets.map(fromInit) };
    this.selection = options.selection;
    this.active = sheets[0].name;
    this.beforeStep = options.beforeStep ?? (() => undefined);
  }

  async sheetNames(): Promise<string[]> {
    return visibleSheets(this.book).map((s) => s.name);
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
    let rect = parsed.rect ?? usedRange(sheet, recordForReading(this.book));
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
    const previous = readState(staged);
    const plan = planRun(outputs, probeOf(staged, previous?.run ?? null));
    const steps: [string, () => void][] = [
      ...removalSteps(staged),
      ...plan.sheets.map((spec): [string, () => void] => [`sheet:${spec.name}`, () => staged.sheets.push(sheetFromSpec(spec))]),
    ];
    const backup: StatusBackup[] = [];
    for (const annotation of plan.annotations) {
      steps.push([`status:${annotation.sheet}`, () => backup.push(...writeStatusColumn(findSheet(staged, annotation.sheet), annotation))]);
      steps.push([`highlight:${annotation.sheet}`, () => addHighlight(findSheet(staged, annotation.sheet), annotation)]);
    }
    const details: MemoryDetails = { statusBackup: backup };
    steps.push(['record', () => writeState(staged, stateOf(plan.record, outputs.memory ?? previous?.memory, { memory: details }))]);
    this.runSteps(steps, onProgress, signal);
    this.book = staged;
  }

  async lastRun(): Promise<RunRecord | null> {
    return readState(this.book)?.run ?? null;
  }

  async readMemory(): Promise<WorkbookMemory> {
    return readState(this.book)?.memory ?? emptyMemory();
  }

  async saveMemory(memory: WorkbookMemory): Promise<void> {
    const state = readState(this.book);
    const staged = cloneBook(this.book);
    this.runSteps([['record', () => writeState(staged, stateOf(state?.run ?? null, memory, state?.host))]]);
    this.book = staged;
  }

  /** Removes the last run's outputs; a state this version cannot read is removed on its own. */
  async clearRun(): Promise<void> {
    if (!findHidden(this.book)) return;
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

  /**
   * Every sheet's values, Recon's hidden state sheet included, as another host would find them in
   * the saved file (for carrying a workbook from one host to another in tests).
   */
  allSheets(): { name: string; values: CellValue[][]; visibility: SheetVisibility }[] {
    return this.book.sheets.map((s) => ({ name: s.name, values: gridOf(s), visibility: s.visibility }));
  }

  snapshot(): MemorySnapshot {
    let state: ReconState | null;
    try {
      state = readState(this.book);
    } catch {
      state = null;
    }
    return {
      sheets: visibleSheets(this.book).map((s) => ({
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
      state,
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
  sheet.visibility = init.visibility ?? 'visible';
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
    visibility: 'visible',
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
  let state: ReconState | null;
  try {
    state = readState(book);
  } catch {
    state = null; // unreadable: only the state sheet itself goes
  }
  const record = state?.run;
  const statusBackup = (state?.host.memory as MemoryDetails | undefined)?.statusBackup ?? [];
  const steps: [string, () => void][] = [];
  if (!record) {
    steps.push(['forget-record', () => removeHidden(book)]);
    return steps;
  }
  for (const name of record.sheets) {
    steps.push([`remove-sheet:${name}`, () => (book.sheets = book.sheets.filter((s) => s.name !== name))]);
  }
  steps.push([
    'clear-status',
    () => {
      for (const cell of statusBackup) {
        const sheet = book.sheets.find((s) => s.name === cell.sheet);
        if (!sheet) continue;
        if (cell.had) sheet.cells.set(key(cell.row, cell.column), cell.value);
        else sheet.cells.delete(key(cell.row, cell.column));
      }
    },
  ]);
  for (const area of record.highlightAreas ?? []) {
    steps.push([
      `remove-highlight:${area}`,
      () => {
        const { sheet: name, rect } = parseAddress(area);
        const sheet = book.sheets.find((s) => s.name === name);
        if (sheet && rect) sheet.conditional = sheet.conditional.filter((c) => !sameRect(c.area, rect));
      },
    ]);
  }
  steps.push(['forget-record', () => removeHidden(book)]);
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

function probeOf(book: Book, previous: RunRecord | null): WorkbookProbe {
  return {
    sheetNames: visibleSheets(book).map((s) => s.name),
    previous,
    isEmpty: (name, row, column) => {
      const sheet = book.sheets.find((s) => s.name === name);
      return !sheet || isBlank(sheet.cells.get(key(row, column)));
    },
  };
}

function visibleSheets(book: Book): MemorySheet[] {
  return book.sheets.filter((s) => s.visibility === 'visible');
}

function findHidden(book: Book): MemorySheet | undefined {
  return book.sheets.find((s) => s.name === STATE_SHEET);
}

function removeHidden(book: Book): void {
  book.sheets = book.sheets.filter((s) => s.name !== STATE_SHEET);
}

/** The shared state format, every cell text, in a very hidden sheet. */
function writeState(book: Book, state: ReconState): void {
  removeHidden(book);
  const sheet = emptySheet(STATE_SHEET);
  sheet.visibility = 'veryHidden';
  encodeState(state).forEach((row, r) =>
    row.forEach((value, c) => {
      sheet.cells.set(key(r + 1, c + 1), value);
      sheet.formats.set(key(r + 1, c + 1), 'text');
    }),
  );
  book.sheets.push(sheet);
}

/** The stored state, or null; throws a StateError for one this version must not read. */
function readState(book: Book): ReconState | null {
  const sheet = findHidden(book);
  return sheet ? decodeState(gridOf(sheet).map((row) => row.slice(0, STATE_COLUMNS))) : null;
}

function recordForReading(book: Book): RunRecord | null {
  try {
    return readState(book)?.run ?? null;
  } catch {
    return null;
  }
}

/** A sheet's values from A1 to its last written cell. */
function gridOf(sheet: MemorySheet): CellValue[][] {
  let rows = 0;
  let columns = 0;
  for (const k of sheet.cells.keys()) {
    const [row, column] = k.split(',').map(Number);
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
  }
  const grid: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: CellValue[] = [];
    for (let c = 1; c <= columns; c++) line.push(sheet.cells.get(key(r, c)) ?? null);
    grid.push(line);
  }
  return grid;
}

function findSheet(book: Book, name: string): MemorySheet {
  const sheet = visibleSheets(book).find((s) => s.name === name);
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
