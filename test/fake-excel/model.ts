/**
 * The document behind the fake: sheets of sparse cells (values, formulas, formats by attribute),
 * tables, conditional formats, selection. Every change goes through a few methods that can keep
 * an undo journal, so a batch whose response turns out too large can be taken back whole.
 */
import { formatAddress, MAX_COLUMNS, MAX_ROWS, Rect, rectContains, rectsIntersect } from './a1';
import { FakeOfficeError } from './errors';
import { deletedSheetEdit, hasBrokenReference, renameEdit, rewriteReferences, shiftEdit, type ReferenceEdit } from './references';
import type { StoredValue } from './text-entry';

type Undo = () => void;

/** A sparse grid of one attribute; rows are allocated only when touched. */
export class Grid<T> {
  readonly rows: (T[] | undefined)[] = [];

  constructor(private readonly journal: () => Undo[] | null) {}

  get(row: number, column: number): T | undefined {
    const r = this.rows[row];
    return r === undefined ? undefined : r[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let r = this.rows[row];
    if (r === undefined) {
      if (value === undefined) return;
      r = [];
      this.rows[row] = r;
    }
    const previous = r[column];
    if (previous === value) return;
    const journal = this.journal();
    if (journal) journal.push(() => this.setRaw(row, column, previous));
    this.setRaw(row, column, value);
  }

  private setRaw(row: number, column: number, value: T | undefined): void {
    let r = this.rows[row];
    if (r === undefined) {
      r = [];
      this.rows[row] = r;
    }
    if (value === undefined) delete r[column];
    else r[column] = value;
  }

  /** Bounding box of the defined cells, or null. */
  bounds(): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, index) => {
      if (row === undefined) return;
      let any = false;
      row.forEach((v, c) => {
        if (v === undefined) return;
        any = true;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
      if (!any) return;
      if (r0 < 0) r0 = index;
      r1 = index;
    });
    return r0 < 0 ? null : { r0, r1, c0, c1 };
  }
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ConditionalFormatModel {
  key: number;
  type: string;
  rect: Rect;
  formula?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  stopIfTrue?: boolean;
  /**
   * Further areas when the rule's range is no longer one rectangle: after cells are inserted or
   * deleted in part of its columns, Excel keeps the rule on the moved and the unmoved cells, so
   * its "applies to" becomes several areas (`rect` is the first, whose top-left anchors the formula).
   */
  more?: Rect[];
}

/** Every area a conditional format applies to. */
export function cfAreas(cf: ConditionalFormatModel): Rect[] {
  return [cf.rect, ...(cf.more ?? [])];
}

/** A defined name (Formulas > Name Manager): workbook scope, refers to a formula. */
export interface NamedItemModel {
  key: number;
  name: string;
  formula: string;
}

/**
 * A dynamic array formula's result: the formula in the top-left cell of `rect`, its values in
 * every cell of `rect` (stored as the cells' values). `blocked`: a value was written into the
 * spill range, so the formula shows #SPILL! and the other cells are empty.
 */
export interface SpillModel {
  rect: Rect;
  formula: string;
  values: StoredValue[][];
  blocked: boolean;
}

export interface TableModel {
  key: number;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  deleted: boolean;
}

/** Format attributes a cell can carry, stored one grid each. */
export const FORMAT_ATTRIBUTES = [
  'numberFormat',
  'fill',
  'bold',
  'fontColor',
  'wrapText',
  'horizontalAlignment',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
] as const;
export type FormatAttribute = (typeof FORMAT_ATTRIBUTES)[number];

/** A chart as the fake keeps it: what ChartCollection.add was given, and what was set on it since. */
export interface ChartModel {
  type: string;
  /** The source range on the chart's sheet. */
  source: Rect;
  seriesBy: string;
  title: string;
  /** setPosition's cells, as given. */
  position?: { start: string; end?: string };
}

/** Print settings of a sheet (Worksheet.pageLayout, ExcelApi 1.9), as Excel keeps them. */
export interface PageLayoutModel {
  orientation?: 'Portrait' | 'Landscape';
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: Rect;
  /** 0-based first and last row repeated at the top of each page. */
  printTitleRows?: { r0: number; r1: number };
  centerHeader?: string;
  centerFooter?: string;
}

export class SheetModel {
  deleted = false;
  /** Review > Protect Sheet: every change to its cells, formats and rules is refused (checkEditable). */
  protected = false;
  page: PageLayoutModel = {};
  readonly values: Grid<StoredValue>;
  readonly formulas: Grid<string>;
  readonly errors: Grid<true>;
  readonly quotePrefix: Grid<true>;
  /** Range.hyperlink documentReference per cell (links inside the workbook). */
  readonly hyperlinks: Grid<string>;
  readonly formats: Record<FormatAttribute, Grid<string | boolean>>;
  readonly columnWidths = new Map<number, number>();
  merges: Rect[] = [];
  /** Dynamic-array results spilled from a formula in their top-left cell (collisions.ts). */
  spills: SpillModel[] = [];
  frozenRows = 0;
  conditionalFormats: ConditionalFormatModel[] = [];
  /** Charts on the sheet (Worksheet.charts, ExcelApi 1.1). */
  charts: ChartModel[] = [];

