/**
 * An .xlsx file on disk opened for streaming single sheets: its sheet list at once, then any sheet's
 * rows parsed as they are inflated, without the file's bytes or the other sheets ever in memory.
 *
 * The zip is opened by its central directory (unzipper's Open), not read front to back: the workbook
 * part, its relationships, the shared strings and the styles are read first wherever the file holds
 * them, then a sheet's part alone when it is asked for. exceljs' front-to-back WorkbookReader is not
 * used for the order: it parks sheets met before the shared strings in temp files, and under load its
 * zip iteration can end before the shared-strings part, leaving every text cell `{ sharedString: n }`
 * (a CI run saw it), or hand sheets over out of their order. exceljs still parses each part, through
 * its reader's part parsers (the xforms its own reader uses); exceljs is pinned by package-lock and the
 * tests read real exports and Recon's own --out through them, so a change in those internals fails
 * there, not in a user's file.
 *
 * Every part is decoded to text by a stream decoder before exceljs sees it: exceljs decodes each
 * inflated chunk on its own, which turned a Chinese character cut by a chunk boundary into U+FFFD
 * (a 5,000-row sheet of Chinese names lost six of them).
 */
import ExcelJS from 'exceljs';
import { PassThrough, pipeline, Readable } from 'stream';
import { declares1904 } from '../date-system';
import { partPath } from './part-path';

export interface XlsxPackage {
  /**
   * Every worksheet, in the workbook's (tab) order, with whether it is hidden. Chart sheets and
   * dialog sheets hold no cells and are left out, as exceljs' whole-workbook reader leaves them out.
   */
  sheets: { name: string; hidden: boolean }[];
  /** The workbook stores dates in the 1904 system; the rows' dates are exceljs' reading of them as 1900-based. */
  date1904: boolean;
  /** A sheet's rows as exceljs parses them, in file order; null for a sheet not in the package. */
  rows(sheet: string): AsyncIterable<ExcelJS.Row> | null;
}

/** What unzipper's Open.file gives (it ships no types). */
interface ZipDirectory {
  files: { path: string; type: string; stream(): Readable }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<ZipDirectory> } };

/** The part parsers of exceljs 4.4's WorkbookReader used here, and what they leave on the reader. */
interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Type?: string; Target: string }[];
  /** The workbookPr part's parser; its model's date1904 decides how the sheet parser makes dates. */
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
}

async function textOf(part: Readable): Promise<string> {
  let text = '';
  for await (const chunk of part) text += chunk;
  return text;
}

/**
 * Opens the package and reads its workbook part, relationships and shared strings (and, with `dates`,
 * its styles, which tell a date from a number: without them every number stays a number). Null when
 * the file is a zip but not laid out as a workbook; a file that is no zip throws.
 */
export async function openXlsxPackage(file: string, options: { dates: boolean }): Promise<XlsxPackage | null> {
  const zip = await unzipper.Open.file(file);
  // part names are case-insensitive in a package (ECMA-376 Part 2, 8.1.1.3)
  const byPath = new Map(zip.files.filter((f) => f.type === 'File').map((f) => [f.path.toLowerCase(), f]));
  const text = (path: string): Readable | null => {
    const entry = byPath.get(path.toLowerCase());
    if (!entry) return null;
    const decoded = new PassThrough({ encoding: 'utf8' });
    pipeline(entry.stream(), decoded, () => undefined); // an error reaches the parser through `decoded`
    return decoded;
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: options.dates ? 'cache' : 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as PartParsers;
  if (!byPath.has('xl/workbook.xml') || !byPath.has('xl/_rels/workbook.xml.rels')) return null;
  await reader._parseRels(text('xl/_rels/workbook.xml.rels')!);
  // read whole (a few KB) to see its date system as exceljs does not (date-system.ts)
  const workbookXml = await textOf(text('xl/workbook.xml')!);
  await reader._parseWorkbook(Readable.from([workbookXml]));
  // exceljs reads every stored number as 1900-based (it sees only "1"); rows(): date-system.ts puts a 1904 book's right
  const date1904 = declares1904(workbookXml);
  if (reader.properties) reader.properties.model = { ...reader.properties.model, date1904: false };
  const sharedStrings = text('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)); // cached on the reader
  const styles = options.dates ? text('xl/styles.xml') : null;
  if (styles) await reader._parseStyles(styles);

  const worksheetTargets = new Map((reader.workbookRels ?? []).filter((r) => r.Type?.endsWith('/worksheet')).map((r) => [r.Id, r.Target]));
  const listed = (reader.model?.sheets ?? []).filter((s) => worksheetTargets.has(s.rId));
  return {
    sheets: listed.map((s) => ({ name: s.name, hidden: s.state !== undefined && s.state !== 'visible' })),
    date1904,
    rows(name) {
      const sheet = listed.find((s) => s.name === name);
      const target = sheet && worksheetTargets.get(sheet.rId);
      const part = target === undefined ? null : text(partPath(target));
      if (!sheet || !part) return null;
      const [emitted] = reader._parseWorksheet(part, sheet.rId);
      return emitted.value;
    },
  };
}
