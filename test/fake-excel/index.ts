/**
 * A faithful fake of the part of the Excel JavaScript API (Office.js) that Recon's Office adapter
 * uses, for tests and the benchmark. It behaves like Excel where it matters:
 *   - proxies: a property read before load() + sync() throws PropertyNotLoaded;
 *   - operations queue until sync(); Excel.run syncs once more when the batch resolves and
 *     invalidates its objects afterwards; *OrNullObject gives null objects (isNullObject);
 *   - every sync is measured; a request or response over 5 MB (Excel on the web) fails the sync
 *     and applies nothing; a range read/write over 5,000,000 cells fails (RangeExceedsLimit);
 *   - strings written to values become formulas/numbers/dates as in Excel, unless the cell's
 *     number format is '@' or the string starts with an apostrophe;
 *   - a failure can be injected at the Nth sync, before the batch or after K of its operations;
 *   - Office.context.requirements.isSetSupported answers up to a configurable ExcelApi version,
 *     and members newer than it throw ApiNotFound.
 * Limits come from "Resource limits and performance optimization for Office Add-ins" (Excel
 * add-ins section): 5 MB request/response payloads on the web, 5,000,000 cells per range read.
 */
import { formatAddress, parseLocal, Rect, rectContains, splitSheet } from './a1';
import { ConditionalFormula } from './conditional-formula';
import { FakeRequestContext, type FakeHost, type FakeLimits, type InjectedFailure } from './context';
import { apiNotFound, type FakeErrorCode } from './errors';
import { FakeWorkbook } from './objects';
import type { ExcelContextApi } from '../../src/workbook/office/excel-api';
import { cfAreas, FORMAT_ATTRIBUTES, type FormatAttribute, type PageLayoutModel, type SheetModel, type Visibility, WorkbookModel } from './model';
import { FakeStats } from './stats';
import type { StoredValue } from './text-entry';

export { FakeOfficeError } from './errors';
export type { FakeErrorCode } from './errors';
export { FakeStats } from './stats';
export type { SyncRecord } from './stats';
export { enterValue } from './text-entry';

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default '1.7', Office 2019). */
  excelApi?: string;
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  maxCellsPerRange?: number;
}

/** 5 MB as Excel on the web counts it (the fake uses the stricter decimal megabyte). */
export const FIVE_MB = 5_000_000;

/** Excel.RequestContext's part the add-in uses (src/workbook/office/excel-api.ts), checked by tsc. */
export class FakeExcelContext extends FakeRequestContext implements ExcelContextApi {
  readonly workbook: FakeWorkbook = new FakeWorkbook(this);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface CellState {
  value: StoredValue | undefined;
  formula?: string;
  error?: boolean;
  quotePrefix?: boolean;
  formats: Partial<Record<FormatAttribute, string | boolean>>;
}

export class FakeExcel implements FakeHost {
  readonly model = new WorkbookModel();
  readonly stats = new FakeStats();
  readonly limits: FakeLimits;
  excelApi: string;
  /** Set while a test plays a user typing in a cell (cell-edit mode). */
  editingCell = false;
  /** Whether a range's used range (values only) counts spilled cells (FakeHost, context.ts). */
  spillsInUsedRange = true;
  /** Range.getUsedRange's reading (FakeHost, context.ts). */
  rangeUsedRange: 'tight' | 'sheet-bounds' = 'tight';
  private readonly failures = new Map<number, InjectedFailure>();

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? '1.7';
    this.limits = {
      maxRequestBytes: options.maxRequestBytes ?? FIVE_MB,
      maxResponseBytes: options.maxResponseBytes ?? FIVE_MB,
      maxCellsPerRange: options.maxCellsPerRange ?? 5_000_000,
    };
  }

  requireApi(version: string, member: string): void {
    if (compareVersions(version, this.excelApi) > 0) throw apiNotFound(member, `ExcelApi ${version}`);
  }

  takeFailure(syncIndex: number): InjectedFailure | undefined {
    const f = this.failures.get(syncIndex);
    this.failures.delete(syncIndex);
    return f;
  }

  /** Makes the n-th sync from now fail (1 = the next). `afterOps`: apply that many operations first. */
  failAtSync(n: number, options: { afterOps?: number; code?: FakeErrorCode } = {}): void {
    this.failures.set(this.stats.syncCount + n, { code: options.code ?? 'ConnectionFailure', afterOps: options.afterOps });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Excel.run: a fresh context; one more sync when the batch resolves; objects invalid after. */
  readonly run = async <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
    const context = new FakeExcelContext(this);
    try {
      const result = await batch(context);
      await context.sync();
      return result;
    } finally {
      context.invalidate();
    }
  };

