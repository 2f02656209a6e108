/**
 * Legacy .xls bytes (Excel 97–2003, BIFF8, as 建行, 浦发, 中信 and many other banks still export) →
 * every sheet's plain values, as read-xlsx.ts gives them for .xlsx: numbers, text, booleans, errors as
 * their text, dates as serial numbers of the 1900 system, formulas as their cached results, and each
 * column's number format. Bytes in, no file system, so the page and the command line share it.
 *
 * Only what a reader of values needs is decoded: the shared strings, the formats and cell styles
 * (to tell a date from a number), the sheet list and the cell records. Older files (Excel 5/95 and
 * before) and password-protected ones are refused with XlsError, in words a user can act on.
 * Record layouts: [MS-XLS] 2.4 (records) and 2.5 (structures).
 */
import type { CellValue } from '../../engine/types';
import { NUMBER_FORMATS } from '../layout/number-formats';
import { CompoundFile, CompoundFileError } from './compound-file';
import { from1904, isDateFormat } from '../date-system';

/** Why a file gives no values: each host says it in its own words (the page in the user's language). */
export type XlsProblem = 'damaged' | 'password' | 'too-old' | 'no-workbook';

/** A file this reader cannot give values for; the message says why and what to do. */
export class XlsError extends Error {
  constructor(
    readonly problem: XlsProblem,
    message: string,
  ) {
    super(message);
    this.name = 'XlsError';
  }
}

export interface XlsSheet {
  name: string;
  hidden: boolean;
  values: CellValue[][];
  /** Each column's number format, as sheet-values.ts ColumnFormats notes it for .xlsx. */
  formats: (string | undefined)[];
}

const RECORD = {
  FORMULA: 0x0006,
  EOF: 0x000a,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  CONTINUE: 0x003c,
  BOUNDSHEET: 0x0085,
  MULRK: 0x00bd,
  RSTRING: 0x00d6,
  XF: 0x00e0,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  RK: 0x027e,
  FORMAT: 0x041e,
  BOF: 0x0809,
} as const;

const BIFF8 = 0x0600;
const ERROR_TEXT: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

/** Built-in number formats a column may show with ([MS-XLS] 2.4.126; ids 27–36 and 50–58 are dates in East Asian versions). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
};
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** One record's bytes with the CONTINUE records that carry on from it, read as one run. */
class RecordReader {
  private part = 0;
  private at = 0;

  constructor(private readonly parts: Uint8Array[]) {}

  private room(): Uint8Array {
    while (this.part < this.parts.length && this.at >= this.parts[this.part].length) {
      this.part++;
      this.at = 0;
    }
    if (this.part >= this.parts.length) throw new XlsError('damaged', 'a record ends before its data does (the file is damaged)');
    return this.parts[this.part];
  }

