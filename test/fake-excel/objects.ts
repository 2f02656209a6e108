/**
 * Proxy objects of the fake Excel API, shaped like Office.js's: reading a property that was not
 * loaded and synced throws PropertyNotLoaded; setting a property or calling a method only queues
 * an operation; `load()` queues a load answered at the next `sync()`. Members newer than the
 * configured ExcelApi version throw ApiNotFound when called, as Office.js does.
 *
 * Requirement sets of the members implemented (from @types/office-js):
 *   ExcelApi 1.1: getItem, add, delete, activate, name, visibility (incl. VeryHidden), position,
 *                 getRange, getSelectedRange, values, numberFormat, formulas, format.*, clear,
 *                 getCell, getOffsetRange, tables.add, Table.getRange/delete/name
 *   ExcelApi 1.2: getUsedRange(valuesOnly), merge, format.columnWidth, Workbook.functions.date
 *   ExcelApi 1.3: getResizedRange
 *   ExcelApi 1.4: getItemOrNullObject, getUsedRangeOrNullObject, getCount
 *   ExcelApi 1.6: conditionalFormats (add Custom, rule.formula, format.fill.color, delete, clearAll)
 *   ExcelApi 1.7: getRangeByIndexes, getAbsoluteResizedRange, freezePanes.freezeRows
 *   ExcelApi 1.9: Worksheet.getRanges (RangeAreas), Range.getTables, Worksheet.pageLayout
 *                 (orientation, paperSize, zoom, setPrintArea, setPrintTitleRows,
 *                 headersFooters.defaultForAllPages.centerHeader/centerFooter)
 *   ExcelApi 1.12: Range.hasSpill
 *   ExcelApi 1.13: Range.getMergedAreasOrNullObject
 */
import type {
  ChartApi,
  ChartCollectionApi,
  ConditionalFormatApi,
  ConditionalFormatCollectionApi,
  ConditionalRangeFillApi,
  CustomConditionalFormatApi,
  HeaderFooterApi,
  NamedItemCollectionApi,
  PageLayoutApi,
  RangeApi,
  RangeAreasApi,
  RangeBorderApi,
  RangeBorderCollectionApi,
  RangeFillApi,
  RangeFontApi,
  RangeFormatApi,
  TableApi,
  TableCollectionApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetProtectionApi,
} from '../../src/workbook/office/excel-api';
import { formatAddress, parseLocal, Rect, rectCells, rectColumns, rectContains, rectRows, rectsIntersect, splitSheet } from './a1';
import { ConditionalFormula } from './conditional-formula';
import { FakeRequestContext, jsonBytes, OP_OVERHEAD_BYTES, PATH_OVERHEAD_BYTES, type Delivery, type Op } from './context';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import { cfAreas, checkEditable, checkRect, type ChartModel, type ConditionalFormatModel, type FormatAttribute, type NamedItemModel, type PageLayoutModel, type SheetModel, type TableModel, type Visibility } from './model';
import type { OpCategory } from './stats';
import { enterValue } from './text-entry';
import { blockSpills, growTables, isSpilledCell, refusePartOfMergedArea, spillCells } from './collisions';

type LoadPath = string[];

function parseLoadSpec(spec: unknown): LoadPath[] {
  if (spec === undefined || spec === null) return [[]];
  let names: string[] = [];
  if (typeof spec === 'string') names = spec.split(',');
  else if (Array.isArray(spec)) names = spec.map(String);
  else if (typeof spec === 'object') {
    const o = spec as { select?: string; expand?: string };
    names = [...(o.select ?? '').split(','), ...(o.expand ?? '').split(',')];
  }
  const paths = names.map((n) => n.trim()).filter((n) => n !== '').map((n) => n.split('/').map((p) => p.trim()));
  return paths.length === 0 ? [[]] : paths;
}

/** Base of every proxy: loaded fields, null-object state, lazily resolved target. */
export abstract class FakeObject<T> {
  protected readonly fields = new Map<string, unknown>();
  private loadedOnce = false;
  private nullObject = false;
  private resolved: { value: T | null } | undefined;
  private readonly children = new Map<string, FakeObject<unknown>>();

  constructor(
    readonly context: FakeRequestContext,
    protected readonly entity: string,
  ) {}

  /** Finds the document object; null for an *OrNullObject that found nothing. May throw. */
  protected abstract locate(): T | null;

  /** False when the object no longer exists (deleted sheet, table, format). */
  protected alive(_target: T): boolean {
    return true;
  }

  /** The document object, resolved once (like Excel's object paths), checked alive on every use. */
  resolve(): T | null {
    if (!this.resolved) this.resolved = { value: this.locate() };
    const value = this.resolved.value;
    if (value !== null && !this.alive(value)) throw new FakeOfficeError('ItemNotFound', undefined, this.entity);
    return value;
  }

  target(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('ItemNotFound', undefined, this.entity);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw propertyNotLoaded('isNullObject', this.entity);
    return this.nullObject;
  }

  protected read<V>(name: string): V {
    if (this.fields.has(name)) return this.fields.get(name) as V;
    if (this.loadedOnce && this.nullObject) return undefined as V;
    throw propertyNotLoaded(name, this.entity);
  }

