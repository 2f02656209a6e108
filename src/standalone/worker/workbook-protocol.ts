/**
 * Messages between the standalone page and its workbook worker. The page's workbook (exceljs and
 * every cell of the opened files) lives in the worker: opening and parsing a 100 MB file, a run's
 * writing and the download's .xlsx all happen there, and the page asks only for what it shows (a
 * sheet's size and the window of rows in view) and for what the pane reads and writes. Each request
 * carries an id; the worker answers with any number of `progress` messages and then exactly one
 * `done` or `failed`. Large messages travel in pieces (taskpane/engine/message-pieces.ts).
 */
import type { CellValue } from '../../engine/types';
import type { DemoLocale } from '../../generator/demo';
import type { CellRect } from '../../workbook/layout/a1';
import type { PortLike } from '../../taskpane/engine/worker-ports';

/** The Workbook members the page forwards to the worker as they are. */
export type WorkbookMethod = 'sheetNames' | 'readValues' | 'writeRun' | 'lastRun' | 'readMemory' | 'saveMemory' | 'clearRun' | 'activateSheet';

/** A file to open, as the browser gave it (a File is cloned as a handle: its bytes are read in the worker). */
export interface FileToOpen {
  file: Blob;
  name: string;
}

export interface OpenedWorkbook {
  /** What the page calls it: the file's name, or the names of several CSV files opened together. */
  fileName: string;
  sheets: string[];
}

/** How far opening has got: bytes read of all the files, and rows parsed so far. */
export interface OpenProgress {
  phase: 'reading' | 'parsing';
  bytes: number;
  totalBytes: number;
  rows: number;
}

/** The size of a sheet as the grid draws it. */
export interface SheetMeta {
  sheet: string;
  rows: number;
  columns: number;
  used: CellRect | null;
}

/** Rows top..top+values.length-1 of a sheet, every column 1..columns, as the grid draws them. */
export interface SheetWindow {
  top: number;
  values: CellValue[][];
  texts: string[][];
  fills: (string | null)[][];
  bolds: boolean[][];
}

export type WorkbookRequest =
  | { id: number; type: 'open'; files: FileToOpen[] }
  | { id: number; type: 'openDemo'; locale: DemoLocale }
  | { id: number; type: 'workbook'; method: WorkbookMethod; args: unknown[] }
  | { id: number; type: 'sheetMeta'; sheet: string }
  | { id: number; type: 'window'; sheet: string; top: number; bottom: number }
  | { id: number; type: 'bytes' }
  /**
   * readValues for the engine (Workbook.holdValues): the cells stay here (kept until the workbook
   * changes); the answer is the block with its first rows only and its size (`held`, holder 0: the
   * page puts in its own number for this worker).
   */
  | { id: number; type: 'hold'; address: string }
  /** Posts the cells of `address` (kept by `hold`, else read now) on `port`, to the engine worker. */
  | { id: number; type: 'serve'; address: string; port: PortLike }
  /** Takes a run's outputs from the engine worker on `port`; a `writeRun` of outputs held under `key` writes them. */
  | { id: number; type: 'accept'; key: number; port: PortLike }
  /** Stops request `target` where it can stop (a run's write rolls back). */
  | { id: number; type: 'abort'; target: number };

/** A failure as plain data; a file problem keeps its message id so the page words it in its language. */
export interface WorkerFailure {
  name: string;
  message: string;
  problem?: { id: string; params: Record<string, string | number> };
}

export type WorkbookResponse =
  | { id: number; type: 'progress'; progress: OpenProgress | { done: number; total: number } }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; error: WorkerFailure };
