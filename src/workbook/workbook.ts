/**
 * The one workbook interface the task pane and the command line use. Hosts are thin adapters over it:
 *   office/  Excel through Office.js (batched, chunked, few syncs)
 *   file/    .xlsx/.csv files (command line, standalone page)
 *   memory/  plain arrays (tests)
 * Nothing here knows how matching works; the engine never sees a Workbook.
 */
import type { CellValue } from '../engine/types';
import type { WorkbookMemory } from './layout/recon-state';
import type { SignOffStatus } from './layout/sign-off';

/** A rectangle of values read from a sheet, with its position so rows keep their sheet numbers. */
export interface CellBlock {
  sheet: string;
  /** 1-based sheet row of values[0]. */
  top: number;
  /** 1-based sheet column of values[x][0]. */
  left: number;
  values: CellValue[][];
  /** A1 address of the block, with the sheet: `'Bank export'!A1:H812`. */
  address: string;
  /**
   * Set when the host keeps the cells where they are (the standalone page's workbook worker, see
   * `Workbook.holdValues`): `values` is then only the first HELD_HEAD_ROWS rows, the block's size is
   * here, and the engine gets the cells from the holder directly. Read the size with blockHeight /
   * blockWidth (layout/widest-row.ts), never from `values`.
   */
  held?: HeldCells;
}

/** Cells a host keeps in a worker of its own; the page has only this and the first rows. */
export interface HeldCells {
  /** Which holder has them (the page's registry of workbook workers, standalone/worker/worker-link.ts). */
  holder: number;
  rows: number;
  /** Columns of the widest row. */
  width: number;
}

/** Rows a held block carries on the page (the pane shows the header row from them). */
export const HELD_HEAD_ROWS = 50;

/** How a cell value is shown; hosts map these to number formats. */
export type CellFormat = 'text' | 'amount' | 'date' | 'integer' | 'percent' | 'general';

/** Fill colours an output uses, by meaning (hosts/themes decide the exact colour, see outputs/colours.ts). */
export type Highlight = 'auto' | 'suggested' | 'unmatched' | 'skipped' | 'header' | 'total' | 'note';

/** A rectangle inside a sheet spec, 0-based and relative to the spec's first cell. */
export interface GridArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface AreaStyle {
  area: GridArea;
  bold?: boolean;
  fill?: Highlight;
  format?: CellFormat;
  /** Merge the area into one cell (titles). */
  merge?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: 'top' | 'bottom' | 'box';
  /** Red text: a figure that must catch the eye (an unexplained difference). */
  alert?: boolean;
}

/** A cell that links to a place in the workbook (a source row); the cell's own value is the link text. */
export interface CellLink {
  /** 0-based, relative to the spec's first cell. */
  row: number;
  column: number;
  /** Where it goes, with the sheet: `'Bank export'!A12:H12`. */
  target: string;
}

/**
 * A native chart over an area of the sheet (a chart object, not a picture). The data area's first
 * row names the series, its first column holds the categories; one series per further column.
 */
export interface ChartSpec {
  type: 'column' | 'bar';
  title: string;
  data: GridArea;
  /** The cells the chart covers. */
  anchor: GridArea;
}

/**
 * One output sheet as plain data. Strings are always written as text: a value starting with
 * `=`, `+`, `-` or `@` never becomes a formula. Amounts arrive as numbers already rounded from
 * decimal.js (two decimals), or as strings where the layout wants text.
 */
export interface SheetSpec {
  /** Stable key of what this sheet is ('matches', 'discrepancies', 'statement:<customer>'). */
  key: string;
  /** Sheet tab name, in the output language, at most 31 characters, unique in the workbook. */
  name: string;
  /** The grid, starting at A1. */
  values: CellValue[][];
  /** Column formats for whole columns of the grid (index → format); cheap per-range formatting. */
  columnFormats?: CellFormat[];
  columnWidths?: number[];
  styles?: AreaStyle[];
  /** An Excel table over an area (its first row is the header), so users can filter and sort. */
  table?: { name: string; area: GridArea };
  /** Rows to freeze at the top. */
  freezeRows?: number;
  /** How the sheet prints (statements and the reconciliation statement are handed out on paper). */
  page?: PageSetup;
  /** Cells that link to their source rows. */
  links?: CellLink[];
  /** Native charts drawn from areas of this sheet. */
  charts?: ChartSpec[];
}

/**
 * Print setup of an output sheet, as plain data; each host maps it to its own page layout
 * (Office.js `pageLayout`, ExcelApi 1.9 behind a runtime check; the .xlsx file's pageSetup and
 * headerFooter; the memory workbook keeps it for tests).
 */
export interface PageSetup {
  orientation?: 'portrait' | 'landscape';
  paper?: 'A4';
  /** Fit to this many pages wide; the height is left free. */
  fitToPagesWide?: number;
  /** What prints; default the whole grid. */
  printArea?: GridArea;
  /** 0-based grid rows repeated at the top of every printed page (column headers). */
  repeatRows?: { first: number; last: number };
  /** Centre page header text, such as the company name and the period. */
  headerCenter?: string;
  /** Footer "page x of y" in the output language (the text is the layout's, e.g. `第 &P 页，共 &N 页`). */
  footerCenter?: string;
}

