/**
 * A table from a file on disk, for the command line: `bank.csv`, `book.xlsx` or `book.xls` (first
 * sheet), `book.xlsx#Sheet name`, a web page saved as .xls (read-html-table.ts), or an OFX/QFX/QBO
 * statement (`statement.ofx#account` when it holds several). Files that cannot be read throw UnusableInputError with one clear line that says what to
 * do. The only module of src/workbook/file/ that touches the file system.
 */
import { closeSync, openSync, promises as fs, readSync } from 'fs';
import * as path from 'path';
import type { CellValue, TableStream } from '../../engine/types';
import { RestartReading } from '../../engine/read/read-side';
import { chooseSheet } from './choose-sheet';
import { memoryProblem, type InputKind } from './memory-budget';
import { readXls, XlsError, type XlsSheet } from './read-xls';
import { looksLikeOfx, OfxError, readOfx, type OfxSheet } from './read-ofx';
import { looksLikeHtml, readHtmlTable, type HtmlSheet } from './read-html-table';
import { CsvStreamReader, firstNonAscii, legacySampleWindow, NotUtf8Error, notUtf8Encoding, type CsvEncoding } from './read-csv';

/** A file the tool cannot use; the message is one line meant for the user. */
export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

export interface LoadedTable {
  /** The file name, without folders. */
  sourceName: string;
  /** The sheet read; for a CSV file, its name without the extension. */
  sheet: string;
  /** Every row; or, with `stream`, the first rows. */
  cells: CellValue[][];
  /** A CSV read with `streamAfter`, longer than that: the rest of its rows, read as the engine reads them. */
  stream?: TableStream;
  /** CSV only: how its bytes were decoded. */
  encoding?: CsvEncoding;
  /** .xlsx only: each column's number format, for a copy of the sheet that shows what the file showed. */
  formats?: (string | undefined)[];
}

const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);
const CSV_EXTENSIONS = new Set(['.csv', '.tsv']);
const OFX_EXTENSIONS = new Set(['.ofx', '.qfx', '.qbo']);

/** `book.xlsx#Sheet 1` → file and sheet; a `#` elsewhere is part of the file name. */
function splitSpec(spec: string): { file: string; sheet?: string } {
  const match = /^(.*\.(?:xls[xm]?|ofx|qfx|qbo))#(.*)$/i.exec(spec);
  return match ? { file: match[1], sheet: match[2] } : { file: spec };
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls (BIFF8), also old .doc. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The start of a file as text, for sniffing HTML and OFX. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
}