  protected child<C extends FakeObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c as C;
  }

  protected queue(label: string, category: OpCategory, payload: unknown, exec: () => Delivery | void, cells?: () => number): void {
    this.context.enqueue({
      label: `${this.entity}.${label}`,
      category,
      bytes: (category === 'path' ? PATH_OVERHEAD_BYTES : OP_OVERHEAD_BYTES) + jsonBytes(payload),
      exec,
      cells,
    });
  }

  /** Queues a property write; the proxy shows the written value locally at once, as Office.js does. */
  protected setProperty(name: string, value: unknown, category: OpCategory, apply: (t: T) => void, cells?: (t: T) => number): void {
    this.fields.set(name, value);
    this.queue(`${name}=`, category, value, () => apply(this.target()), cells ? () => cells(this.target()) : undefined);
  }

  /** Queues the creation of an object path (getRange, getItem…): costs request bytes, does nothing. */
  protected path(label: string, args: unknown[]): void {
    this.queue(label, 'path', args, () => undefined);
  }

  load(spec?: unknown): this {
    const paths = parseLoadSpec(spec);
    this.queue('load', 'load', spec ?? null, () => this.collect(paths));
    return this;
  }

  markLoaded(isNull: boolean): void {
    this.loadedOnce = true;
    this.nullObject = isNull;
  }

  // --- what a load can reach; subclasses override ---
  scalarNames(): string[] {
    return [];
  }

  readScalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown property '${name}' on ${this.entity}.`);
  }

  navigation(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  collectionItems(): FakeObject<unknown>[] | undefined {
    return undefined;
  }

  /** Runs a load at sync time: reads the document now, delivers to proxies if the sync succeeds. */
  collect(paths: LoadPath[]): Delivery {
    const t = this.resolve();
    if (t === null) return { data: { isNullObject: true }, apply: () => this.markLoaded(true) };
    const data: Record<string, unknown> = {};
    const applies: (() => void)[] = [];
    const items = this.collectionItems();
    const wantsAll = paths.some((p) => p.length === 0);
    const groups = new Map<string, LoadPath[]>();
    if (wantsAll) {
      if (items) groups.set('items', [[]]);
      for (const s of this.scalarNames()) groups.set(s, [[]]);
    }
    for (const p of paths) {
      if (p.length === 0) continue;
      const rest = p.slice(1);
      const list = groups.get(p[0]) ?? [];
      list.push(rest);
      groups.set(p[0], list);
    }
    for (const [name, rests] of groups) {
      const sub = rests.filter((r) => r.length > 0);
      const subPaths = sub.length > 0 ? sub : [[]];
      if (items && name === 'items') {
        const loaded = items.map((item) => item.collect(subPaths));
        data.items = loaded.map((l) => l.data);
        applies.push(() => {
          this.fields.set('items', items);
          loaded.forEach((l) => l.apply());
        });
        continue;
      }
      const nav = this.navigation(name);
      if (nav) {
        const loaded = nav.collect(subPaths);
        data[name] = loaded.data;
        applies.push(() => loaded.apply());
        continue;
      }
      if (!this.scalarNames().includes(name)) {
        throw new FakeOfficeError('InvalidArgument', `Cannot load '${name}' on ${this.entity}.`);
      }
      const value = this.readScalar(name);
      data[name] = value;
      applies.push(() => this.fields.set(name, value));
    }
    return {
      data,
      apply: () => {
        this.markLoaded(false);
        applies.forEach((a) => a());
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.fields);
  }
}

/** The result of a method that returns a value (getCount): `value` is readable after sync. */
export class FakeClientResult<V> {
  private loaded = false;
  private result: V | undefined;

  deliver(value: V): void {
    this.loaded = true;
    this.result = value;
  }

  get value(): V {
    if (!this.loaded) throw propertyNotLoaded('value', 'ClientResult');
    return this.result as V;
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and areas

export interface Area {
  sheet: SheetModel;
  rects: Rect[];
}

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Refuses ranges over Excel's cell limit; counts the cells when data travels (not for a broadcast format). */
function limitCells(context: FakeRequestContext, rect: Rect, carriesData = true): void {
  const cells = rectCells(rect);
  if (cells > context.host.limits.maxCellsPerRange) throw new FakeOfficeError('RangeExceedsLimit');
  if (carriesData) context.host.stats.noteRangeCells(cells);
}

function dimensionError(): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  );
}

/** Calls `each(row, column, input)` for every cell with a non-null input (null means "leave as is"). */
function eachInput(rect: Rect, input: unknown, each: (row: number, column: number, v: unknown) => void): void {
  const rows = rectRows(rect);
  const columns = rectColumns(rect);
  if (Array.isArray(input)) {
    if (input.length !== rows) throw dimensionError();
    for (let r = 0; r < rows; r++) {
      const line = input[r];
      if (!Array.isArray(line) || line.length !== columns) throw dimensionError();
      for (let c = 0; c < columns; c++) {
        const v = line[c];
        if (v !== null && v !== undefined) each(rect.r0 + r, rect.c0 + c, v);
      }
    }
  } else if (input !== null && input !== undefined) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) each(r, c, input);
  } else {
    throw new FakeOfficeError('InvalidArgument');
  }
}

function grid<V>(rect: Rect, cell: (row: number, column: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const line: V[] = new Array(rectColumns(rect));
    for (let c = rect.c0; c <= rect.c1; c++) line[c - rect.c0] = cell(r, c);
    out.push(line);
  }
  return out;
}

/** "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits, https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
const MAX_CELL_CHARACTERS = 32_767;

function writeValue(sheet: SheetModel, row: number, column: number, v: unknown, asFormula: boolean): void {
  checkEditable(sheet);
  if (typeof v === 'string' && v.length > MAX_CELL_CHARACTERS) throw new FakeOfficeError('InvalidArgument', 'Text values in cells are limited to 32,767 characters.');
  if (typeof v === 'number' && !Number.isFinite(v)) throw new FakeOfficeError('InvalidArgument');
  const nf = sheet.formats.numberFormat.get(row, column) as string | undefined;
  const entered =
    asFormula && typeof v === 'string' && v.startsWith('=') && v.length > 1 ? { value: '#NAME?' as const, formula: v } : enterValue(v, nf);
  sheet.values.set(row, column, entered.value);
  sheet.formulas.set(row, column, 'formula' in entered ? entered.formula : undefined);
  sheet.errors.set(row, column, 'error' in entered && entered.error ? true : undefined);
  sheet.quotePrefix.set(row, column, 'quotePrefix' in entered && entered.quotePrefix ? true : undefined);
}

/**
 * A values or formulas write, with what Excel does around it (collisions.ts): refused over part
 * of a merged area; a spill written into shows #SPILL!; a table beside or above takes the cells in.
 */
function writeCells(context: FakeRequestContext, sheet: SheetModel, rect: Rect, input: unknown, asFormula: boolean): void {
  limitCells(context, rect);
  refusePartOfMergedArea(sheet, rect);
  eachInput(rect, input, (r, c, v) => writeValue(sheet, r, c, v, asFormula));
  const written = (r: number, c: number) => sheet.hasContent(r, c);
  blockSpills(sheet, rect, written);
  growTables(context.host.model, sheet, rect, written);
}

function clearContents(sheet: SheetModel, rect: Rect): void {
  checkEditable(sheet);
  // Rows past the last stored one hold nothing; stop there (whole-column clears stay cheap).
  const last = Math.min(rect.r1, Math.max(sheet.values.rows.length, sheet.formulas.rows.length) - 1);
  for (let r = rect.r0; r <= last; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      sheet.values.set(r, c, undefined);
      sheet.formulas.set(r, c, undefined);
      sheet.errors.set(r, c, undefined);
      sheet.quotePrefix.set(r, c, undefined);
    }
  }
}

function setFormatAttribute(area: Area, attribute: FormatAttribute, value: string | boolean | undefined): void {
  checkEditable(area.sheet);
  for (const rect of area.rects) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) area.sheet.formats[attribute].set(r, c, value);
  }
}

function uniformAttribute(area: Area, attribute: FormatAttribute, fallback: string | boolean): string | boolean | null {
  let seen: string | boolean | undefined | null = null;
  let first = true;
  for (const rect of area.rects) {
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = area.sheet.formats[attribute].get(r, c) ?? fallback;
        if (first) {
          seen = v;
          first = false;
        } else if (seen !== v) return null;
      }
    }
  }
  return seen ?? fallback;
}

function areaCells(area: Area): number {
  return area.rects.reduce((n, r) => n + rectCells(r), 0);
}

abstract class FormatPart extends FakeObject<Area> {
  constructor(
    context: FakeRequestContext,
    entity: string,
    private readonly owner: () => Area,
  ) {
    super(context, entity);
  }

  protected locate(): Area {
    return this.owner();
  }

  protected override alive(t: Area): boolean {
    return !t.sheet.deleted;
  }

  protected setFormat(name: string, attribute: FormatAttribute, value: string | boolean | undefined): void {
    this.setProperty(name, value, 'format', (area) => setFormatAttribute(area, attribute, value), areaCells);
  }
}

export class FakeRangeFill extends FormatPart implements RangeFillApi {
  constructor(context: FakeRequestContext, owner: () => Area) {
    super(context, 'RangeFill', owner);
  }

  override scalarNames(): string[] {
    return ['color'];
  }

  override readScalar(name: string): unknown {
    if (name === 'color') return uniformAttribute(this.target(), 'fill', '#FFFFFF');
    return super.readScalar(name);
  }

  get color(): string {
    return this.read('color');
  }

  set color(value: string) {
    this.setFormat('color', 'fill', normaliseColour(value));
  }

  clear(): void {
    this.queue('clear', 'format', [], () => setFormatAttribute(this.target(), 'fill', undefined), () => areaCells(this.target()));
  }
}

export class FakeRangeFont extends FormatPart implements RangeFontApi {
  constructor(context: FakeRequestContext, owner: () => Area) {
    super(context, 'RangeFont', owner);
  }

  override scalarNames(): string[] {
    return ['bold', 'color'];
  }

  override readScalar(name: string): unknown {
    if (name === 'bold') return uniformAttribute(this.target(), 'bold', false);
    if (name === 'color') return uniformAttribute(this.target(), 'fontColor', '#000000');
    return super.readScalar(name);
  }

  get bold(): boolean {
    return this.read('bold');
  }

  set bold(value: boolean) {
    this.setFormat('bold', 'bold', value ? true : undefined);
  }

  get color(): string {
    return this.read('color');
  }

  set color(value: string) {
    this.setFormat('color', 'fontColor', normaliseColour(value));
  }
}

const EDGE_ATTRIBUTE: Record<string, FormatAttribute> = {
  EdgeTop: 'borderTop',
  EdgeBottom: 'borderBottom',
  EdgeLeft: 'borderLeft',
  EdgeRight: 'borderRight',
};

export class FakeRangeBorder extends FakeObject<Area> implements RangeBorderApi {
  constructor(
    context: FakeRequestContext,
    private readonly edge: string,
    private readonly owner: () => Area,
  ) {
    super(context, 'RangeBorder');
  }

  protected locate(): Area {
    if (!EDGE_ATTRIBUTE[this.edge]) throw new FakeOfficeError('InvalidArgument', `Unknown border ${this.edge}`);
    return this.owner();
  }

  /** Only the cells along the edge carry the border. */
  private edgeArea(area: Area): Area {
    const rects = area.rects.map((r) => {
      switch (this.edge) {
        case 'EdgeTop':
          return { ...r, r1: r.r0 };
        case 'EdgeBottom':
          return { ...r, r0: r.r1 };
        case 'EdgeLeft':
          return { ...r, c1: r.c0 };
        default:
          return { ...r, c0: r.c1 };
      }
    });
    return { sheet: area.sheet, rects };
  }

  set style(value: RangeBorderApi['style']) {
    this.setProperty(
      'style',
      value,
      'format',
      (area) => setFormatAttribute(this.edgeArea(area), EDGE_ATTRIBUTE[this.edge], value === 'None' ? undefined : value),
      (area) => areaCells(this.edgeArea(area)),
    );
  }

  get style(): RangeBorderApi['style'] {
    return this.read('style');
  }

  set color(value: string) {
    this.setProperty('color', value, 'format', () => undefined);
  }

  set weight(value: string) {
    this.setProperty('weight', value, 'format', () => undefined);
  }
}

export class FakeRangeBorderCollection extends FakeObject<Area> implements RangeBorderCollectionApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => Area,
  ) {
    super(context, 'RangeBorderCollection');
  }

  protected locate(): Area {
    return this.owner();
  }

  getItem(index: string): FakeRangeBorder {
    this.path('getItem', [index]);
    return new FakeRangeBorder(this.context, index, this.owner);
  }
}

export class FakeRangeFormat extends FormatPart implements RangeFormatApi {
  constructor(context: FakeRequestContext, owner: () => Area) {
    super(context, 'RangeFormat', owner);
  }

  private get area(): () => Area {
    return () => this.target();
  }

  get fill(): FakeRangeFill {
    return this.child('fill', () => new FakeRangeFill(this.context, this.area));
  }

  get font(): FakeRangeFont {
    return this.child('font', () => new FakeRangeFont(this.context, this.area));
  }

  get borders(): FakeRangeBorderCollection {
    return this.child('borders', () => new FakeRangeBorderCollection(this.context, this.area));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }

  override scalarNames(): string[] {
    return ['columnWidth', 'wrapText', 'horizontalAlignment'];
  }

  override readScalar(name: string): unknown {
    const area = this.target();
    if (name === 'columnWidth') {
      const widths = new Set<number>();
      for (const r of area.rects) for (let c = r.c0; c <= r.c1; c++) widths.add(area.sheet.columnWidths.get(c) ?? 48);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (name === 'wrapText') return uniformAttribute(area, 'wrapText', false);
    if (name === 'horizontalAlignment') return uniformAttribute(area, 'horizontalAlignment', 'General');
    return super.readScalar(name);
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }

  set columnWidth(value: number) {
    if (typeof value !== 'number' || !(value >= 0)) throw new FakeOfficeError('InvalidArgument');
    this.setProperty('columnWidth', value, 'format', (area) => {
      for (const r of area.rects) for (let c = r.c0; c <= r.c1; c++) area.sheet.setColumnWidth(c, value);
    });
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }

  set wrapText(value: boolean) {
    this.setFormat('wrapText', 'wrapText', value ? true : undefined);
  }

  get horizontalAlignment(): RangeFormatApi['horizontalAlignment'] {
    return this.read('horizontalAlignment');
  }

  set horizontalAlignment(value: RangeFormatApi['horizontalAlignment']) {
    this.setFormat('horizontalAlignment', 'horizontalAlignment', value === 'General' ? undefined : value);
  }

  autofitColumns(): void {
    this.queue('autofitColumns', 'format', [], () => undefined);
  }

  autofitRows(): void {
    this.queue('autofitRows', 'format', [], () => undefined);
  }
}

function normaliseColour(value: string): string {
  if (typeof value !== 'string' || value === '') throw new FakeOfficeError('InvalidArgument');
  return value.startsWith('#') ? value.toUpperCase() : value;
}

export class FakeRange extends FakeObject<RangeTarget> implements RangeApi {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => RangeTarget | null,
    private readonly sheetProxy: FakeWorksheet,
  ) {
    super(context, 'Range');
  }

  protected locate(): RangeTarget | null {
    const t = this.finder();
    if (t) checkRect(t.rect);
    return t;
  }

  protected override alive(t: RangeTarget): boolean {
    return !t.sheet.deleted;
  }

  private get host() {
    return this.context.host;
  }

  private derived(label: string, args: unknown[], make: (t: RangeTarget) => Rect, nullIfEmpty = false): FakeRange {
    this.path(label, args);
    return new FakeRange(
      this.context,
      () => {
        const t = this.target();
        const rect = make(t);
        if (nullIfEmpty && rectCells(rect) === 0) return null;
        return { sheet: t.sheet, rect };
      },
      this.sheetProxy,
    );
  }

  // --- loadable properties ---
  override scalarNames(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount', 'values', 'formulas', 'numberFormat', 'text', 'valueTypes', 'hasSpill'];
  }

  override readScalar(name: string): unknown {
    const { sheet, rect } = this.target();
    switch (name) {
      case 'address':
        return formatAddress(sheet.name, rect);
      case 'rowCount':
        return rectRows(rect);
      case 'columnCount':
        return rectColumns(rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'cellCount':
        return rectCells(rect);
      case 'hasSpill': {
        // "true if all cells have a spill border, false if all cells do not, null if there are
        // cells both with and without spill borders within the range" (Range.hasSpill, ExcelApi 1.12).
        this.host.requireApi('1.12', 'Range.hasSpill');
        const { inside, total } = spillCells(sheet, rect);
        return inside === 0 ? false : inside === total ? true : null;
      }
    }
    limitCells(this.context, rect);
    switch (name) {
      case 'values':
        return grid(rect, (r, c) => sheet.values.get(r, c) ?? '');
      case 'formulas':
        return grid(rect, (r, c) => sheet.formulas.get(r, c) ?? sheet.values.get(r, c) ?? '');
      case 'numberFormat':
        return grid(rect, (r, c) => (sheet.formats.numberFormat.get(r, c) as string | undefined) ?? 'General');
      case 'text':
        return grid(rect, (r, c) => String(sheet.values.get(r, c) ?? ''));
      case 'valueTypes':
        return grid(rect, (r, c) => {
          const v = sheet.values.get(r, c);
          if (v === undefined) return 'Empty';
          if (sheet.errors.get(r, c)) return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
    }
    return super.readScalar(name);
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get hasSpill(): boolean | null {
    return this.read('hasSpill');
  }

  get values(): unknown[][] {
    return this.read('values');
  }

  set values(input: unknown[][]) {
    this.setProperty(
      'values',
      input,
      'values',
      ({ sheet, rect }) => writeCells(this.context, sheet, rect, input, false),
      (t) => rectCells(t.rect),
    );
  }

  get formulas(): unknown[][] {
    return this.read('formulas');
  }

  set formulas(input: unknown[][]) {
    this.setProperty(
      'formulas',
      input,
      'values',
      ({ sheet, rect }) => writeCells(this.context, sheet, rect, input, true),
      (t) => rectCells(t.rect),
    );
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }

  set numberFormat(input: unknown[][]) {
    this.setProperty(
      'numberFormat',
      input,
      'format',
      ({ sheet, rect }) => {
        limitCells(this.context, rect, Array.isArray(input));
        checkEditable(sheet);
        eachInput(rect, input, (r, c, v) => {
          const code = String(v);
          sheet.formats.numberFormat.set(r, c, code === '' || code === 'General' ? undefined : code);
        });
      },
      (t) => rectCells(t.rect),
    );
  }

  // --- navigation ---
  private area = (): Area => {
    const t = this.target();
    return { sheet: t.sheet, rects: [t.rect] };
  };

  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, this.area));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.host.requireApi('1.6', 'Range.conditionalFormats');
    return this.child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this.area));
  }

  get worksheet(): FakeWorksheet {
    return this.sheetProxy;
  }

  // --- methods returning ranges ---
  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', [row, column], ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }

  getRow(row: number): FakeRange {
    return this.derived('getRow', [row], ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): FakeRange {
    return this.derived('getColumn', [column], ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this.host.requireApi('1.3', 'Range.getResizedRange');
    return this.derived('getResizedRange', [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    this.host.requireApi('1.7', 'Range.getAbsoluteResizedRange');
    return this.derived('getAbsoluteResizedRange', [numRows, numColumns], ({ rect }) => ({
      ...rect,
      r1: rect.r0 + numRows - 1,
      c1: rect.c0 + numColumns - 1,
    }));
  }

  private usedWithin(valuesOnly: boolean, orNull: boolean): FakeRange {
    this.path(orNull ? 'getUsedRangeOrNullObject' : 'getUsedRange', [valuesOnly]);
    return new FakeRange(
      this.context,
      () => {
        const { sheet, rect } = this.target();
        const used = sheet.usedRect(valuesOnly);
        const inter =
          used && rectsIntersect(used, rect)
            ? { r0: Math.max(used.r0, rect.r0), r1: Math.min(used.r1, rect.r1), c0: Math.max(used.c0, rect.c0), c1: Math.min(used.c1, rect.c1) }
            : null;
        // The used range of a range is tight around the used cells inside it.
        const tight = !inter ? null : this.host.rangeUsedRange === 'sheet-bounds' ? inter : tighten(sheet, inter, valuesOnly, this.host.spillsInUsedRange);
        if (!tight) {
          if (orNull) return null;
          throw new FakeOfficeError('ItemNotFound', undefined, 'Range.getUsedRange');
        }
        return { sheet, rect: tight };
      },
      this.sheetProxy,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.usedWithin(valuesOnly === true, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.host.requireApi('1.4', 'Range.getUsedRangeOrNullObject');
    return this.usedWithin(valuesOnly === true, true);
  }

  /**
   * ExcelApi 1.13: the merged areas of the range, as RangeAreas; a null object when there are none.
   * Only areas whose top-left cell lies inside the range are found
   * (https://github.com/OfficeDev/office-js/issues/3611): ask over a range that starts at A1.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.host.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    this.path('getMergedAreasOrNullObject', []);
    return new FakeRangeAreas(this.context, () => {
      const { sheet, rect } = this.target();
      const rects = sheet.merges.filter((m) => rectContains(rect, m.r0, m.c0));
      return rects.length === 0 ? null : { sheet, rects };
    });
  }

  getTables(fullyContained?: boolean): FakeTableCollection {
    this.host.requireApi('1.9', 'Range.getTables');
    this.path('getTables', [fullyContained ?? false]);
    return new FakeTableCollection(this.context, () => {
      const { sheet, rect } = this.target();
      return this.context.host.model
        .liveTables()
        .filter((t) => t.sheet === sheet && (fullyContained ? rectContains(rect, t.rect.r0, t.rect.c0) && rectContains(rect, t.rect.r1, t.rect.c1) : rectsIntersect(t.rect, rect)));
    }, null);
  }

  // --- methods acting on the document ---
  clear(applyTo?: string): void {
    const what = applyTo ?? 'All';
    this.queue(
      'clear',
      what === 'Contents' ? 'clear' : 'format',
      [what],
      () => {
        const { sheet, rect } = this.target();
        if (what === 'All' || what === 'Contents') clearContents(sheet, rect);
        if (what === 'All' || what === 'Formats') {
          for (const attribute of Object.keys(sheet.formats) as FormatAttribute[]) setFormatAttribute({ sheet, rects: [rect] }, attribute, undefined);
          sheet.replaceList(
            'conditionalFormats',
            sheet.conditionalFormats.filter((cf) => !cfAreas(cf).every((a) => rectContains(rect, a.r0, a.c0) && rectContains(rect, a.r1, a.c1))),
          );
        }
      },
      () => rectCells(this.target().rect),
    );
  }

  /** ExcelApi 1.7: a link to a place in the workbook; the cell shows textToDisplay. */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.host.requireApi('1.7', 'Range.hyperlink');
    this.setProperty(
      'hyperlink',
      link,
      'format',
      ({ sheet, rect }) => {
        if (!link || typeof link !== 'object' || (!link.documentReference && !link.address)) throw new FakeOfficeError('InvalidArgument');
        if (link.documentReference && !/^(?:'(?:[^']|'')+'|[^'!]+)!\$?[A-Z]{1,3}\$?\d+$/.test(link.documentReference)) throw new FakeOfficeError('InvalidArgument');
        for (let r = rect.r0; r <= rect.r1; r++) {
          for (let c = rect.c0; c <= rect.c1; c++) {
            sheet.hyperlinks.set(r, c, link.documentReference ?? link.address);
            if (link.textToDisplay !== undefined) writeValue(sheet, r, c, link.textToDisplay, false);
          }
        }
      },
      (t) => rectCells(t.rect),
    );
  }

  merge(across?: boolean): void {
    this.host.requireApi('1.2', 'Range.merge');
    this.queue(
      'merge',
      'format',
      [across ?? false],
      () => {
        const { sheet, rect } = this.target();
        checkEditable(sheet);
        const rects = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
        sheet.replaceList('merges', [...sheet.merges.filter((m) => !rectsIntersect(m, rect)), ...rects]);
      },
      () => rectCells(this.target().rect),
    );
  }

  /**
   * Inserts cells, moving the others down or right (ExcelApi 1.1). The fake moves cells down only
   * (what a user does when adding rows): whole rows, or cells of some columns ('Down').
   */
  insert(shift: string): FakeRange {
    if (shift !== 'Down') throw new FakeOfficeError('InvalidArgument', `The fake inserts with shift "Down" only (got "${shift}").`);
    this.queue('insert', 'structure', [shift], () => {
      const { sheet, rect } = this.target();
      this.context.host.model.shiftCells(sheet, rect.r0, rectRows(rect), rect.c0, rect.c1);
    });
    return this.derived('insertedRange', [], ({ rect }) => rect);
  }

  /** Deletes cells, moving the ones below up (whole rows, or cells of some columns with 'Up'). */
  delete(shift: string): void {
    if (shift !== 'Up') throw new FakeOfficeError('InvalidArgument', `The fake deletes with shift "Up" only (got "${shift}").`);
    this.queue('delete', 'structure', [shift], () => {
      const { sheet, rect } = this.target();
      this.context.host.model.shiftCells(sheet, rect.r0, -rectRows(rect), rect.c0, rect.c1);
    });
  }

  unmerge(): void {
    this.host.requireApi('1.2', 'Range.unmerge');
    this.queue(
      'unmerge',
      'format',
      [],
      () => {
        const { sheet, rect } = this.target();
        checkEditable(sheet);
        sheet.replaceList(
          'merges',
          sheet.merges.filter((m) => !rectsIntersect(m, rect)),
        );
      },
      () => rectCells(this.target().rect),
    );
  }

  select(): void {
    this.queue('select', 'method', [], () => {
      const t = this.target();
      this.context.host.model.selection = { sheet: t.sheet, rect: t.rect };
    });
  }
}

/** The used range inside `rect`: shrink to the rows/columns that actually hold something. */
function tighten(sheet: SheetModel, rect: Rect, valuesOnly: boolean, spillsUsed: boolean): Rect | null {
  const used = (r: number, c: number): boolean =>
    (sheet.hasContent(r, c) && (spillsUsed || !isSpilledCell(sheet, r, c))) ||
    (!valuesOnly && Object.values(sheet.formats).some((g) => g.get(r, c) !== undefined));
  let r0 = -1;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (let r = rect.r0; r <= rect.r1; r++) {
    if (sheet.values.rows[r] === undefined && sheet.formulas.rows[r] === undefined && valuesOnly) continue;
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (!used(r, c)) continue;
      if (r0 < 0) r0 = r;
      r1 = r;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
  }
  return r0 < 0 ? null : { r0, r1, c0, c1 };
}

/** Several rectangles of one sheet (ExcelApi 1.9): formats apply to all of them in one operation. */
export class FakeRangeAreas extends FakeObject<Area> implements RangeAreasApi {
  constructor(
    context: FakeRequestContext,
    /** Null for an *OrNullObject that found nothing. */
    private readonly finder: () => Area | null,
  ) {
    super(context, 'RangeAreas');
  }

  protected locate(): Area | null {
    const area = this.finder();
    area?.rects.forEach(checkRect);
    return area;
  }

  protected override alive(t: Area): boolean {
    return !t.sheet.deleted;
  }

  override scalarNames(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  override readScalar(name: string): unknown {
    const area = this.target();
    if (name === 'address') return area.rects.map((r) => formatAddress(area.sheet.name, r)).join(',');
    if (name === 'areaCount') return area.rects.length;
    if (name === 'cellCount') return areaCells(area);
    return super.readScalar(name);
  }

  get address(): string {
    return this.read('address');
  }

  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this.target()));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? this.format : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

export class FakeConditionalRangeFill extends FakeObject<ConditionalFormatModel> implements ConditionalRangeFillApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ConditionalFormatModel,
  ) {
    super(context, 'ConditionalRangeFill');
  }

  protected locate(): ConditionalFormatModel {
    return this.owner();
  }

  override scalarNames(): string[] {
    return ['color'];
  }

  override readScalar(name: string): unknown {
    if (name === 'color') return this.target().fill ?? null;
    return super.readScalar(name);
  }

  get color(): string {
    return this.read('color');
  }

  set color(value: string) {
    this.setProperty('color', value, 'format', (cf) => {
      cf.fill = normaliseColour(value);
    });
  }
}

export class FakeConditionalRangeFont extends FakeObject<ConditionalFormatModel> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ConditionalFormatModel,
  ) {
    super(context, 'ConditionalRangeFont');
  }

  protected locate(): ConditionalFormatModel {
    return this.owner();
  }

  set bold(value: boolean) {
    this.setProperty('bold', value, 'format', (cf) => {
      cf.bold = value;
    });
  }

  get bold(): boolean {
    return this.read('bold');
  }

  set color(value: string) {
    this.setProperty('color', value, 'format', (cf) => {
      cf.fontColor = normaliseColour(value);
    });
  }
}

export class FakeConditionalRangeFormat extends FakeObject<ConditionalFormatModel> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ConditionalFormatModel,
  ) {
    super(context, 'ConditionalRangeFormat');
  }

  protected locate(): ConditionalFormatModel {
    return this.owner();
  }

  get fill(): FakeConditionalRangeFill {
    return this.child('fill', () => new FakeConditionalRangeFill(this.context, () => this.target()));
  }

  get font(): FakeConditionalRangeFont {
    return this.child('font', () => new FakeConditionalRangeFont(this.context, () => this.target()));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
}

export class FakeConditionalFormatRule extends FakeObject<ConditionalFormatModel> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ConditionalFormatModel,
  ) {
    super(context, 'ConditionalFormatRule');
  }

  protected locate(): ConditionalFormatModel {
    return this.owner();
  }

  override scalarNames(): string[] {
    return ['formula'];
  }

  override readScalar(name: string): unknown {
    if (name === 'formula') return this.target().formula ?? '';
    return super.readScalar(name);
  }

  get formula(): string {
    return this.read('formula');
  }

  set formula(value: string) {
    this.setProperty('formula', value, 'format', (cf) => {
      try {
        new ConditionalFormula(value);
      } catch {
        throw new FakeOfficeError('InvalidArgument', `The formula "${value}" is not valid.`);
      }
      cf.formula = value;
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject<ConditionalFormatModel> implements CustomConditionalFormatApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ConditionalFormatModel | null,
    private readonly orNull: boolean,
  ) {
    super(context, 'CustomConditionalFormat');
  }

  protected locate(): ConditionalFormatModel | null {
    const cf = this.owner();
    if (cf === null) return null;
    if (cf.type !== 'Custom') {
      if (this.orNull) return null;
      throw new FakeOfficeError('InvalidArgument', 'The conditional format is not of type Custom.');
    }
    return cf;
  }

  get rule(): FakeConditionalFormatRule {
    return this.child('rule', () => new FakeConditionalFormatRule(this.context, () => this.target()));
  }

  get format(): FakeConditionalRangeFormat {
    return this.child('format', () => new FakeConditionalRangeFormat(this.context, () => this.target()));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
}

export class FakeConditionalFormat extends FakeObject<ConditionalFormatModel> implements ConditionalFormatApi {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => ConditionalFormatModel | null,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, 'ConditionalFormat');
  }

  protected locate(): ConditionalFormatModel | null {
    return this.finder();
  }

  protected override alive(cf: ConditionalFormatModel): boolean {
    const sheet = this.sheet();
    return !sheet.deleted && sheet.conditionalFormats.includes(cf);
  }

  override scalarNames(): string[] {
    return ['type', 'id', 'priority', 'stopIfTrue'];
  }

  override readScalar(name: string): unknown {
    const cf = this.target();
    const index = this.sheet().conditionalFormats.indexOf(cf);
    if (name === 'type') return cf.type;
    // Excel's id is the current priority, not a stable key: it changes when others are deleted.
    if (name === 'id') return String(index);
    if (name === 'priority') return index;
    if (name === 'stopIfTrue') return cf.stopIfTrue ?? false;
    return super.readScalar(name);
  }

  get type(): ConditionalFormatApi['type'] {
    return this.read('type');
  }
  get id(): string {
    return this.read('id');
  }
  get priority(): number {
    return this.read('priority');
  }

  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }

  set stopIfTrue(value: boolean) {
    this.setProperty('stopIfTrue', value, 'format', (cf) => {
      cf.stopIfTrue = value;
    });
  }

  get custom(): FakeCustomConditionalFormat {
    return this.child('custom', () => new FakeCustomConditionalFormat(this.context, () => this.target(), false));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.child('customOrNullObject', () => new FakeCustomConditionalFormat(this.context, () => this.target(), true));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }

  delete(): void {
    this.queue('delete', 'format', [], () => {
      const cf = this.target();
      const sheet = this.sheet();
      checkEditable(sheet);
      sheet.replaceList(
        'conditionalFormats',
        sheet.conditionalFormats.filter((x) => x !== cf),
      );
    });
  }

  /**
   * "Throws an error if the conditional format is applied to multiple ranges"; the OrNullObject
   * form gives a null object then (ConditionalFormat.getRange / getRangeOrNullObject,
   * https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat). A rule's range
   * becomes several areas when cells are inserted or deleted in part of it (model.shiftCells).
   */
  getRange(): FakeRange {
    this.path('getRange', []);
    return new FakeRange(
      this.context,
      () => {
        const cf = this.target();
        if (cf.more) throw new FakeOfficeError('InvalidOperation', undefined, 'ConditionalFormat.getRange');
        return { sheet: this.sheet(), rect: cf.rect };
      },
      new FakeWorksheet(this.context, () => this.sheet()),
    );
  }

  getRangeOrNullObject(): FakeRange {
    this.path('getRangeOrNullObject', []);
    return new FakeRange(
      this.context,
      () => {
        const cf = this.target();
        return cf.more ? null : { sheet: this.sheet(), rect: cf.rect };
      },
      new FakeWorksheet(this.context, () => this.sheet()),
    );
  }
}

export class FakeConditionalFormatCollection extends FakeObject<Area> implements ConditionalFormatCollectionApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => Area,
  ) {
    super(context, 'ConditionalFormatCollection');
  }

  protected locate(): Area {
    return this.owner();
  }

  private current(): ConditionalFormatModel[] {
    const area = this.target();
    return area.sheet.conditionalFormats.filter((cf) => area.rects.some((r) => cfAreas(cf).some((a) => rectsIntersect(r, a))));
  }

  override collectionItems(): FakeObject<unknown>[] {
    const area = this.target();
    return this.current().map((cf) => new FakeConditionalFormat(this.context, () => cf, () => area.sheet));
  }

  get items(): FakeConditionalFormat[] {
    return this.read('items');
  }

  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    let sheet: SheetModel | null = null;
    this.queue(
      'add',
      'format',
      [type],
      () => {
        const area = this.target();
        if (area.rects.length !== 1) throw new FakeOfficeError('InvalidArgument');
        checkEditable(area.sheet);
        sheet = area.sheet;
        created = { key: this.context.host.model.newKey(), type, rect: area.rects[0] };
        // "Adds a new conditional format to the collection at the first/top priority"
        // (ConditionalFormatCollection.add, https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)):
        // the sheet's list is in priority order, so a new rule wins over the user's older ones.
        sheet.replaceList('conditionalFormats', [created, ...sheet.conditionalFormats]);
      },
      () => areaCells(this.target()),
    );
    return new FakeConditionalFormat(
      this.context,
      () => {
        if (!created) throw new FakeOfficeError('ItemNotFound', undefined, 'ConditionalFormat');
        return created;
      },
      () => sheet as unknown as SheetModel,
    );
  }

  clearAll(): void {
    this.queue('clearAll', 'format', [], () => {
      const area = this.target();
      const gone = new Set(this.current());
      area.sheet.replaceList(
        'conditionalFormats',
        area.sheet.conditionalFormats.filter((cf) => !gone.has(cf)),
      );
    });
  }

  getCount(): FakeClientResult<number> {
    this.context.host.requireApi('1.4', 'ConditionalFormatCollection.getCount');
    const result = new FakeClientResult<number>();
    this.queue('getCount', 'load', [], () => {
      const n = this.current().length;
      return { data: n, apply: () => result.deliver(n) };
    });
    return result;
  }

  getItemAt(index: number): FakeConditionalFormat {
    this.path('getItemAt', [index]);
    let sheet: SheetModel | null = null;
    return new FakeConditionalFormat(
      this.context,
      () => {
        sheet = this.target().sheet;
        const cf = this.current()[index];
        if (!cf) throw new FakeOfficeError('ItemNotFound');
        return cf;
      },
      () => sheet as unknown as SheetModel,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class FakeTable extends FakeObject<TableModel> implements TableApi {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => TableModel | null,
  ) {
    super(context, 'Table');
  }

  protected locate(): TableModel | null {
    return this.finder();
  }

  protected override alive(t: TableModel): boolean {
    return !t.deleted && !t.sheet.deleted;
  }

  override scalarNames(): string[] {
    return ['name', 'id', 'showHeaders'];
  }

  override readScalar(name: string): unknown {
    const t = this.target();
    if (name === 'name') return t.name;
    if (name === 'id') return `{table-${t.key}}`;
    if (name === 'showHeaders') return true;
    return super.readScalar(name);
  }

  get name(): string {
    return this.read('name');
  }

  set name(value: string) {
    this.setProperty('name', value, 'structure', (t) => this.context.host.model.renameTable(t, value));
  }

  get id(): string {
    return this.read('id');
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.target().sheet));
  }

  override navigation(name: string): FakeObject<unknown> | undefined {
    return name === 'worksheet' ? this.worksheet : undefined;
  }

  private range(label: string, part: (rect: Rect) => Rect): FakeRange {
    this.path(label, []);
    const sheetProxy = new FakeWorksheet(this.context, () => this.target().sheet);
    return new FakeRange(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: part(t.rect) };
    }, sheetProxy);
  }

  getRange(): FakeRange {
    return this.range('getRange', (r) => r);
  }

  getHeaderRowRange(): FakeRange {
    return this.range('getHeaderRowRange', (r) => ({ ...r, r1: r.r0 }));
  }

  getDataBodyRange(): FakeRange {
    return this.range('getDataBodyRange', (r) => ({ ...r, r0: r.r0 + 1 }));
  }

  delete(): void {
    this.queue('delete', 'structure', [], () => this.context.host.model.deleteTable(this.target()));
  }
}

export class FakeTableCollection extends FakeObject<TableModel[]> implements TableCollectionApi {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => TableModel[],
    /** The sheet for a worksheet's collection; null for the workbook's. */
    private readonly sheetProxy: FakeWorksheet | null,
  ) {
    super(context, 'TableCollection');
  }

  protected locate(): TableModel[] {
    return this.finder();
  }

  override collectionItems(): FakeObject<unknown>[] {
    return this.target().map((t) => new FakeTable(this.context, () => t));
  }

  get items(): FakeTable[] {
    return this.read('items');
  }

  private byName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.target().find((t) => t.name.toLowerCase() === lower);
  }

  getItem(key: string): FakeTable {
    this.path('getItem', [key]);
    return new FakeTable(this.context, () => {
      const t = this.byName(key);
      if (!t) throw new FakeOfficeError('ItemNotFound', undefined, 'TableCollection.getItem');
      return t;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    this.context.host.requireApi('1.4', 'TableCollection.getItemOrNullObject');
    this.path('getItemOrNullObject', [key]);
    return new FakeTable(this.context, () => this.byName(key) ?? null);
  }

  getCount(): FakeClientResult<number> {
    this.context.host.requireApi('1.4', 'TableCollection.getCount');
    const result = new FakeClientResult<number>();
    this.queue('getCount', 'load', [], () => {
      const n = this.target().length;
      return { data: n, apply: () => result.deliver(n) };
    });
    return result;
  }

  /** Creates a table; Excel turns its header cells into unique text ("Column1" for blanks). */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    // "Prior to ExcelApi 1.3, this parameter must be a string" (same page).
    if (typeof address !== 'string') this.context.host.requireApi('1.3', 'TableCollection.add(Range)');
    let created: TableModel | null = null;
    const model = this.context.host.model;
    this.queue(
      'add',
      'structure',
      [typeof address === 'string' ? address : '(range)', hasHeaders],
      () => {
        let sheet: SheetModel;
        let rect: Rect;
        if (typeof address === 'string') {
          const { sheet: sheetName, local } = splitSheet(address);
          // "If the address does not contain a sheet name, the currently-active sheet is used",
          // even on a worksheet's own collection (TableCollection.add,
          // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
          const found = sheetName !== undefined ? model.findSheet(sheetName) : model.activeSheet;
          if (!found) throw new FakeOfficeError('ItemNotFound', undefined, 'TableCollection.add');
          sheet = found;
          rect = parseLocal(local);
        } else {
          ({ sheet, rect } = address.target());
        }
        if (!hasHeaders) throw new FakeOfficeError('InvalidArgument', 'The fake supports tables with headers only.');
        checkEditable(sheet);
        const seen = new Set<string>();
        for (let c = rect.c0; c <= rect.c1; c++) {
          const raw = sheet.values.get(rect.r0, c);
          let header = raw === undefined || raw === '' ? `Column${c - rect.c0 + 1}` : String(raw);
          let n = 2;
          const base = header;
          while (seen.has(header.toLowerCase())) header = `${base}${n++}`;
          seen.add(header.toLowerCase());
          if (header !== raw) writeValue(sheet, rect.r0, c, `'${header}`, false);
        }
        created = model.addTable(sheet, rect);
      },
    );
    return new FakeTable(this.context, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', undefined, 'Table');
      return created;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Print settings (ExcelApi 1.9)

const PAPER_TYPES = ['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'LetterSmall', 'Legal', 'Executive', 'Tabloid'];
/** Excel refuses header/footer text over 255 characters. */
const MAX_HEADER_FOOTER = 255;

export class FakeHeaderFooter extends FakeObject<SheetModel> implements HeaderFooterApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'HeaderFooter');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  override scalarNames(): string[] {
    return ['centerHeader', 'centerFooter'];
  }

  override readScalar(name: string): unknown {
    const page = this.target().page;
    if (name === 'centerHeader') return page.centerHeader ?? '';
    if (name === 'centerFooter') return page.centerFooter ?? '';
    return super.readScalar(name);
  }

  private setText(name: 'centerHeader' | 'centerFooter', value: string): void {
    this.setProperty(name, value, 'format', (sheet) => {
      if (typeof value !== 'string' || value.length > MAX_HEADER_FOOTER) throw new FakeOfficeError('InvalidArgument');
      sheet.setPage(name, value);
    });
  }

  get centerHeader(): string {
    return this.read('centerHeader');
  }

  set centerHeader(value: string) {
    this.setText('centerHeader', value);
  }

  get centerFooter(): string {
    return this.read('centerFooter');
  }

  set centerFooter(value: string) {
    this.setText('centerFooter', value);
  }
}