  u8(): number {
    return this.room()[this.at++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    for (let left = count; left > 0; ) {
      const part = this.room();
      const step = Math.min(left, part.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /** `count` characters, one or two bytes each; a CONTINUE met inside them starts with its own width flag ([MS-XLS] 2.4.58). */
  chars(count: number, twoBytes: boolean): string {
    let text = '';
    let wide = twoBytes;
    for (let left = count; left > 0; ) {
      if (this.part < this.parts.length && this.at >= this.parts[this.part].length && this.part + 1 < this.parts.length) {
        this.part++;
        this.at = 0;
        wide = (this.u8() & 1) === 1;
      }
      const part = this.room();
      const available = wide ? (part.length - this.at) >> 1 : part.length - this.at;
      const take = Math.min(left, available);
      if (take === 0) throw new XlsError('damaged', 'a text ends before its characters do (the file is damaged)');
      const codes = new Array<number>(take);
      for (let i = 0; i < take; i++) {
        codes[i] = wide ? part[this.at] | (part[this.at + 1] << 8) : part[this.at];
        this.at += wide ? 2 : 1;
      }
      text += String.fromCharCode(...codes);
      left -= take;
    }
    return text;
  }

  /** A BIFF8 string: its length (one or two bytes), flags, then rich-text runs and phonetic data skipped. */
  string(lengthBytes: 1 | 2): string {
    const count = lengthBytes === 1 ? this.u8() : this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const phonetic = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + phonetic);
    return text;
  }

  double(): number {
    const bytes = new Uint8Array(8);
    for (let i = 0; i < 8; i++) bytes[i] = this.u8();
    return new DataView(bytes.buffer).getFloat64(0, true);
  }
}

interface XlsRecord {
  type: number;
  offset: number;
  parts: Uint8Array[];
}

/** The stream's records in order, each with its CONTINUE records joined to it. */
function recordsOf(stream: Uint8Array): XlsRecord[] {
  const records: XlsRecord[] = [];
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = stream[at] | (stream[at + 1] << 8);
    const length = stream[at + 2] | (stream[at + 3] << 8);
    const data = stream.subarray(at + 4, at + 4 + length);
    if (type === RECORD.CONTINUE && records.length > 0) records[records.length - 1].parts.push(data);
    else records.push({ type, offset: at, parts: [data] });
    at += 4 + length;
  }
  return records;
}

/** A 30-bit RK number: an integer or the top of a double, perhaps times 100 ([MS-XLS] 2.5.217). */
function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) value = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    value = view.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

interface Globals {
  sheets: { name: string; hidden: boolean; offset: number }[];
  strings: string[];
  /** Per cell style (XF index): its number format's id. */
  styleFormats: number[];
  customFormats: Map<number, string>;
  date1904: boolean;
}

function readGlobals(records: XlsRecord[]): Globals {
  const globals: Globals = { sheets: [], strings: [], styleFormats: [], customFormats: new Map(), date1904: false };
  for (const record of records) {
    const r = new RecordReader(record.parts);
    switch (record.type) {
      case RECORD.FILEPASS:
        throw new XlsError('password', 'the workbook is protected with a password; open it in Excel, remove the password and save as .xlsx');
      case RECORD.DATEMODE:
        globals.date1904 = r.u16() === 1;
        break;
      case RECORD.FORMAT: {
        const id = r.u16();
        globals.customFormats.set(id, r.string(2));
        break;
      }
      case RECORD.XF:
        r.skip(2);
        globals.styleFormats.push(r.u16());
        break;
      case RECORD.BOUNDSHEET: {
        const offset = r.u32();
        const state = r.u8() & 0x03;
        const type = r.u8();
        const name = r.string(1);
        // 0 = worksheet; chart sheets, macro sheets and VB modules hold no table
        if (type === 0) globals.sheets.push({ name, hidden: state !== 0, offset });
        break;
      }
      case RECORD.SST: {
        r.skip(4);
        const unique = r.u32();
        for (let i = 0; i < unique; i++) globals.strings.push(r.string(2));
        break;
      }
      case RECORD.EOF:
        return globals;
    }
  }
  return globals;
}

/** How a style shows a number: as a date (then the format a column of them shows), or with a format. */
interface Shown {
  date: boolean;
  format: string | undefined;
}

function styleReader(globals: Globals): (style: number) => Shown {
  const memo = new Map<number, Shown>();
  return (style) => {
    let shown = memo.get(style);
    if (shown === undefined) {
      const id = globals.styleFormats[style] ?? 0;
      const custom = globals.customFormats.get(id);
      const date = custom !== undefined ? isDateFormat(custom) : BUILT_IN_DATES.has(id);
      const format = custom !== undefined && !/^general$/i.test(custom) ? custom : date ? NUMBER_FORMATS.date : BUILT_IN_FORMATS[id];
      shown = { date, format };
      memo.set(style, shown);
    }
    return shown;
  };
}

function readSheet(records: XlsRecord[], first: number, globals: Globals): { values: CellValue[][]; formats: (string | undefined)[] } {
  const rows: CellValue[][] = [];
  const formats: (string | undefined)[] = [];
  const shownBy = styleReader(globals);
  const put = (row: number, column: number, value: CellValue) => {
    while (rows.length <= row) rows.push([]);
    const cells = rows[row];
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  };
  const putNumber = (row: number, column: number, style: number, value: number) => {
    const shown = shownBy(style);
    if (formats[column] === undefined && shown.format !== undefined) formats[column] = shown.format;
    put(row, column, shown.date && globals.date1904 ? from1904(value) : value);
  };
  // a formula whose result is text: the text follows in a STRING record
  let pendingText: { row: number; column: number } | null = null;

  for (let i = first + 1; i < records.length; i++) {
    const record = records[i];
    if (record.type === RECORD.EOF) break;
    const r = new RecordReader(record.parts);
    switch (record.type) {
      case RECORD.LABELSST: {
        const row = r.u16();
        const column = r.u16();
        r.skip(2);
        const index = r.u32();
        const text = globals.strings[index];
        if (text === undefined) throw new XlsError('damaged', `sheet cell ${row + 1}:${column + 1} names shared text ${index}, which the file does not have (the file is damaged)`);
        put(row, column, text);
        break;
      }
      case RECORD.LABEL:
      case RECORD.RSTRING: {
        const row = r.u16();
        const column = r.u16();
        r.skip(2);
        put(row, column, r.string(2));
        break;
      }
      case RECORD.NUMBER: {
        const row = r.u16();
        const column = r.u16();
        const style = r.u16();
        putNumber(row, column, style, r.double());
        break;
      }
      case RECORD.RK: {
        const row = r.u16();
        const column = r.u16();
        const style = r.u16();
        putNumber(row, column, style, rkValue(r.u32()));
        break;
      }
      case RECORD.MULRK: {
        const row = r.u16();
        const firstColumn = r.u16();
        const count = (record.parts[0].length - 6) / 6;
        for (let k = 0; k < count; k++) {
          const style = r.u16();
          putNumber(row, firstColumn + k, style, rkValue(r.u32()));
        }
        break;
      }
      case RECORD.BOOLERR: {
        const row = r.u16();
        const column = r.u16();
        r.skip(2);
        const value = r.u8();
        put(row, column, r.u8() === 1 ? ERROR_TEXT[value] ?? '#N/A' : value === 1);
        break;
      }
      case RECORD.FORMULA: {
        const row = r.u16();
        const column = r.u16();
        const style = r.u16();
        const result = new Uint8Array(8);
        for (let k = 0; k < 8; k++) result[k] = r.u8();
        if (result[6] === 0xff && result[7] === 0xff) {
          // not a number: 0 text (in the STRING record next), 1 boolean, 2 error, 3 empty text
          if (result[0] === 0) pendingText = { row, column };
          else if (result[0] === 1) put(row, column, result[2] === 1);
          else if (result[0] === 2) put(row, column, ERROR_TEXT[result[2]] ?? '#N/A');
          else put(row, column, '');
        } else {
          putNumber(row, column, style, new DataView(result.buffer).getFloat64(0, true));
        }
        break;
      }
      case RECORD.STRING:
        if (pendingText) put(pendingText.row, pendingText.column, r.string(2));
        pendingText = null;
        break;
    }
  }
  // every row as long as its last cell, gaps as null (as read-xlsx gives them)
  for (const cells of rows) for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  return { values: rows, formats };
}

/** Every worksheet of an .xls workbook, in the file's order (hidden ones marked, as read-xlsx does). */
export function readXls(bytes: Uint8Array): XlsSheet[] {
  let stream: Uint8Array | null;
  try {
    const file = new CompoundFile(bytes);
    stream = file.stream('Workbook');
    if (!stream && file.stream('Book')) throw new XlsError('too-old', 'an Excel 5.0/95 workbook, older than this reader knows; open it in Excel and save as .xlsx');
  } catch (error) {
    if (error instanceof CompoundFileError) throw new XlsError('damaged', `the file is damaged (${error.message}); open it in Excel and save as .xlsx`);
    throw error;
  }
  if (!stream) throw new XlsError('no-workbook', 'an OLE2 file with no workbook inside (perhaps a Word document); export the statement again as .xlsx or CSV');
  const records = recordsOf(stream);
  const bof = records[0];
  if (!bof || bof.type !== RECORD.BOF || new RecordReader(bof.parts).u16() !== BIFF8) {
    throw new XlsError('too-old', 'an Excel workbook older than Excel 97; open it in Excel and save as .xlsx');
  }
  const globals = readGlobals(records);
  const byOffset = new Map(records.map((record, index) => [record.offset, index]));
  return globals.sheets.map((sheet) => {
    const first = byOffset.get(sheet.offset);
    if (first === undefined || records[first].type !== RECORD.BOF) throw new XlsError('damaged', `sheet ${sheet.name} cannot be found in the file (the file is damaged)`);
    return { name: sheet.name, hidden: sheet.hidden, ...readSheet(records, first, globals) };
  });
}