  constructor(
    readonly key: number,
    public name: string,
    public visibility: Visibility,
    private readonly workbook: WorkbookModel,
  ) {
    const journal = () => workbook.journal;
    this.values = new Grid(journal);
    this.formulas = new Grid(journal);
    this.errors = new Grid(journal);
    this.quotePrefix = new Grid(journal);
    this.hyperlinks = new Grid(journal);
    this.formats = Object.fromEntries(FORMAT_ATTRIBUTES.map((a) => [a, new Grid<string | boolean>(journal)])) as Record<
      FormatAttribute,
      Grid<string | boolean>
    >;
  }

  /** Smallest rectangle holding every value (valuesOnly) or every value and format; null when blank. */
  usedRect(valuesOnly: boolean): Rect | null {
    const grids: Grid<unknown>[] = [this.values, this.formulas];
    if (!valuesOnly) grids.push(...Object.values(this.formats));
    let out: Rect | null = null;
    for (const g of grids) {
      const b = g.bounds();
      if (!b) continue;
      out = out
        ? { r0: Math.min(out.r0, b.r0), r1: Math.max(out.r1, b.r1), c0: Math.min(out.c0, b.c0), c1: Math.max(out.c1, b.c1) }
        : b;
    }
    return out;
  }

  /** Every per-cell grid (values, formulas, flags, formats), for moving cells. */
  grids(): Grid<unknown>[] {
    return [this.values, this.formulas, this.errors, this.quotePrefix, ...Object.values(this.formats)] as Grid<unknown>[];
  }

  hasContent(row: number, column: number): boolean {
    return this.values.get(row, column) !== undefined || this.formulas.get(row, column) !== undefined;
  }

  setColumnWidth(column: number, width: number | undefined): void {
    const previous = this.columnWidths.get(column);
    this.workbook.record(() => (previous === undefined ? this.columnWidths.delete(column) : this.columnWidths.set(column, previous)));
    if (width === undefined) this.columnWidths.delete(column);
    else this.columnWidths.set(column, width);
  }

  setPage<K extends keyof PageLayoutModel>(key: K, value: PageLayoutModel[K]): void {
    const previous = this.page;
    this.workbook.record(() => {
      this.page = previous;
    });
    this.page = { ...this.page, [key]: value };
  }

  replaceList<K extends 'merges' | 'conditionalFormats' | 'charts' | 'spills'>(key: K, next: SheetModel[K]): void {
    const self: SheetModel = this;
    const previous = self[key];
    this.workbook.record(() => {
      self[key] = previous;
    });
    self[key] = next;
  }

  setScalar<K extends 'name' | 'visibility' | 'frozenRows' | 'deleted'>(key: K, value: SheetModel[K]): void {
    const self: SheetModel = this;
    const previous = self[key];
    this.workbook.record(() => {
      self[key] = previous;
    });
    self[key] = value;
  }
}

export class WorkbookModel {
  /** Review > Protect Workbook (structure): sheets cannot be added, deleted, renamed, hidden or moved. */
  structureProtected = false;
  /**
   * File > Options > Advanced > "Use 1904 date system": stored numbers count days from 1904-01-01,
   * and range.values gives them as stored (a date is 1,462 less than in a 1900 workbook).
   */
  date1904 = false;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NamedItemModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  journal: Undo[] | null = null;
  private nextKey = 1;

  record(undo: Undo): void {
    if (this.journal) this.journal.push(undo);
  }