export class FakeHeaderFooterGroup extends FakeObject<SheetModel> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'HeaderFooterGroup');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  get defaultForAllPages(): FakeHeaderFooter {
    return this.child('defaultForAllPages', () => new FakeHeaderFooter(this.context, () => this.target()));
  }
}

export class FakePageLayout extends FakeObject<SheetModel> implements PageLayoutApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'PageLayout');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  override scalarNames(): string[] {
    return ['orientation', 'paperSize', 'zoom'];
  }

  override readScalar(name: string): unknown {
    const page = this.target().page;
    if (name === 'orientation') return page.orientation ?? 'Portrait';
    if (name === 'paperSize') return page.paperSize ?? 'Letter';
    if (name === 'zoom') return page.zoom ?? { scale: 100 };
    return super.readScalar(name);
  }

  get orientation(): PageLayoutApi['orientation'] {
    return this.read('orientation');
  }

  set orientation(value: PageLayoutApi['orientation']) {
    this.setProperty('orientation', value, 'format', (sheet) => {
      if (value !== 'Portrait' && value !== 'Landscape') throw new FakeOfficeError('InvalidArgument');
      sheet.setPage('orientation', value);
    });
  }

  get paperSize(): PageLayoutApi['paperSize'] {
    return this.read('paperSize');
  }

  set paperSize(value: PageLayoutApi['paperSize']) {
    this.setProperty('paperSize', value, 'format', (sheet) => {
      if (!PAPER_TYPES.includes(value)) throw new FakeOfficeError('InvalidArgument');
      sheet.setPage('paperSize', value);
    });
  }

  get zoom(): NonNullable<PageLayoutModel['zoom']> {
    return this.read('zoom');
  }

  set zoom(value: NonNullable<PageLayoutModel['zoom']>) {
    this.setProperty('zoom', value, 'format', (sheet) => {
      const pages = [value.horizontalFitToPages, value.verticalFitToPages].filter((n) => n !== undefined && n !== null);
      if (pages.some((n) => !Number.isInteger(n) || n! < 0)) throw new FakeOfficeError('InvalidArgument');
      if (value.scale !== undefined && value.scale !== null && (value.scale < 10 || value.scale > 400 || pages.length > 0)) {
        throw new FakeOfficeError('InvalidArgument');
      }
      sheet.setPage('zoom', { ...value });
    });
  }

  setPrintArea(printArea: string): void {
    this.queue('setPrintArea', 'format', [printArea], () => {
      if (typeof printArea !== 'string') throw new FakeOfficeError('InvalidArgument', 'The fake takes a print area as an A1 address.');
      const { sheet, local } = splitSheet(printArea);
      const target = this.target();
      if (sheet !== undefined && sheet.toLowerCase() !== target.name.toLowerCase()) throw new FakeOfficeError('InvalidArgument');
      target.setPage('printArea', parseLocal(local));
    });
  }

  setPrintTitleRows(printTitleRows: string): void {
    this.queue('setPrintTitleRows', 'format', [printTitleRows], () => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(typeof printTitleRows === 'string' ? printTitleRows : '');
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) throw new FakeOfficeError('InvalidArgument', 'Print title rows must be whole rows, such as $1:$3.');
      this.target().setPage('printTitleRows', { r0: Number(m[1]) - 1, r1: Number(m[2]) - 1 });
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this.child('headersFooters', () => new FakeHeaderFooterGroup(this.context, () => this.target()));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets and the workbook

export class FakeWorksheetFreezePanes extends FakeObject<SheetModel> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'WorksheetFreezePanes');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  /**
   * Freezing or unfreezing panes of a sheet that is not visible throws on some Excel builds:
   * GeneralException from freezeRows on Excel 2019 desktop (https://github.com/OfficeDev/office-js/issues/2196),
   * an exception from unfreeze on a hidden sheet (https://github.com/OfficeDev/office-js/issues/1463).
   * The fake always throws, so code that must work on every build is tested against the worst.
   */
  private visibleTarget(member: string): SheetModel {
    const sheet = this.target();
    if (sheet.visibility !== 'Visible') {
      throw new FakeOfficeError('GeneralException', undefined, `WorksheetFreezePanes.${member}`);
    }
    return sheet;
  }

  freezeRows(count?: number): void {
    this.context.host.requireApi('1.7', 'WorksheetFreezePanes.freezeRows');
    this.queue('freezeRows', 'format', [count ?? 1], () => this.visibleTarget('freezeRows').setScalar('frozenRows', count ?? 1));
  }

  unfreeze(): void {
    this.context.host.requireApi('1.7', 'WorksheetFreezePanes.unfreeze');
    this.queue('unfreeze', 'format', [], () => this.visibleTarget('unfreeze').setScalar('frozenRows', 0));
  }
}

