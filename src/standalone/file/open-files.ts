/**
 * Opening what the user chose, inside the workbook worker, with progress: one .xlsx workbook, or
 * one or more .csv files (each becomes a sheet, so a ledger and a bank export chosen together can
 * be reconciled at once). A CSV is read a slice at a time and parsed as it arrives (never held
 * whole as text); an .xlsx is read with progress, then handed to exceljs. Every problem is a
 * FileProblem naming the file.
 */
import { CsvStreamReader, firstNonAscii, legacySampleWindow, NotUtf8Error, notUtf8Encoding, type CsvEncoding } from '../../workbook/file/read-csv';
import { sheetNameOfFile, XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { fileBytes } from './download';
import { joinedName } from './file-names';
import { checkFileSize, FileProblem } from './file-problem';
import { checkCsvHead, formatOf, hasContent, openWorkbookFile } from './open-file';
import type { FileToOpen, OpenProgress } from '../worker/workbook-protocol';

/** Bytes read at a time: progress moves every slice, and no more than a slice waits as raw bytes. */
const READ_SLICE = 4 * 1024 * 1024;
/** Enough of a file's start to tell what it is (open-file.ts looks at 4 KB). */
const HEAD_BYTES = 4096;

export type OpenProgressListener = (progress: OpenProgress) => void;

async function readSlice(file: Blob, start: number, end: number, name: string): Promise<Uint8Array> {
  try {
    return await fileBytes(file.slice(start, end));
  } catch (error) {
    throw new FileProblem('problem.readFailed', { name, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The bytes of a file that tell its encoding when it is not UTF-8: from just before its first non-ASCII byte on. */
async function legacySample(file: Blob, name: string): Promise<Uint8Array> {
  for (let at = 0; at < file.size; at += READ_SLICE) {
    const found = firstNonAscii(await readSlice(file, at, Math.min(file.size, at + READ_SLICE), name));
    if (found >= 0) {
      const { start, end } = legacySampleWindow(at + found);
      return readSlice(file, start, Math.min(file.size, end), name);
    }
  }
  return new Uint8Array(0);
}

/** One CSV file's rows, parsed slice by slice; from the first byte again when it is not UTF-8 (GB18030, Big5 or Windows-1252: read-csv.ts). */
async function readCsvFile(file: Blob, name: string, report: (bytes: number, rows: number) => void): Promise<string[][]> {
  const read = async (encoding?: CsvEncoding): Promise<string[][]> => {
    const reader = new CsvStreamReader({ encoding });
    for (let at = 0; at < file.size; at += READ_SLICE) {
      reader.push(await readSlice(file, at, Math.min(file.size, at + READ_SLICE), name));
      report(Math.min(file.size, at + READ_SLICE), reader.rowCount);
    }
    return reader.end().values;
  };
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotUtf8Error) return read(notUtf8Encoding(await legacySample(file, name)));
    throw error;
  }
}

/** Sheet names for several files, unique whatever their case: `bank`, `bank (2)`. */
function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, 26)} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export async function openFiles(files: readonly FileToOpen[], onProgress: OpenProgressListener = () => {}): Promise<XlsxWorkbook> {
  const name = joinedName(files);
  const totalBytes = files.reduce((sum, f) => sum + f.file.size, 0);
  checkFileSize(name, totalBytes);
  let done = 0;
  let rowsBefore = 0;
  const progress = (phase: OpenProgress['phase'], bytes: number, rows: number) => onProgress({ phase, bytes: done + bytes, totalBytes, rows: rowsBefore + rows });

  if (files.length === 1 && formatOf(files[0].name) !== 'csv') {
    const [{ file, name: fileName }] = files;
    const parts: Uint8Array[] = [];
    for (let at = 0; at < file.size; at += READ_SLICE) {
      parts.push(await readSlice(file, at, Math.min(file.size, at + READ_SLICE), fileName));
      progress('reading', Math.min(file.size, at + READ_SLICE), 0);
    }
    const bytes = new Uint8Array(file.size);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    parts.length = 0;
    progress('parsing', file.size, 0);
    return openWorkbookFile(bytes, fileName);
  }

  const notCsv = files.find((f) => formatOf(f.name) !== 'csv');
  if (notCsv) throw new FileProblem('problem.severalNotCsv', { name: notCsv.name });
  const sheets: { name: string; values: string[][] }[] = [];
  for (const { file, name: fileName } of files) {
    checkCsvHead(await readSlice(file, 0, Math.min(file.size, HEAD_BYTES), fileName), fileName);
    const values = await readCsvFile(file, fileName, (bytes, rows) => progress('reading', bytes, rows));
    if (!hasContent(values)) throw new FileProblem('problem.empty', { name: fileName });
    sheets.push({ name: sheetNameOfFile(fileName.replace(/\.(tsv|txt)$/i, '.csv')), values });
    done += file.size;
    rowsBefore += values.length;
  }
  const names = uniqueNames(sheets.map((s) => s.name));
  progress('parsing', 0, 0);
  return XlsxWorkbook.fromSheets(
    sheets.map((sheet, i) => ({ name: names[i], values: sheet.values })),
    files[0].name,
  );
}
