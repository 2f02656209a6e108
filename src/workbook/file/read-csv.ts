/**
 * CSV bytes → rows of raw strings. Works on bytes (Uint8Array/ArrayBuffer) with no file system, so the
 * command line and a browser page share it. Cells stay exactly as written (padding, TABs, `¥`); the
 * engine's reader cleans them.
 *
 * Encoding: a BOM decides; else valid UTF-8 is UTF-8; else GB18030 (a superset of GBK/GB2312, which
 * Chinese banks, Alipay and Excel on Simplified Chinese Windows write), Big5 (Taiwanese and Hong Kong
 * banks) or Windows-1252 (Western banks), told apart by the text each gives (legacy-encoding.ts).
 */
import Papa from 'papaparse';
import { legacyEncoding, type LegacyEncoding } from './legacy-encoding';

export type CsvEncoding = 'utf-8' | LegacyEncoding | 'utf-16le' | 'utf-16be';

/** Bytes that decide the encoding of a file that is not UTF-8, from just before its first non-ASCII byte. */
export const LEGACY_SAMPLE_BYTES = 256 * 1024;
/** ASCII bytes kept before the first non-ASCII one (the line it is on). */
const SAMPLE_LEAD = 1024;

/** The offset of the first byte that is not ASCII, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * The encoding of bytes that are not UTF-8 (GB18030, Big5 or Windows-1252), told from
 * LEGACY_SAMPLE_BYTES starting just before their first non-ASCII byte: a file whose first
 * megabytes are ASCII has its evidence further on. `bytes` may be a window of a file that starts
 * anywhere before that byte.
 */
export function notUtf8Encoding(bytes: Uint8Array): CsvEncoding {
  const from = Math.max(0, firstNonAscii(bytes) - SAMPLE_LEAD);
  return legacyEncoding(bytes.subarray(from, from + LEGACY_SAMPLE_BYTES)).encoding;
}

/** The window of a file notUtf8Encoding needs, given where its first non-ASCII byte is (-1: none). */
export function legacySampleWindow(firstNonAsciiAt: number): { start: number; end: number } {
  const start = Math.max(0, firstNonAsciiAt - SAMPLE_LEAD);
  return { start, end: start + SAMPLE_LEAD + LEGACY_SAMPLE_BYTES };
}

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvTable {
  values: string[][];
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** UTF-16 without a BOM: every other byte of ASCII text is zero. */
function looksUtf16(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
  return null;
}

export function decodeText(input: Uint8Array | ArrayBuffer): { text: string; encoding: CsvEncoding } {
  const bytes = toBytes(input);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = looksUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const encoding = notUtf8Encoding(bytes);
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

const DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';'];
/** Lines looked at to pick the delimiter (title lines first, then the table). */
const SAMPLE_LINES = 200;

/**
 * The delimiter that splits the most lines into the same number (> 1) of fields. Quotes are honoured,
 * so TABs inside quoted cells (ICBC) or commas inside quoted descriptions do not count. Ties: comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let end = 0;
  for (let lines = 0; lines < SAMPLE_LINES && end >= 0 && end < text.length; lines++) {
    end = text.indexOf('\n', end + 1);
  }
  const sample = end < 0 ? text : text.slice(0, end);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: true }).data;
    const counts = new Map<number, number>();
    for (const row of rows) if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let score = 0;
    for (const [fields, lines] of counts) score = Math.max(score, lines * Math.log2(fields));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Text gathered before the first rows are parsed: enough to guess line endings (Papa looks at 1 MB) and the delimiter. */
const SNIFF_CHARS = 1 << 20;
/**
 * Text parsed at a time (and bytes handed to the decoder at a time when the whole file is already in
 * memory). Small, so that the rows of one piece are read and let go before the collector has copied
 * them twice into the old generation: with 1 MB pieces reading a million-row file took 1.5 s longer.
 */
const CHUNK_BYTES = 1 << 16;

/** UTF-8 turned out not to be UTF-8 part-way: the caller starts again from the first byte in notUtf8Encoding's encoding. */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8');
    this.name = 'NotUtf8Error';
  }
}

/**
 * CSV parsed as its bytes arrive, so a large file is never held whole: bytes are decoded a chunk at a
 * time, complete rows are split off by papaparse's own parser (the rest of a row waits for the next
 * chunk) and only the rows stay. Cells are exactly what a one-shot `Papa.parse` of the whole text
 * gives. `push` every chunk in order, then `end`. For UTF-8 that turns out invalid later in the file
 * `push` throws NotUtf8Error: start a new reader with `{ encoding: notUtf8Encoding(first bytes) }` from the first byte.
 */
export class CsvStreamReader {
  private decoder: TextDecoder | null = null;
  private encoding: CsvEncoding | null;
  private pending = '';
  private parser: Papa.Parser | null = null;
  private delimiter: CsvDelimiter = ',';
  private newline: '\n' | '\r\n' | '\r' = '\n';
  private endsWithNewline = false;
  private readonly sniffChars: number;
  private readonly parseChars: number;
  private values: string[][] = [];
  /** Rows handed out by takeRows. */
  private taken = 0;