/** Worksheet.protection (ExcelApi 1.2): `protected` says whether Review > Protect Sheet is on. */
export class FakeWorksheetProtection extends FakeObject<SheetModel> implements WorksheetProtectionApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'WorksheetProtection');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  override scalarNames(): string[] {
    return ['protected'];
  }

  override readScalar(name: string): unknown {
    if (name === 'protected') return this.target().protected;
    return super.readScalar(name);
  }

  get protected(): boolean {
    return this.read('protected');
  }
}

/** Workbook.protection (ExcelApi 1.7): `protected` says whether the structure is protected. */
export class FakeWorkbookProtection extends FakeObject<null> implements WorksheetProtectionApi {
  constructor(context: FakeRequestContext) {
    super(context, 'WorkbookProtection');
  }

  protected locate(): null {
    return null;
  }

  override collect(): Delivery {
    const value = this.context.host.model.structureProtected;
    return {
      data: { protected: value },
      apply: () => {
        this.markLoaded(false);
        this.fields.set('protected', value);
      },
    };
  }

  get protected(): boolean {
    return this.read('protected');
  }
}

// ---------------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1): add from a range, title text, setPosition. Kept on the sheet's model.

export class FakeChartCollection extends FakeObject<SheetModel> implements ChartCollectionApi {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => SheetModel,
  ) {
    super(context, 'ChartCollection');
  }

  protected locate(): SheetModel {
    return this.owner();
  }

  override collectionItems(): FakeObject<unknown>[] {
    const sheet = this.target();
    return sheet.charts.map((chart) => new FakeChart(this.context, () => ({ sheet, chart })));
  }

  get items(): FakeChart[] {
    return this.read('items');
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartModel | null = null;
    this.queue('add', 'structure', [type, seriesBy ?? 'Auto'], () => {
      const sheet = this.target();
      const { sheet: sourceSheet, rect } = sourceData.target();
      if (sourceSheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'The fake draws charts from ranges on their own sheet only.');
      created = { type, source: rect, seriesBy: seriesBy ?? 'Auto', title: '' };
      sheet.replaceList('charts', [...sheet.charts, created]);
    });
    return new FakeChart(this.context, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', undefined, 'Chart');
      return { sheet: this.target(), chart: created };
    });
  }
}