function hasContent(cells: readonly CellValue[][]): boolean {
  return cells.some((row) => row.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')));
}

/** A workbook's chosen sheet as the table, or the one line that says why there is none (.xlsx and .xls alike). */
function sheetTable(
  sourceName: string,
  sheets: readonly { name: string }[],
  chosen: { name: string; values: CellValue[][]; formats: (string | undefined)[] } | null,
  wantedSheet: string | undefined,
): LoadedTable {
  if (sheets.length === 0) throw new UnusableInputError(`${sourceName}: the workbook has no sheets`);
  if (!chosen) throw new UnusableInputError(`${sourceName}: no sheet named "${wantedSheet}"; sheets: ${sheets.map((s) => s.name).join(', ')}`);
  if (!hasContent(chosen.values)) throw new UnusableInputError(`${sourceName}#${chosen.name}: the sheet is empty`);
  return { sourceName, sheet: chosen.name, cells: chosen.values, formats: chosen.formats };
}

/**
 * Refuses, before reading, inputs too large for this process's memory (one line naming the limit).
 * Files that cannot be looked at are left to loadTable, which says why.
 */
export async function checkInputsFitMemory(specs: string[]): Promise<void> {
  const inputs = [];
  for (const spec of specs) {
    const { file } = splitSpec(spec);
    // a workbook (.xls too) is held whole while it is read; a CSV is streamed (an OFX file, read whole, is small)
    const extension = path.extname(file).toLowerCase();
    const kind: InputKind = XLSX_EXTENSIONS.has(extension) || extension === '.xls' ? 'xlsx' : 'csv';
    try {
      inputs.push({ name: path.basename(file), kind, bytes: (await fs.stat(file)).size });
    } catch {
      // missing or unreadable: loadTable gives the message
    }
  }
  const problem = memoryProblem(inputs);
  if (problem) throw new UnusableInputError(problem);
}

/** Bytes read from disk at a time: a CSV is parsed as it is read, never held whole (and in small pieces: read-csv.ts CHUNK_BYTES). */
const READ_CHUNK_BYTES = 1 << 16;

export interface LoadOptions {
  /**
   * A caller that needs the cells only to read them (no copy into an output workbook): a CSV file longer
   * than this many rows comes back as its first rows and a TableStream (the engine's PLAN_HEAD_ROWS).
   */
  streamAfter?: number;
}

export async function loadTable(pathOrSpec: string, options: LoadOptions = {}): Promise<LoadedTable> {
  const { file, sheet: wantedSheet } = splitSpec(pathOrSpec);
  const sourceName = path.basename(file);
  const extension = path.extname(file).toLowerCase();
  const cannotRead = (error: unknown): UnusableInputError => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new UnusableInputError(`${sourceName}: no such file (${file})`);
    if (code === 'EISDIR') return new UnusableInputError(`${sourceName}: is a folder, not a CSV, .xlsx, .xls or OFX file`);
    return new UnusableInputError(`${sourceName}: cannot be read (${(error as Error).message})`);
  };
  // The first bytes say what the file really is; only an .xlsx is then read whole (exceljs needs it).
  let bytes: Uint8Array;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const first = new Uint8Array(512);
      const { bytesRead } = await handle.read(first, 0, first.length, 0);
      bytes = first.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw cannotRead(error);
  }
  if (bytes.length === 0) throw new UnusableInputError(`${sourceName}: the file is empty`);

  if (startsWith(bytes, OLE_SIGNATURE)) {
    let sheets: XlsSheet[];
    try {
      sheets = readXls(new Uint8Array(await fs.readFile(file)));
    } catch (error) {
      throw error instanceof XlsError ? new UnusableInputError(`${sourceName}: ${error.message}`) : cannotRead(error);
    }
    return sheetTable(sourceName, sheets, chooseSheet(sheets, wantedSheet), wantedSheet);
  }
  if (OFX_EXTENSIONS.has(extension) || looksLikeOfx(head(bytes))) {
    let sheets: OfxSheet[];
    try {
      sheets = readOfx(new Uint8Array(await fs.readFile(file)));
    } catch (error) {
      throw error instanceof OfxError ? new UnusableInputError(`${sourceName}: ${error.message}`) : cannotRead(error);
    }
    const chosen = chooseSheet(sheets.map((s) => ({ ...s, hidden: false })), wantedSheet);
    if (!chosen) throw new UnusableInputError(`${sourceName}: no statement of account "${wantedSheet}"; accounts: ${sheets.map((s) => s.name).join(', ')}`);
    return { sourceName, sheet: chosen.name, cells: chosen.values };
  }
  const zipped = startsWith(bytes, ZIP_SIGNATURE);
  if (extension === '.xls' && !zipped) {
    if (!looksLikeHtml(head(bytes))) throw new UnusableInputError(`${sourceName}: not a real Excel workbook; open it in Excel and save as .xlsx`);
    // a web page saved with an .xls name (many banks' "Excel" download): its tables, as Excel shows them
    let page: HtmlSheet | null;
    try {
      page = readHtmlTable(new Uint8Array(await fs.readFile(file)), path.basename(file, path.extname(file)));
    } catch (error) {
      throw cannotRead(error);
    }
    if (!page) throw new UnusableInputError(`${sourceName}: a web page (HTML) saved with an .xls name, with no table in it; export the statement again as .xlsx or CSV`);
    if (!hasContent(page.values)) throw new UnusableInputError(`${sourceName}: the page's tables are empty`);
    return { sourceName, sheet: page.name, cells: page.values };
  }

  // an .xlsx saved with an .xls name opens as what it is
  if (XLSX_EXTENSIONS.has(extension) || extension === '.xls') {
    if (!zipped) throw new UnusableInputError(`${sourceName}: not a valid .xlsx workbook (the file is damaged or has the wrong extension)`);
    let read;
    try {
      read = await readXlsxFile(file, sourceName, wantedSheet);
    } catch (error) {
      throw error instanceof UnusableInputError ? error : cannotRead(error);
    }
    return sheetTable(sourceName, read.sheets, read.chosen, wantedSheet);
  }

  if (CSV_EXTENSIONS.has(extension)) {
    if (zipped) throw new UnusableInputError(`${sourceName}: is a zipped file (perhaps an .xlsx workbook renamed to .csv); give it its real extension`);
    let table: { values: CellValue[][]; encoding: CsvEncoding; stream?: TableStream };
    try {
      table = options.streamAfter !== undefined ? streamCsvFile(file, options.streamAfter) : readCsvFile(file);
    } catch (error) {
      throw cannotRead(error);
    }
    // (a streamed file's first rows all blank: the whole file says whether it is empty)
    if (!hasContent(table.values) && table.stream) table = { values: table.stream.whole(), encoding: table.encoding };
    if (!hasContent(table.values)) throw new UnusableInputError(`${sourceName}: the file is empty`);
    const loaded: LoadedTable = { sourceName, sheet: path.basename(file, path.extname(file)), cells: table.values, encoding: table.encoding };
    if (table.stream) loaded.stream = table.stream;
    return loaded;
  }

  throw new UnusableInputError(`${sourceName}: not a CSV, .xlsx, .xls or OFX file`);
}

/**
 * A CSV file's rows, parsed as its bytes are read a chunk at a time. Synchronous: a streamed table's
 * rows are pulled by the engine while it reads them.
 */
class CsvFileRows {
  private readonly reader: CsvStreamReader;
  private fd: number | null;
  private readonly buffer = new Uint8Array(READ_CHUNK_BYTES);

  constructor(file: string, encoding?: CsvEncoding) {
    this.reader = new CsvStreamReader({ encoding });
    this.fd = openSync(file, 'r');
  }

  get encoding(): CsvEncoding {
    return this.reader.encodingInUse;
  }