/** What a run writes beside one of the user's own ranges. */
export interface SourceAnnotation {
  /** The user's range as they chose it, `'Sheet'!A1:H200`. */
  rangeAddress: string;
  sheet: string;
  /** 1-based sheet rows the annotation covers (the header row to the last data row). */
  firstRow: number;
  lastRow: number;
  /** 1-based sheet column where the status column goes (first empty column right of the range). */
  statusColumn: number;
  /** Header text of the status column, in the output language. */
  statusHeader: string;
  /** One label per row from firstRow+1 to lastRow ('' for rows with nothing to say). */
  labels: string[];
  /** One highlight per row from firstRow+1 to lastRow (null: leave as it is). */
  highlights: (Highlight | null)[];
  /**
   * The same highlights as conditional-format rules keyed on the status column's label, so hosts
   * colour the user's rows without touching their own fills (Clear removes the rules, nothing else).
   * Every label whose row has a highlight matches exactly one rule; '' and unhighlighted labels none.
   */
  highlightRules?: HighlightRule[];
}

/** A test on a status label: `equals` 未匹配, `startsWith` 跳过: , `endsWith` ` 已匹配`. */
export interface HighlightRule {
  highlight: Highlight;
  test: 'equals' | 'startsWith' | 'endsWith';
  text: string;
}

/** Everything one run writes, all-or-nothing. */
export interface RunOutputs {
  sheets: SheetSpec[];
  annotations: SourceAnnotation[];
  /** Stored in the workbook itself so a teammate (and Clear results) can see what this run did. */
  runRecord: RunRecord;
  /** What people decided and set, stored with the record (layout/recon-state); absent: nothing yet. */
  memory?: WorkbookMemory;
  /** What became of the reviewer's sign-off in this run (for the pane to say; hosts do not write it). */
  signOff?: SignOffStatus;
  /**
   * Set when the engine sent the outputs straight to the holder of the run's cells (the standalone
   * page's workbook worker): `sheets` and `annotations` are then empty here, and the host writes the
   * ones it was sent under `key`.
   */
  held?: HeldOutputs;
}

export interface HeldOutputs {
  holder: number;
  key: number;
}

export interface RunRecord {
  version: 1;
  /** ISO timestamp of the run. */
  ranAt: string;
  ledgerRange: string;
  bankRange: string;
  /** Sheet names this run created (Clear removes exactly these). */
  sheets: string[];
  /** Status columns written beside the user's ranges: sheet, column, rows. */
  statusColumns: { sheet: string; column: number; firstRow: number; lastRow: number }[];
  /** Areas (`'Bank'!A6:I90`) the highlight rules were put on, so Clear removes exactly those rules. */
  highlightAreas?: string[];
  /** Options used, as strings, so a re-run can reproduce it. */
  options: Record<string, string>;
}

export type WriteProgress = (done: number, total: number) => void;

export interface Workbook {
  /** Sheet names in tab order (hidden Recon state excluded). */
  sheetNames(): Promise<string[]>;
  /** The address the user has selected, e.g. `'Bank'!A3:H90` (hosts with no selection throw). */
  selectedAddress(): Promise<string>;
  /**
   * The values of an address. A bare sheet name means its used range; a single cell inside an
   * Excel table means the table. Large ranges are read in chunks under the host's request limit.
   */
  readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock>;
  /**
   * As readValues, for cells the pane hands to the engine and does not look into itself (the sides
   * of a run): a host whose cells live in a worker keeps them there and returns a block with `held`
   * set (and only its first rows). Absent: the pane calls readValues.
   */
  holdValues?(address: string, onProgress?: WriteProgress): Promise<CellBlock>;
  /**
   * Writes a run's outputs. It first removes what the previous run wrote (only that), and writes
   * all-or-nothing: if any step fails or `signal` aborts, the workbook is left as it was before.
   */
  writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void>;
  /**
   * The record of the last run stored in the workbook, or null. Throws a StateError
   * (layout/recon-state) for a state this version must not read (newer, damaged).
   */
  lastRun(): Promise<RunRecord | null>;
  /**
   * What people decided and set, as stored in the workbook (empty when nothing is); throws as lastRun.
   * `'settings'`: the caller reads only the settings, the sign-off and the user's name, and a host may
   * leave the rest empty (the standalone page's worker does: a 100k run's groups and row prints are
   * hundreds of thousands of records the page would clone for nothing).
   */
  readMemory(parts?: 'settings'): Promise<WorkbookMemory>;
  /** Stores `memory` without touching anything else (a sign-off, a name); throws as lastRun. */
  saveMemory(memory: WorkbookMemory): Promise<void>;
  /** Removes everything the last run wrote, leaving the user's own cells and formats exactly as before. */
  clearRun(): Promise<void>;
  /** Makes a sheet the active one (the pane's "go to Matches" link). */
  activateSheet(name: string): Promise<void>;
}