type ChartTarget = { sheet: SheetModel; chart: ChartModel };

/** Replaces one chart on its sheet with an edited copy (undoable like every other change). */
function editChart(target: ChartTarget, edit: (chart: ChartModel) => ChartModel): void {
  const { sheet, chart } = target;
  const edited = edit(chart);
  sheet.replaceList('charts', sheet.charts.map((c) => (c === chart ? edited : c)));
  target.chart = edited;
}

export class FakeChart extends FakeObject<ChartTarget> implements ChartApi {
  private current: ChartTarget | null = null;

  constructor(
    context: FakeRequestContext,
    private readonly finder: () => ChartTarget,
  ) {
    super(context, 'Chart');
  }

  protected locate(): ChartTarget {
    this.current ??= this.finder();
    return this.current;
  }

  get title(): FakeChartTitle {
    return this.child('title', () => new FakeChartTitle(this.context, () => this.target()));
  }

  setPosition(startCell: string, endCell?: string): void {
    this.queue('setPosition', 'format', [startCell, endCell], () => editChart(this.target(), (c) => ({ ...c, position: { start: startCell, end: endCell } })));
  }

  /** Chart.delete (ExcelApi 1.1). */
  delete(): void {
    this.queue('delete', 'structure', [], () => {
      const { sheet, chart } = this.target();
      checkEditable(sheet);
      sheet.replaceList(
        'charts',
        sheet.charts.filter((c) => c !== chart),
      );
    });
  }
}