  newKey(): number {
    return this.nextKey++;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower);
  }

  /** Excel's sheet name rules: 1–31 characters, none of : \ / ? * [ ], no leading/trailing apostrophe, unique ignoring case. */
  checkSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`);
    }
    const other = this.findSheet(name);
    if (other && other !== except) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
  }

  /**
   * A protected workbook structure refuses adding, deleting, renaming, hiding and moving sheets
   * with AccessDenied (Excel.ErrorCodes.accessDenied; WorkbookProtection,
   * https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
   */
  checkStructure(): void {
    if (this.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
  }

  addSheet(name: string): SheetModel {
    this.checkStructure();
    this.checkSheetName(name);
    const sheet = new SheetModel(this.newKey(), name, 'Visible', this);
    const previous = this.sheets;
    this.record(() => {
      this.sheets = previous;
    });
    this.sheets = [...this.sheets, sheet];
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    this.checkStructure();
    // "If the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
    // InvalidOperation exception. You should first change its visibility to hidden or visible"
    // (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1);
    // by design: https://github.com/OfficeDev/office-js/issues/365, GeneralException on Mac).
    if (sheet.visibility === 'VeryHidden') {
      throw new FakeOfficeError('InvalidOperation', "A very hidden worksheet can't be deleted; make it hidden or visible first.");
    }
    const live = this.liveSheets();
    const visibleLeft = live.filter((s) => s !== sheet && s.visibility === 'Visible');
    if (visibleLeft.length === 0) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    sheet.setScalar('deleted', true);
    this.rewriteFormulas(() => deletedSheetEdit(sheet.name));
    for (const table of this.tables.filter((t) => t.sheet === sheet && !t.deleted)) this.deleteTable(table);
    const previousActive = this.activeSheet;
    const previousSelection = this.selection;
    this.record(() => {
      this.activeSheet = previousActive;
      this.selection = previousSelection;
    });
    if (this.activeSheet === sheet) this.activeSheet = visibleLeft[0];
    if (this.selection?.sheet === sheet) this.selection = { sheet: visibleLeft[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }

  /** Renames a sheet; every formula, rule and name that refers to it follows (Excel rewrites them). */
  renameSheet(sheet: SheetModel, name: string): void {
    this.checkStructure();
    this.checkSheetName(name, sheet);
    const previous = sheet.name;
    if (previous === name) return;
    sheet.setScalar('name', name);
    this.rewriteFormulas(() => renameEdit(previous, name));
  }

  /**
   * Rewrites the references of every cell formula, conditional-format rule and defined name
   * (`edit` is given the sheet the formula lives on). A cell whose formula now holds #REF! shows
   * the #REF! error.
   */
  rewriteFormulas(edit: (home: SheetModel) => ReferenceEdit): void {
    for (const sheet of this.liveSheets()) {
      const change = edit(sheet);
      sheet.formulas.rows.forEach((row, r) => {
        row?.forEach((formula, c) => {
          if (formula === undefined) return;
          const next = rewriteReferences(formula, change);
          if (next === formula) return;
          sheet.formulas.set(r, c, next);
          if (hasBrokenReference(next)) {
            sheet.values.set(r, c, '#REF!');
            sheet.errors.set(r, c, true);
          }
        });
      });
      for (const cf of sheet.conditionalFormats) {
        if (cf.formula === undefined) continue;
        const next = rewriteReferences(cf.formula, change);
        if (next !== cf.formula) this.setRuleFormula(cf, next);
      }
    }
    for (const item of this.names) {
      const next = rewriteReferences(item.formula, edit(this.liveSheets()[0]));
      if (next === item.formula) continue;
      const previous = item.formula;
      this.record(() => {
        item.formula = previous;
      });
      item.formula = next;
    }
  }

  setRuleFormula(cf: ConditionalFormatModel, formula: string): void {
    const previous = cf.formula;
    this.record(() => {
      cf.formula = previous;
    });
    cf.formula = formula;
  }

  /**
   * Inserts (`count` > 0) or deletes (`count` < 0) cells of columns c0..c1 at row `at`, moving the
   * cells below, as Range.insert('Down') / Range.delete('Up') and whole-row insert/delete do
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)).
   * Rules follow their cells: areas inside the moved columns move or grow, the rest stays, so a
   * rule over more columns than moved splits into several areas. Tables across the edge refuse.
   */
  shiftCells(sheet: SheetModel, at: number, count: number, c0: number, c1: number): void {
    checkEditable(sheet);
    const crossing = this.liveTables().find((t) => t.sheet === sheet && t.rect.r1 >= at && (t.rect.c0 < c0 || t.rect.c1 > c1) && t.rect.c1 >= c0 && t.rect.c0 <= c1);
    if (crossing) throw new FakeOfficeError('InvalidOperation', "This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.");
    for (const grid of sheet.grids()) shiftGrid(grid, at, count, c0, c1);
    const moveRows = (r: Rect): Rect | null => shiftRect(r, at, count);
    for (const cf of sheet.conditionalFormats) {
      const areas = cfAreas(cf).flatMap((area) => splitColumns(area, c0, c1).map((part) => (part.c0 >= c0 && part.c1 <= c1 ? moveRows(part) : part)));
      const kept = mergeAreas(areas.filter((a): a is Rect => a !== null));
      this.setRuleAreas(sheet, cf, kept);
    }
    for (const table of this.liveTables().filter((t) => t.sheet === sheet && t.rect.c0 >= c0 && t.rect.c1 <= c1)) {
      const moved = moveRows(table.rect);
      const previous = table.rect;
      this.record(() => {
        table.rect = previous;
      });
      if (moved) table.rect = moved;
      else this.deleteTable(table);
    }
    this.rewriteFormulas((home) => shiftEdit(sheet.name, home.name, at, count, c0, c1));
  }

  private setRuleAreas(sheet: SheetModel, cf: ConditionalFormatModel, areas: Rect[]): void {
    if (areas.length === 0) {
      sheet.replaceList(
        'conditionalFormats',
        sheet.conditionalFormats.filter((x) => x !== cf),
      );
      return;
    }
    const previous = { rect: cf.rect, more: cf.more };
    this.record(() => {
      cf.rect = previous.rect;
      cf.more = previous.more;
    });
    cf.rect = areas[0];
    cf.more = areas.length > 1 ? areas.slice(1) : undefined;
  }

  setVisibility(sheet: SheetModel, visibility: Visibility): void {
    this.checkStructure();
    if (visibility !== 'Visible') {
      const othersVisible = this.liveSheets().some((s) => s !== sheet && s.visibility === 'Visible');
      if (!othersVisible) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.setScalar('visibility', visibility);
  }

  moveSheet(sheet: SheetModel, position: number): void {
    const live = this.liveSheets().filter((s) => s !== sheet);
    const clamped = Math.max(0, Math.min(position, live.length));
    live.splice(clamped, 0, sheet);
    const previous = this.sheets;
    this.record(() => {
      this.sheets = previous;
    });
    this.sheets = [...live, ...this.sheets.filter((s) => s.deleted)];
  }

  /** Table names: unique in the workbook, start with a letter, underscore or backslash, no spaces. */
  checkTableName(name: string, except?: TableModel): void {
    if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (table name "${name}")`);
    }
    if (this.nameTaken(name, { table: except })) {
      throw new FakeOfficeError('ItemAlreadyExists', `A table or name "${name}" already exists.`);
    }
  }

  addTable(sheet: SheetModel, rect: Rect): TableModel {
    if (this.tables.some((t) => !t.deleted && t.sheet === sheet && rectsIntersect(t.rect, rect))) {
      throw new FakeOfficeError('InvalidOperation', "A table can't overlap another table.");
    }
    let n = 1;
    while (this.tables.some((t) => !t.deleted && t.name.toLowerCase() === `table${n}`)) n++;
    const table: TableModel = { key: this.newKey(), name: `Table${n}`, sheet, rect, deleted: false };
    const previous = this.tables;
    this.record(() => {
      this.tables = previous;
    });
    this.tables = [...this.tables, table];
    return table;
  }

  /**
   * Defined names and table names share one namespace: a name already taken (either kind, any
   * case) is refused (https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64:
   * "Names must be unique"; Excel: "The name that you entered already exists").
   */
  nameTaken(name: string, except?: { table?: TableModel; item?: NamedItemModel }): boolean {
    const lower = name.toLowerCase();
    return (
      this.liveTables().some((t) => t !== except?.table && t.name.toLowerCase() === lower) ||
      this.names.some((n) => n !== except?.item && n.name.toLowerCase() === lower)
    );
  }

  addName(name: string, formula: string): NamedItemModel {
    if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (name "${name}")`);
    }
    if (this.nameTaken(name)) throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists.`);
    const item: NamedItemModel = { key: this.newKey(), name, formula };
    const previous = this.names;
    this.record(() => {
      this.names = previous;
    });
    this.names = [...this.names, item];
    return item;
  }

  deleteName(item: NamedItemModel): void {
    const previous = this.names;
    this.record(() => {
      this.names = previous;
    });
    this.names = this.names.filter((n) => n !== item);
  }

  deleteTable(table: TableModel): void {
    const previous = table.deleted;
    this.record(() => {
      table.deleted = previous;
    });
    table.deleted = true;
  }

  renameTable(table: TableModel, name: string): void {
    this.checkTableName(name, table);
    const previous = table.name;
    this.record(() => {
      table.name = previous;
    });
    table.name = name;
  }

  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }

  tableAt(sheet: SheetModel, row: number, column: number): TableModel | undefined {
    return this.liveTables().find((t) => t.sheet === sheet && rectContains(t.rect, row, column));
  }

  setActive(sheet: SheetModel): void {
    if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', "A hidden worksheet can't be activated.");
    const previous = this.activeSheet;
    this.record(() => {
      this.activeSheet = previous;
    });
    this.activeSheet = sheet;
  }

  address(sheet: SheetModel, rect: Rect): string {
    return formatAddress(sheet.name, rect);
  }
}