  /** `sniffChars`/`parseChars` (tests): text gathered before guessing the layout, and before each parse. */
  constructor(options: { encoding?: CsvEncoding; sniffChars?: number; parseChars?: number } = {}) {
    this.encoding = options.encoding ?? null;
    this.sniffChars = options.sniffChars ?? SNIFF_CHARS;
    this.parseChars = options.parseChars ?? CHUNK_BYTES;
  }

  /** The delimiter and line ending chosen (once the first text has been seen). */
  get layout(): { delimiter: CsvDelimiter; newline: '\n' | '\r\n' | '\r' } {
    return { delimiter: this.delimiter, newline: this.newline };
  }

  /** Rows so far (for progress and memory checks). */
  get rowCount(): number {
    return this.taken + this.values.length;
  }

  /** The encoding the bytes are decoded in (known once the first bytes are pushed). */
  get encodingInUse(): CsvEncoding {
    return this.encoding ?? 'utf-8';
  }

  /** The rows parsed since the last call, handed over: the reader keeps no hold on them (`end` returns only later rows). */
  takeRows(): string[][] {
    const rows = this.values;
    this.values = [];
    this.taken += rows.length;
    return rows;
  }

  push(bytes: Uint8Array): void {
    if (!this.decoder) this.decoder = this.startDecoding(bytes);
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8Error();
    }
    this.take(text, false);
  }

  end(): CsvTable {
    if (!this.decoder) this.decoder = this.startDecoding(new Uint8Array(0));
    let rest: string;
    try {
      rest = this.decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
    this.take(rest, true);
    return { values: this.values, encoding: this.encoding ?? 'utf-8', delimiter: this.delimiter };
  }

  /** The encoding from the first bytes: a BOM, UTF-16's zero bytes, else UTF-8 until proven otherwise. */
  private startDecoding(first: Uint8Array): TextDecoder {
    if (this.encoding === null) {
      if (first[0] === 0xff && first[1] === 0xfe) this.encoding = 'utf-16le';
      else if (first[0] === 0xfe && first[1] === 0xff) this.encoding = 'utf-16be';
      else if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) this.encoding = 'utf-8';
      else this.encoding = looksUtf16(first) ?? 'utf-8';
    }
    // The decoders drop a leading BOM themselves; only UTF-8 must be valid to be taken as UTF-8.
    return new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8' });
  }

  private take(text: string, last: boolean): void {
    if (text.length > 0) this.endsWithNewline = text.endsWith('\n');
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    if (!this.parser) {
      if (!last && this.pending.length < this.sniffChars) return;
      this.delimiter = detectDelimiter(this.pending);
      this.newline = guessNewline(this.pending);
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: '"' });
    }
    if (!last && this.pending.length < this.parseChars) return;
    const parsed = this.parser.parse(this.pending, 0, !last) as { data: string[][]; meta: { cursor: number } };
    for (const row of parsed.data) this.values.push(row);
    this.pending = last ? '' : this.pending.substring(parsed.meta.cursor);
    // The newline that ends the last line is not one more (empty) row. (When the text left for the
    // last parse is empty, papaparse gives no row for it at all.)
    if (last && parsed.data.length > 0) {
      const tail = this.values[this.values.length - 1];
      if (tail.length === 1 && tail[0] === '' && this.endsWithNewline) this.values.pop();
    }
  }
}

/**
 * The line ending papaparse would pick for this text (its own rule, so rows come out as one
 * `Papa.parse` of the whole text would give them): quoted text aside, `\n` if it comes first or
 * there is no `\r`; else `\r\n` when most `\r` are followed by `\n`; else `\r`.
 */
function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const unquoted = text.substring(0, SNIFF_CHARS).replace(/"([^]*?)"/gm, '');
  const byR = unquoted.split('\r');
  const byN = unquoted.split('\n');
  if (byR.length === 1 || (byN.length > 1 && byN[0].length < byR[0].length)) return '\n';
  let withN = 0;
  for (const piece of byR) if (piece[0] === '\n') withN++;
  return withN >= byR.length / 2 ? '\r\n' : '\r';
}

/** CSV bytes already in memory (a dropped file, a test): the streaming reader over slices of them. */
export function readCsvTable(input: Uint8Array | ArrayBuffer): CsvTable {
  const bytes = toBytes(input);
  const read = (encoding?: CsvEncoding): CsvTable => {
    const reader = new CsvStreamReader({ encoding });
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) reader.push(bytes.subarray(at, at + CHUNK_BYTES));
    return reader.end();
  };
  try {
    return read();
  } catch (error) {
    if (error instanceof NotUtf8Error) return read(notUtf8Encoding(bytes));
    throw error;
  }
}

/** Just the rows (what the xlsx Workbook adapter needs for a .csv file). */
export function readCsv(input: Uint8Array | ArrayBuffer): string[][] {
  return readCsvTable(input).values;
}