  /** The next rows parsed (the last ones once the file is read to its end), then null; throws NotUtf8Error as CsvStreamReader does. */
  next(): string[][] | null {
    if (this.fd === null) return null;
    try {
      for (;;) {
        // the decoder copies what it is given, so one buffer serves every chunk
        const bytesRead = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
        if (bytesRead === 0) {
          this.close();
          return this.reader.end().values;
        }
        this.reader.push(this.buffer.subarray(0, bytesRead));
        const rows = this.reader.takeRows();
        if (rows.length > 0) return rows;
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The bytes of a file that tell its encoding when it is not UTF-8: from just before its first non-ASCII byte on. */
function legacySample(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const chunk = new Uint8Array(READ_CHUNK_BYTES);
    let at = 0;
    let first = -1;
    for (let read = 0; first < 0 && (read = readSync(fd, chunk, 0, chunk.length, at)) > 0; at += read) {
      const found = firstNonAscii(chunk.subarray(0, read));
      if (found >= 0) first = at + found;
    }
    const { start, end } = legacySampleWindow(first < 0 ? 0 : first);
    const sample = new Uint8Array(end - start);
    return sample.subarray(0, readSync(fd, sample, 0, sample.length, start));
  } finally {
    closeSync(fd);
  }
}

/**
 * A CSV file's first rows: at least `headRows` of them, or all when it has no more (`ended`). UTF-8
 * that turns out not to be is read again from the first byte, in the encoding its start shows
 * (GB18030, Big5 or Windows-1252: read-csv.ts notUtf8Encoding).
 */
function readCsvHead(file: string, headRows: number): { rows: CsvFileRows; head: string[][]; ended: boolean } {
  const open = (encoding?: CsvEncoding) => {
    const rows = new CsvFileRows(file, encoding);
    const head: string[][] = [];
    let part: string[][] | null = [];
    while (head.length <= headRows && (part = rows.next()) !== null) for (const row of part) head.push(row);
    return { rows, head, ended: part === null };
  };
  try {
    return open();
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    return open(notUtf8Encoding(legacySample(file)));
  }
}

/** A whole CSV file. */
function readCsvFile(file: string): { values: string[][]; encoding: CsvEncoding } {
  const { rows, head } = readCsvHead(file, Infinity);
  return { values: head, encoding: rows.encoding };
}

/**
 * A CSV file read only as far as its first `headRows` rows; the rest streamed to the engine when
 * there are more (TableStream), so its rows are let go as they are read. Encoding as readCsvHead:
 * bytes past the first rows that are not UTF-8 make the engine read the file again from the start.
 */
function streamCsvFile(file: string, headRows: number): { values: CellValue[][]; encoding: CsvEncoding; stream?: TableStream } {
  const { rows, head, ended } = readCsvHead(file, headRows);
  if (ended) return { values: head, encoding: rows.encoding };
  const stream: TableStream = {
    *rest() {
      try {
        for (let part = rows.next(); part !== null; part = rows.next()) yield* part;
      } catch (error) {
        if (error instanceof NotUtf8Error) throw new RestartReading('the file is not UTF-8 past its first rows');
        throw error;
      } finally {
        rows.close();
      }
    },
    whole() {
      rows.close();
      return readCsvFile(file).values;
    },
  };
  return { values: head, encoding: rows.encoding, stream };
}

/**
 * The sheets of an .xlsx file and the one to read: streamed (read-xlsx-file.ts), or the whole workbook
 * loaded when the file is no workbook the stream can open, for that reader's verdict; the sheet is the
 * one chooseSheet picks.
 */
async function readXlsxFile(
  file: string,
  sourceName: string,
  wantedSheet: string | undefined,
): Promise<{ sheets: { name: string; hidden: boolean }[]; chosen: { name: string; values: CellValue[][]; formats: (string | undefined)[] } | null }> {
  const unopenable = (error: unknown) => new UnusableInputError(`${sourceName}: could not be opened as an .xlsx workbook (${(error as Error).message})`);
  // exceljs loads only for an .xlsx file: it takes longer to load than a CSV takes to read
  const { streamXlsxSheet } = await import('./read-xlsx-file');
  let noWorkbookInside = false;
  try {
    const streamed = await streamXlsxSheet(file, wantedSheet);
    if (streamed) return streamed;
    noWorkbookInside = true; // a zip, but with no workbook part (or a sheet part missing)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error; // the file system's: loadTable says why
    // a damaged or unusual file: the whole-workbook reader gives the verdict below
  }
  const bytes = await fs.readFile(file);
  let sheets;
  try {
    const { readXlsx } = await import('./read-xlsx');
    sheets = (await readXlsx(bytes)).sheets;
  } catch (error) {
    throw unopenable(error);
  }
  // exceljs makes an empty workbook of any zip; a real workbook has at least one sheet
  if (noWorkbookInside && sheets.length === 0) throw unopenable(new Error('it holds no workbook: another kind of file named .xlsx?'));
  const chosen = chooseSheet(sheets, wantedSheet);
  return { sheets: sheets.map(({ name, hidden }) => ({ name, hidden })), chosen };
}