export class FakeChartTitle extends FakeObject<ChartTarget> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => ChartTarget,
  ) {
    super(context, 'ChartTitle');
  }

  protected locate(): ChartTarget {
    return this.owner();
  }

  set text(value: string) {
    this.setProperty('text', value, 'format', (t) => editChart(t, (c) => ({ ...c, title: value })));
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> implements WorksheetApi {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => SheetModel | null,
  ) {
    super(context, 'Worksheet');
  }

  protected locate(): SheetModel | null {
    return this.finder();
  }

  protected override alive(sheet: SheetModel): boolean {
    return !sheet.deleted;
  }

  private get model() {
    return this.context.host.model;
  }

  override scalarNames(): string[] {
    return ['name', 'visibility', 'position', 'id'];
  }

  override readScalar(name: string): unknown {
    const sheet = this.target();
    if (name === 'name') return sheet.name;
    if (name === 'visibility') return sheet.visibility;
    if (name === 'position') return this.model.liveSheets().indexOf(sheet);
    if (name === 'id') return `{sheet-${sheet.key}}`;
    return super.readScalar(name);
  }

  get name(): string {
    return this.read('name');
  }

  set name(value: string) {
    // Excel rewrites every reference to the sheet (formulas, rules, names): model.renameSheet.
    this.setProperty('name', value, 'structure', (sheet) => this.model.renameSheet(sheet, value));
  }

  get visibility(): Visibility {
    return this.read('visibility');
  }

  set visibility(value: Visibility) {
    this.setProperty('visibility', value, 'structure', (sheet) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) throw new FakeOfficeError('InvalidArgument');
      this.model.setVisibility(sheet, value);
    });
  }

  get position(): number {
    return this.read('position');
  }

  set position(value: number) {
    this.setProperty('position', value, 'structure', (sheet) => this.model.moveSheet(sheet, value));
  }

  get id(): string {
    return this.read('id');
  }

  private rangeAt(label: string, args: unknown[], rect: () => Rect): FakeRange {
    this.path(label, args);
    return new FakeRange(this.context, () => ({ sheet: this.target(), rect: rect() }), this);
  }

  getRange(address?: string): FakeRange {
    return this.rangeAt('getRange', [address ?? null], () => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== this.target().name.toLowerCase()) throw new FakeOfficeError('InvalidArgument');
      return parseLocal(local);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.rangeAt('getCell', [row, column], () => ({ r0: row, c0: column, r1: row, c1: column }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.host.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    return this.rangeAt('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument');
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.host.requireApi('1.9', 'Worksheet.getRanges');
    if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'The address has a limit of 8192 characters.');
    this.path('getRanges', [address]);
    return new FakeRangeAreas(this.context, () => ({
      sheet: this.target(),
      rects: address.split(/[,;]/).map((a) => parseLocal(a.trim())),
    }));
  }

  private used(valuesOnly: boolean, orNull: boolean): FakeRange {
    this.path(orNull ? 'getUsedRangeOrNullObject' : 'getUsedRange', [valuesOnly]);
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        if (!rect) return orNull ? null : { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
        return { sheet, rect };
      },
      this,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.context.host.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
    return this.used(valuesOnly === true, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.host.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return this.used(valuesOnly === true, true);
  }

  get tables(): FakeTableCollection {
    return this.child('tables', () => new FakeTableCollection(this.context, () => this.model.liveTables().filter((t) => t.sheet === this.target()), this));
  }

  get protection(): FakeWorksheetProtection {
    this.context.host.requireApi('1.2', 'Worksheet.protection');
    return this.child('protection', () => new FakeWorksheetProtection(this.context, () => this.target()));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return this.child('freezePanes', () => new FakeWorksheetFreezePanes(this.context, () => this.target()));
  }

  get charts(): FakeChartCollection {
    return this.child('charts', () => new FakeChartCollection(this.context, () => this.target()));
  }

  get pageLayout(): FakePageLayout {
    this.context.host.requireApi('1.9', 'Worksheet.pageLayout');
    return this.child('pageLayout', () => new FakePageLayout(this.context, () => this.target()));
  }

  delete(): void {
    this.queue('delete', 'structure', [], () => this.model.deleteSheet(this.target()));
  }

  activate(): void {
    this.queue('activate', 'structure', [], () => this.model.setActive(this.target()));
  }
}

export class FakeWorksheetCollection extends FakeObject<SheetModel[]> implements WorksheetCollectionApi {
  constructor(context: FakeRequestContext) {
    super(context, 'WorksheetCollection');
  }

  protected locate(): SheetModel[] {
    return this.context.host.model.liveSheets();
  }

  override collectionItems(): FakeObject<unknown>[] {
    return this.context.host.model.liveSheets().map((s) => new FakeWorksheet(this.context, () => s));
  }

  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  getItem(key: string): FakeWorksheet {
    this.path('getItem', [key]);
    return new FakeWorksheet(this.context, () => {
      const s = this.context.host.model.findSheet(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', undefined, 'WorksheetCollection.getItem');
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.host.requireApi('1.4', 'WorksheetCollection.getItemOrNullObject');
    this.path('getItemOrNullObject', [key]);
    return new FakeWorksheet(this.context, () => this.context.host.model.findSheet(key) ?? null);
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.queue('add', 'structure', [name ?? null], () => {
      const model = this.context.host.model;
      let sheetName = name;
      if (sheetName === undefined) {
        let n = 1;
        while (model.findSheet(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      created = model.addSheet(sheetName);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', undefined, 'Worksheet');
      return created;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    this.path('getActiveWorksheet', []);
    return new FakeWorksheet(this.context, () => this.context.host.model.activeSheet);
  }

  getCount(): FakeClientResult<number> {
    this.context.host.requireApi('1.4', 'WorksheetCollection.getCount');
    const result = new FakeClientResult<number>();
    this.queue('getCount', 'load', [], () => {
      const n = this.context.host.model.liveSheets().length;
      return { data: n, apply: () => result.deliver(n) };
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Defined names (ExcelApi 1.1 to read; add is 1.4)

export class FakeNamedItem extends FakeObject<NamedItemModel> {
  constructor(
    context: FakeRequestContext,
    private readonly finder: () => NamedItemModel | null,
  ) {
    super(context, 'NamedItem');
  }

  protected locate(): NamedItemModel | null {
    return this.finder();
  }

  protected override alive(item: NamedItemModel): boolean {
    return this.context.host.model.names.includes(item);
  }

  override scalarNames(): string[] {
    return ['name', 'formula', 'type', 'visible'];
  }

  override readScalar(name: string): unknown {
    const item = this.target();
    if (name === 'name') return item.name;
    if (name === 'formula') return item.formula;
    if (name === 'type') return 'Range';
    if (name === 'visible') return true;
    return super.readScalar(name);
  }

  get name(): string {
    return this.read('name');
  }

  get formula(): string {
    return this.read('formula');
  }

  delete(): void {
    this.context.host.requireApi('1.4', 'NamedItem.delete');
    this.queue('delete', 'structure', [], () => this.context.host.model.deleteName(this.target()));
  }
}

export class FakeNamedItemCollection extends FakeObject<NamedItemModel[]> implements NamedItemCollectionApi {
  constructor(context: FakeRequestContext) {
    super(context, 'NamedItemCollection');
  }

  protected locate(): NamedItemModel[] {
    return this.context.host.model.names;
  }

  override collectionItems(): FakeObject<unknown>[] {
    return this.context.host.model.names.map((n) => new FakeNamedItem(this.context, () => n));
  }

  get items(): FakeNamedItem[] {
    return this.read('items');
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.host.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
    this.path('getItemOrNullObject', [name]);
    return new FakeNamedItem(this.context, () => this.context.host.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null);
  }

  add(name: string, reference: string): FakeNamedItem {
    this.context.host.requireApi('1.4', 'NamedItemCollection.add');
    let created: NamedItemModel | null = null;
    this.queue('add', 'structure', [name, reference], () => {
      created = this.context.host.model.addName(name, reference.startsWith('=') ? reference : `=${reference}`);
    });
    return new FakeNamedItem(this.context, () => created);
  }
}

/**
 * A worksheet function's result (Excel.FunctionResult): `value` and `error` must be loaded and
 * synced like any property. DATE(year, month, day) counts in the workbook's date system: "the year
 * argument is interpreted according to the date system your computer is using", years 0–1899 are
 * added to 1900, and a date before the system's first day is #NUM! (DATE function,
 * https://support.microsoft.com/office/date-function-e36c0c8c-4104-49da-ab83-82328b832349).
 */
export class FakeFunctionResult extends FakeObject<{ value: number | null; error: string | null }> {
  constructor(
    context: FakeRequestContext,
    private readonly work: () => { value: number | null; error: string | null },
  ) {
    super(context, 'FunctionResult');
  }

  protected locate(): { value: number | null; error: string | null } {
    return this.work();
  }

  override scalarNames(): string[] {
    return ['value', 'error'];
  }

  override readScalar(name: string): unknown {
    return this.target()[name as 'value' | 'error'];
  }

  get value(): number {
    return this.read('value');
  }

  get error(): string {
    return this.read('error');
  }
}

export class FakeFunctions {
  constructor(private readonly context: FakeRequestContext) {}

  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const y = year < 1900 ? year + 1900 : year;
      const ms = Date.UTC(y, month - 1, day);
      const date1904 = this.context.host.model.date1904;
      // 1900 system: a count from 1899-12-30, one less before 1900-03-01 (Excel's fictional 1900-02-29).
      let serial = (ms - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
      if (!date1904 && ms < Date.UTC(1900, 2, 1)) serial -= 1;
      return serial < (date1904 ? 0 : 1) ? { value: null, error: '#NUM!' } : { value: serial, error: null };
    });
  }
}

export class FakeWorkbook extends FakeObject<null> implements WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;

  private functionsProxy?: FakeFunctions;

  get functions(): FakeFunctions {
    this.context.host.requireApi('1.2', 'Workbook.functions');
    return (this.functionsProxy ??= new FakeFunctions(this.context));
  }

  get protection(): FakeWorkbookProtection {
    this.context.host.requireApi('1.7', 'Workbook.protection');
    return this.child('protection', () => new FakeWorkbookProtection(this.context));
  }

  constructor(context: FakeRequestContext) {
    super(context, 'Workbook');
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => context.host.model.liveTables(), null);
    this.names = new FakeNamedItemCollection(context);
  }

  protected locate(): null {
    return null;
  }

  getSelectedRange(): FakeRange {
    this.path('getSelectedRange', []);
    const model = this.context.host.model;
    const sheetProxy = new FakeWorksheet(this.context, () => model.selection?.sheet ?? null);
    return new FakeRange(
      this.context,
      () => {
        if (!model.selection) throw new FakeOfficeError('InvalidOperation', 'The current selection is invalid for this operation.');
        return model.selection;
      },
      sheetProxy,
    );
  }
}