/**
 * A protected sheet refuses changes to its cells, formats and conditional formats with
 * AccessDenied (Excel.ErrorCodes.accessDenied: "You cannot perform the requested operation";
 * WorksheetProtection, https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
 */
export function checkEditable(sheet: SheetModel): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`);
}

export function checkRect(rect: Rect): void {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (range outside the sheet)');
  }
}

/** Moves the cells of columns c0..c1 from row `at` by `count` rows (negative: deletes rows first). */
function shiftGrid(grid: Grid<unknown>, at: number, count: number, c0: number, c1: number): void {
  const moved: [number, number, unknown][] = [];
  grid.rows.forEach((row, r) => {
    if (r < at || row === undefined) return;
    row.forEach((v, c) => {
      if (v !== undefined && c >= c0 && c <= c1) moved.push([r, c, v]);
    });
  });
  for (const [r, c] of moved) grid.set(r, c, undefined);
  for (const [r, c, v] of moved) {
    if (count < 0 && r < at - count) continue; // deleted
    const target = r + count;
    if (target < MAX_ROWS) grid.set(target, c, v);
  }
}

/** A rectangle's rows after the shift; null when all its rows were deleted. */
function shiftRect(r: Rect, at: number, count: number): Rect | null {
  if (r.r1 < at) return r;
  if (count > 0) return r.r0 >= at ? { ...r, r0: r.r0 + count, r1: Math.min(MAX_ROWS - 1, r.r1 + count) } : { ...r, r1: Math.min(MAX_ROWS - 1, r.r1 + count) };
  const gone = -count;
  const map = (row: number, top: boolean): number => (row < at ? row : row >= at + gone ? row - gone : top ? at : at - 1);
  const r0 = map(r.r0, true);
  const r1 = map(r.r1, false);
  return r1 < r0 ? null : { ...r, r0, r1 };
}

/** The parts of `r` left of, inside and right of columns c0..c1. */
function splitColumns(r: Rect, c0: number, c1: number): Rect[] {
  if (r.c1 < c0 || r.c0 > c1) return [r];
  const parts: Rect[] = [];
  if (r.c0 < c0) parts.push({ ...r, c1: c0 - 1 });
  parts.push({ ...r, c0: Math.max(r.c0, c0), c1: Math.min(r.c1, c1) });
  if (r.c1 > c1) parts.push({ ...r, c0: c1 + 1 });
  return parts;
}

/** Side-by-side parts with the same rows become one area again. */
function mergeAreas(areas: Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const a of areas) {
    const last = out[out.length - 1];
    if (last && last.r0 === a.r0 && last.r1 === a.r1 && last.c1 + 1 === a.c0) last.c1 = a.c1;
    else out.push({ ...a });
  }
  return out;
}
