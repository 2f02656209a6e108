/**
 * A file's bytes → an XlsxWorkbook, or a FileProblem that names the file and says what it is
 * instead. Checks in the order a user's mistakes are likely: empty, a known non-spreadsheet (an
 * image renamed .xlsx), a legacy .xls it cannot read (a web page saved as .xls is read: read-html-table.ts), a damaged .xlsx, binary data named .csv, then
 * every sheet empty. A legacy .xls becomes a new workbook holding its sheets' values (read-xls.ts). Loaded on demand with exceljs, so the page's first screen does not wait for it.
 */
import type { CellValue } from '../../engine/types';
import { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { quoteSheetName } from '../../workbook/layout/a1';
import { cleanSheetName } from '../../workbook/layout/sheet-names';
import { readXls, XlsError, type XlsProblem } from '../../workbook/file/read-xls';
import { looksLikeOfx, OfxError, readOfx } from '../../workbook/file/read-ofx';
import { looksLikeHtml, readHtmlTable } from '../../workbook/file/read-html-table';
import { FileProblem, type FileKind } from './file-problem';

/** Leading bytes of the file types a user may drop by mistake (or mean: ZIP is .xlsx). */
const SIGNATURES: { kind: FileKind | 'zip' | 'ole'; bytes: number[] }[] = [
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  // OLE2 compound file: a legacy .xls (or an old .doc).
  { kind: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export type Format = 'xlsx' | 'xls' | 'csv' | 'ofx';

/** Extension → how the page reads the file. */
const FORMATS: Record<string, Format> = {
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xls: 'xls',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  ofx: 'ofx',
  qfx: 'ofx',
  qbo: 'ofx',
};

function sniff(bytes: Uint8Array): (typeof SIGNATURES)[number]['kind'] | null {
  return SIGNATURES.find(({ bytes: signature }) => signature.every((byte, i) => bytes[i] === byte))?.kind ?? null;
}

function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match ? match[1].toLowerCase() : '';
}

/** The start of a file as text (BOM and leading space dropped), to tell a web page or an OFX statement. */
function headText(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
}

/** A workbook made from a file's sheets (an .xls, an OFX statement) is downloaded as an .xlsx of the same name. */
function xlsxName(name: string): string {
  return name.replace(/\.\w+$/, '.xlsx');
}

/**
 * Bytes that are no text in any encoding read-csv knows: NUL bytes outside a UTF-16 pattern, or
 * many control characters. GBK and UTF-8 text never has either.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i];
    if (byte === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  // UTF-16 without a BOM: ASCII characters leave zeros in one byte of every pair only.
  const utf16 = (evenZeros === 0 && oddZeros > n / 8) || (oddZeros === 0 && evenZeros > n / 8);
  if (evenZeros + oddZeros > 0 && !utf16) return true;
  return controls > n / 50;
}

async function everySheetEmpty(workbook: XlsxWorkbook): Promise<boolean> {
  for (const name of await workbook.sheetNames()) {
    if (hasContent((await workbook.readValues(quoteSheetName(name))).values)) return false;
  }
  return true;
}

async function loadXlsx(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.fromBytes(bytes, name);
  } catch (error) {
    throw new FileProblem('problem.unreadableXlsx', { name, detail: error instanceof Error ? error.message : String(error) });
  }
  if ((await workbook.sheetNames()).length === 0) throw new FileProblem('problem.noSheets', { name });
  return workbook;
}

const XLS_PROBLEMS: Record<XlsProblem, 'problem.xlsDamaged' | 'problem.xlsPassword' | 'problem.xlsTooOld' | 'problem.xlsNoWorkbook'> = {
  damaged: 'problem.xlsDamaged',
  password: 'problem.xlsPassword',
  'too-old': 'problem.xlsTooOld',
  'no-workbook': 'problem.xlsNoWorkbook',
};

/** A legacy .xls workbook's sheets (hidden ones kept hidden), or the FileProblem that says why not. */
function legacySheets(bytes: Uint8Array, name: string): ReturnType<typeof readXls> {
  let sheets;
  try {
    sheets = readXls(bytes);
  } catch (error) {
    if (error instanceof XlsError) throw new FileProblem(XLS_PROBLEMS[error.problem], { name });
    throw error;
  }
  if (sheets.length === 0) throw new FileProblem('problem.noSheets', { name });
  return sheets;
}

/** An OFX/QFX/QBO statement's accounts, a sheet each, or the FileProblem that says why not. */
function ofxSheets(bytes: Uint8Array, name: string): ReturnType<typeof readOfx> {
  try {
    return readOfx(bytes);
  } catch (error) {
    if (error instanceof OfxError) throw new FileProblem(error.problem === 'no-statement' ? 'problem.ofxNoStatement' : 'problem.ofxDamaged', { name });
    throw error;
  }
}

/** How the page reads a file, by its extension (undefined: not a kind it opens). */
export function formatOf(fileName: string): Format | undefined {
  return FORMATS[extensionOf(fileName)];
}

/**
 * What a file named .csv/.tsv/.txt must not be, told from its first bytes (at least 4 KB of them
 * when it is that long): empty, a legacy .xls, an image or PDF, a zipped file, binary data.
 */
export function checkCsvHead(head: Uint8Array, name: string): void {
  if (head.length === 0) throw new FileProblem('problem.empty', { name });
  const kind = sniff(head);
  // (an .xls named .csv is an .xls)
  if (kind === 'ole') throw new FileProblem('problem.xlsAsCsv', { name });
  if (kind === 'zip') throw new FileProblem('problem.zipAsCsv', { name });
  if (kind !== null) throw new FileProblem('problem.looksLike', { name, kind });
  if (looksBinary(head)) throw new FileProblem('problem.looksLike', { name, kind: 'binary' });
}

export function hasContent(values: CellValue[][]): boolean {
  return values.some((row) => row.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')));
}

/** Opens an .xlsx, .xls, OFX/QFX/QBO or .csv (UTF-8, GBK/GB18030, Big5, Windows-1252 or UTF-16) file, or throws a FileProblem. */
export async function openWorkbookFile(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  if (bytes.length === 0) throw new FileProblem('problem.empty', { name });
  const kind = sniff(bytes);
  if (kind === 'ole') {
    const sheets = legacySheets(bytes, name);
    // the values are at hand: no need to build the workbook to find them all empty
    if (!sheets.some((sheet) => hasContent(sheet.values))) throw new FileProblem('problem.allSheetsEmpty', { name });
    return XlsxWorkbook.fromSheets(sheets, xlsxName(name));
  }
  if (kind !== null && kind !== 'zip') throw new FileProblem('problem.looksLike', { name, kind });

  const format = formatOf(name);
  if (format === 'ofx' || (kind === null && looksLikeOfx(headText(bytes)))) {
    return XlsxWorkbook.fromSheets(ofxSheets(bytes, name), xlsxName(name));
  }
  let workbook: XlsxWorkbook;
  if (format === 'csv') {
    checkCsvHead(bytes, name);
    // XlsxWorkbook reads a name ending in .csv as CSV; .tsv and .txt go the same way.
    workbook = await XlsxWorkbook.fromBytes(bytes, name.replace(/\.(tsv|txt)$/i, '.csv'));
    if (await everySheetEmpty(workbook)) throw new FileProblem('problem.empty', { name });
    return workbook;
  }
  if (kind === 'zip') {
    // An .xlsx, whatever its name says (an .xls that is really .xlsx opens too).
    workbook = await loadXlsx(bytes, name);
  } else if (format === 'xls' && looksLikeHtml(headText(bytes))) {
    // a web page saved with an .xls name (many banks' "Excel" download): its tables, as Excel shows them
    // named after the file, as Excel names the sheet of a page it opens
    const page = readHtmlTable(bytes, cleanSheetName(name.replace(/\.\w+$/, '')));
    if (!page) throw new FileProblem('problem.htmlAsXls', { name });
    if (!hasContent(page.values)) throw new FileProblem('problem.allSheetsEmpty', { name });
    return XlsxWorkbook.fromSheets([page], xlsxName(name));
  } else if (format === 'xlsx' || format === 'xls') {
    throw new FileProblem('problem.damagedXlsx', { name });
  } else {
    throw new FileProblem('problem.unsupportedType', { name });
  }
  if (await everySheetEmpty(workbook)) throw new FileProblem('problem.allSheetsEmpty', { name });
  return workbook;
}