  /** The `Excel` namespace as the adapter sees it. */
  get Excel() {
    return {
      run: this.run,
      ConditionalFormatType: {
        custom: 'Custom',
        dataBar: 'DataBar',
        colorScale: 'ColorScale',
        iconSet: 'IconSet',
        topBottom: 'TopBottom',
        presetCriteria: 'PresetCriteria',
        containsText: 'ContainsText',
        cellValue: 'CellValue',
      },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    } as const;
  }

  /** `Office.context.requirements` answering for ExcelApi up to the configured version. */
  get Office() {
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string): boolean =>
            name === 'ExcelApi' && compareVersions(minVersion ?? '1.1', this.excelApi) <= 0,
        },
      },
    };
  }

  // ------------------------------------------------------------------------------------------
  // Direct document access for tests (no syncs, not counted).

  sheet(name: string): SheetModel {
    const s = this.model.findSheet(name);
    if (!s) throw new Error(`Fake workbook has no sheet "${name}"`);
    return s;
  }

  /** Adds a sheet holding `rows` from `topLeft` (values stored as given, like a pasted export). */
  addSheet(name: string, rows: StoredValue[][] = [], topLeft = 'A1', visibility: Visibility = 'Visible'): SheetModel {
    const sheet = this.model.addSheet(name);
    sheet.visibility = visibility;
    this.setValues(name, topLeft, rows);
    return sheet;
  }

  setValues(sheetName: string, topLeft: string, rows: StoredValue[][]): void {
    const sheet = this.sheet(sheetName);
    const start = parseLocal(topLeft);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) sheet.values.set(start.r0 + r, start.c0 + c, v);
      }),
    );
  }

  setFormat(sheetName: string, address: string, attribute: FormatAttribute, value: string | boolean): void {
    const sheet = this.sheet(sheetName);
    const rect = parseLocal(address);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.formats[attribute].set(r, c, value);
  }

  setColumnWidth(sheetName: string, column: number, width: number): void {
    this.sheet(sheetName).columnWidths.set(column, width);
  }

  addConditionalFormat(sheetName: string, address: string, cf: { type: string; formula?: string; fill?: string }): void {
    const sheet = this.sheet(sheetName);
    sheet.conditionalFormats.push({ key: this.model.newKey(), rect: parseLocal(address), ...cf });
  }

  addTable(sheetName: string, address: string, name: string): void {
    const table = this.model.addTable(this.sheet(sheetName), parseLocal(address));
    table.name = name;
  }

  /** A defined name, as a user makes it in Name Manager (`formula` like `=匹配结果!$B$2`). */
  addName(name: string, formula: string): void {
    this.model.addName(name, formula);
  }

  /** A formula typed into a cell by the user; `value` is what Excel shows for it. */
  setFormula(sheetName: string, address: string, formula: string, value: StoredValue): void {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = parseLocal(address);
    sheet.formulas.set(r0, c0, formula);
    sheet.values.set(r0, c0, value);
  }

  /** Home > Merge & Center over `address` (the top-left cell keeps its value; the others are emptied). */
  mergeCells(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = parseLocal(address);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (r !== rect.r0 || c !== rect.c0) sheet.values.set(r, c, undefined);
    sheet.merges.push(rect);
  }

  /**
   * A dynamic array formula typed at `topLeft` (Excel 365/2021) and its result spilled below and
   * to the right: the formula in the first cell, the values in all (collisions.ts, rule 2).
   */
  addSpill(sheetName: string, topLeft: string, formula: string, values: StoredValue[][]): void {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = parseLocal(topLeft);
    const rect = { r0, c0, r1: r0 + values.length - 1, c1: c0 + Math.max(...values.map((v) => v.length)) - 1 };
    values.forEach((row, r) => row.forEach((v, c) => sheet.values.set(r0 + r, c0 + c, v)));
    sheet.formulas.set(r0, c0, formula);
    sheet.spills.push({ rect, formula, values, blocked: false });
  }

  /** Review > Protect Sheet on `sheetName`, or Protect Workbook (structure) with no sheet. */
  protect(sheetName?: string, on = true): void {
    if (sheetName === undefined) this.model.structureProtected = on;
    else this.sheet(sheetName).protected = on;
  }

  select(sheetName: string, address: string): void {
    this.model.selection = { sheet: this.sheet(sheetName), rect: parseLocal(address) };
  }

  activate(sheetName: string): void {
    this.model.activeSheet = this.sheet(sheetName);
  }

  /** One cell by A1 address, e.g. cell('Ledger', 'H2'). */
  cell(sheetName: string, address: string): CellState {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = parseLocal(address);
    return this.cellAt(sheet, r0, c0);
  }

  cellAt(sheet: SheetModel, row: number, column: number): CellState {
    const formats: CellState['formats'] = {};
    for (const a of FORMAT_ATTRIBUTES) {
      const v = sheet.formats[a].get(row, column);
      if (v !== undefined) formats[a] = v;
    }
    const state: CellState = { value: sheet.values.get(row, column), formats };
    const formula = sheet.formulas.get(row, column);
    if (formula !== undefined) state.formula = formula;
    if (sheet.errors.get(row, column)) state.error = true;
    if (sheet.quotePrefix.get(row, column)) state.quotePrefix = true;
    return state;
  }

  /** The fill a user sees: the first conditional format whose rule holds, else the cell's own fill. */
  displayedFill(sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.sheet(sheetName);
    for (const cf of sheet.conditionalFormats) {
      if (cf.type !== 'Custom' || !cf.formula || !cf.fill || !cfAreas(cf).some((a) => rectContains(a, row, column))) continue;
      if (this.formula(cf.formula).holds(this.reader(sheet), row - cf.rect.r0, column - cf.rect.c0)) return cf.fill;
    }
    return sheet.formats.fill.get(row, column) as string | undefined;
  }

  private readonly parsed = new Map<string, ConditionalFormula>();

  private formula(text: string): ConditionalFormula {
    let f = this.parsed.get(text);
    if (!f) {
      f = new ConditionalFormula(text);
      this.parsed.set(text, f);
    }
    return f;
  }

  private reader(home: SheetModel) {
    return (sheetName: string | undefined, row: number, column: number): StoredValue | undefined => {
      const s = sheetName === undefined ? home : this.model.findSheet(sheetName);
      return s?.values.get(row, column);
    };
  }

  /** Live sheet names in tab order. */
  sheetNames(): string[] {
    return this.model.liveSheets().map((s) => s.name);
  }

  /** Everything a user could see or Recon could leave behind, as plain data for toEqual. */
  snapshot(): WorkbookSnapshot {
    const sheets = this.model.liveSheets().map((sheet) => {
      const cells: [string, CellState][] = [];
      const rows = new Set<number>();
      const grids = [sheet.values, sheet.formulas, sheet.errors, sheet.quotePrefix, ...Object.values(sheet.formats)];
      for (const g of grids) g.rows.forEach((row, r) => row && row.some((v) => v !== undefined) && rows.add(r));
      for (const r of [...rows].sort((a, b) => a - b)) {
        const columns = new Set<number>();
        for (const g of grids) g.rows[r]?.forEach((v, c) => v !== undefined && columns.add(c));
        for (const c of [...columns].sort((a, b) => a - b)) cells.push([formatAddress(sheet.name, { r0: r, c0: c, r1: r, c1: c }), this.cellAt(sheet, r, c)]);
      }
      return {
        name: sheet.name,
        visibility: sheet.visibility,
        cells,
        columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        merges: sheet.merges.map((m) => formatAddress(sheet.name, m)),
        frozenRows: sheet.frozenRows,
        ...(Object.keys(sheet.page).length > 0 ? { pageLayout: { ...sheet.page } } : {}),
        conditionalFormats: sheet.conditionalFormats.map((cf) => ({
          type: cf.type,
          range: cfAreas(cf)
            .map((a) => formatAddress(sheet.name, a))
            .join(','),
          formula: cf.formula,
          fill: cf.fill,
        })),
      };
    });
    const tables = this.model.liveTables().map((t) => ({ name: t.name, range: formatAddress(t.sheet.name, t.rect) }));
    const names = this.model.names.map((n) => ({ name: n.name, formula: n.formula }));
    return { sheets, tables, names, active: this.model.activeSheet?.name };
  }

  /** Values of a rectangle as stored ('' for empty), for assertions. */
  valuesOf(sheetName: string, address: string): (StoredValue | '')[][] {
    const sheet = this.sheet(sheetName);
    const { sheet: other, local } = splitSheet(address);
    if (other && other !== sheetName) throw new Error('address names another sheet');
    const rect: Rect = parseLocal(local);
    const out: (StoredValue | '')[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const line: (StoredValue | '')[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) line.push(sheet.values.get(r, c) ?? '');
      out.push(line);
    }
    return out;
  }
}

export interface WorkbookSnapshot {
  sheets: {
    name: string;
    visibility: Visibility;
    cells: [string, CellState][];
    columnWidths: [number, number][];
    merges: string[];
    frozenRows: number;
    pageLayout?: PageLayoutModel;
    conditionalFormats: { type: string; range: string; formula?: string; fill?: string }[];
  }[];
  tables: { name: string; range: string }[];
  names: { name: string; formula: string }[];
  active?: string;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(options);
}
