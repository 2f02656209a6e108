/**
 * The part of Office.js's Excel API the add-in uses, and nothing more: every member's type is
 * @types/office-js's own (`Excel.Range['values']`, the same parameters), and the checks at the end
 * make the compiler prove that Excel's real objects have each of them. The Office host is written
 * against these interfaces, so the fake Excel of the tests (test/fake-excel) is type-checked
 * against them too (`implements RangeApi`…), instead of being passed in through a cast.
 * A member the add-in starts to use is added here first; tsc then asks both Excel and the fake
 * for it (issue 9).
 */

type LoadSpec = string | string[];

export interface ClientResultApi<T> {
  readonly value: T;
}

export interface RangeFillApi {
  color: Excel.RangeFill['color'];
}

export interface RangeFontApi {
  bold: Excel.RangeFont['bold'];
  color: Excel.RangeFont['color'];
}

export interface RangeBorderApi {
  style: Excel.RangeBorder['style'];
}

export interface RangeBorderCollectionApi {
  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): RangeBorderApi;
}

export interface RangeFormatApi {
  readonly fill: RangeFillApi;
  readonly font: RangeFontApi;
  readonly borders: RangeBorderCollectionApi;
  wrapText: Excel.RangeFormat['wrapText'];
  horizontalAlignment: Excel.RangeFormat['horizontalAlignment'];
  columnWidth: Excel.RangeFormat['columnWidth'];
}

export interface RangeApi {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: Excel.Range['values'];
  numberFormat: Excel.Range['numberFormat'];
  /** ExcelApi 1.12. Null when some cells are in a spill range and some not (documented; @types says boolean). */
  readonly hasSpill: boolean | null;
  readonly format: RangeFormatApi;
  readonly conditionalFormats: ConditionalFormatCollectionApi;
  hyperlink: Excel.Range['hyperlink'];
  load(propertyNames?: LoadSpec): RangeApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasApi;
  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void;
  merge(across?: boolean): void;
  unmerge(): void;
}

export interface RangeAreasApi {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly format: RangeFormatApi;
  load(propertyNames?: LoadSpec): RangeAreasApi;
}

export interface ConditionalRangeFillApi {
  color: Excel.ConditionalRangeFill['color'];
}

export interface CustomConditionalFormatApi {
  readonly rule: { formula: string };
  readonly format: { readonly fill: ConditionalRangeFillApi };
  load(propertyNames?: LoadSpec): CustomConditionalFormatApi;
}

export interface ConditionalFormatApi {
  readonly type: Excel.ConditionalFormat['type'];
  readonly priority: number;
  readonly custom: CustomConditionalFormatApi;
  getRangeOrNullObject(): RangeApi;
  delete(): void;
}

export interface ConditionalFormatCollectionApi {
  readonly items: ConditionalFormatApi[];
  add(type: Excel.ConditionalFormatType | 'Custom'): ConditionalFormatApi;
  load(propertyNames?: LoadSpec): ConditionalFormatCollectionApi;
}

export interface TableApi {
  readonly id: string;
  name: string;
  readonly worksheet: { readonly name: string };
  getRange(): RangeApi;
  delete(): void;
}

export interface TableCollectionApi {
  readonly items: TableApi[];
  getItem(key: string): TableApi;
  add(address: RangeApi | string, hasHeaders: boolean): TableApi;
  load(propertyNames?: LoadSpec): TableCollectionApi;
}

export interface ChartApi {
  readonly title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface ChartCollectionApi {
  readonly items: ChartApi[];
  add(type: 'BarClustered' | 'ColumnClustered', sourceData: RangeApi, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartApi;
  load(propertyNames?: LoadSpec): ChartCollectionApi;
}

export interface HeaderFooterApi {
  centerHeader: string;
  centerFooter: string;
}

export interface PageLayoutApi {
  orientation: Excel.PageLayout['orientation'];
  paperSize: Excel.PageLayout['paperSize'];
  zoom: Excel.PageLayout['zoom'];
  readonly headersFooters: { readonly defaultForAllPages: HeaderFooterApi };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(titleRows: string): void;
}

export interface WorksheetProtectionApi {
  readonly protected: boolean;
  load(propertyNames?: LoadSpec): WorksheetProtectionApi;
}

export interface WorksheetApi {
  readonly id: string;
  name: string;
  visibility: Excel.Worksheet['visibility'];
  readonly tables: TableCollectionApi;
  readonly charts: ChartCollectionApi;
  readonly protection: WorksheetProtectionApi;
  readonly freezePanes: { freezeRows(count?: number): void };
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutApi;
  load(propertyNames?: LoadSpec): WorksheetApi;
  getRange(address?: string): RangeApi;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi;
  /** ExcelApi 1.9. */
  getRanges(address?: string): RangeAreasApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  getItem(key: string): WorksheetApi;
  getActiveWorksheet(): WorksheetApi;
  add(name?: string): WorksheetApi;
  load(propertyNames?: LoadSpec): WorksheetCollectionApi;
}

export interface NamedItemCollectionApi {
  readonly items: { readonly name: string }[];
  load(propertyNames?: LoadSpec): NamedItemCollectionApi;
}

/** Excel.FunctionResult: a worksheet function worked out by Excel (ExcelApi 1.2). */
export interface FunctionResultApi<T> {
  readonly value: T;
  readonly error: string;
  load(propertyNames?: LoadSpec): FunctionResultApi<T>;
}

export interface FunctionsApi {
  date(year: number, month: number, day: number): FunctionResultApi<number>;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  /** ExcelApi 1.2. */
  readonly functions: FunctionsApi;
  readonly tables: TableCollectionApi;
  readonly names: NamedItemCollectionApi;
  readonly protection: WorksheetProtectionApi;
  getSelectedRange(): RangeApi;
}

/** Excel.RequestContext as the add-in uses it. */
export interface ExcelContextApi {
  readonly workbook: WorkbookApi;
  sync(): Promise<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Proof that Excel's own objects have every member above, with these types: each line fails to
// compile if @types/office-js disagrees.

type Assignable<From, To> = From extends To ? true : never;

export const EXCEL_HAS_THE_API: [
  Assignable<Excel.RequestContext, ExcelContextApi>,
  Assignable<Excel.Workbook, WorkbookApi>,
  Assignable<Excel.WorksheetCollection, WorksheetCollectionApi>,
  Assignable<Excel.Worksheet, WorksheetApi>,
  Assignable<Excel.Range, RangeApi>,
  Assignable<Excel.RangeAreas, RangeAreasApi>,
  Assignable<Excel.RangeFormat, RangeFormatApi>,
  Assignable<Excel.ConditionalFormatCollection, ConditionalFormatCollectionApi>,
  Assignable<Excel.ConditionalFormat, ConditionalFormatApi>,
  Assignable<Excel.TableCollection, TableCollectionApi>,
  Assignable<Excel.Table, TableApi>,
  Assignable<Excel.ChartCollection, ChartCollectionApi>,
  Assignable<Excel.PageLayout, PageLayoutApi>,
  Assignable<Excel.WorksheetProtection, WorksheetProtectionApi>,
  Assignable<Excel.WorkbookProtection, WorksheetProtectionApi>,
  Assignable<Excel.Functions, FunctionsApi>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
