/**
 * CSV bytes → rows of raw strings. Works on bytes (Uint8Array/ArrayBuffer) with no file system, so the
 * command line and a browser page share it. Cells stay exactly as written (padding, TABs, `¥`); the
 * engine's reader cleans them.
 *
 * Encoding: a BOM decides; else valid UTF-8 is UTF-8; else GB18030 (a superset of GBK/GB2312, which
 * Chinese banks, Alipay and Excel on Chinese Windows write).
 */
import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
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
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
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

export function readCsvTable(input: Uint8Array | ArrayBuffer): CsvTable {
  const { text, encoding } = decodeText(input);
  const delimiter = detectDelimiter(text);
  const values = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  // the newline that ends the last line is not one more (empty) row
  const last = values[values.length - 1];
  if (last && last.length === 1 && last[0] === '' && text.endsWith('\n')) values.pop();
  return { values, encoding, delimiter };
}

/** Just the rows (what the xlsx Workbook adapter needs for a .csv file). */
export function readCsv(input: Uint8Array | ArrayBuffer): string[][] {
  return readCsvTable(input).values;
}
