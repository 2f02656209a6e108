/**
 * The workbook an earlier run wrote at --out, read for what the next run takes over (readPreviousRun:
 * the stored state, the Matches sheet's decision words, the Audit log and Aliases sheets), without
 * loading the workbook whole: exceljs' full reader made an object per cell of every sheet and its
 * styles (2.9 GB for a 100k-row workbook). Here exceljs' streaming reader goes over the file twice:
 * first for the state sheet alone, which names the sheets the state points at; then for those sheets'
 * values, row by row. Every other sheet (the copied sources, the statements) is parsed (the stream
 * must move on) but nothing of it is kept. Null when the file's part order makes streaming unsure
 * (a sheet before the part that names it, or the reader failing on such a file): the caller then
 * loads the workbook whole. Files Recon writes put the workbook part first.
 *
 * Values are as XlsxWorkbook.readValues gives them (sheet-values.ts: formulas as their results,
 * rich text as its text, merged cells empty), over the sheet's used range less the last run's status
 * cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../engine/types';
import { parseAddress, sheetAddress } from '../workbook/layout/a1';
import { decodeState, emptyMemory, STATE_COLUMNS, STATE_SHEET, type WorkbookMemory } from '../workbook/layout/recon-state';
import { statusCellsOn, usedRectOf } from '../workbook/layout/status-cells';
import { plainValue } from '../workbook/file/sheet-values';
import type { PreviousWorkbook } from '../workbook/previous-run';
import type { CellBlock, RunRecord } from '../workbook/workbook';

type Rows = CellValue[][];

export async function readPreviousWorkbook(file: string): Promise<PreviousWorkbook | null> {
  const first = await readSheets(file, (name) => name === STATE_SHEET);
  if (!first) return null;
  const stateRows = first.sheets.get(STATE_SHEET);
  // a state this version must not read throws its StateError here, as XlsxWorkbook.lastRun does
  const state = stateRows ? decodeState(stateRows.map((row) => row.slice(0, STATE_COLUMNS))) : null;
  const record = state?.run ?? null;
  const memory = state?.memory ?? emptyMemory();
  const ran = new Set(record?.sheets ?? []);
  const wanted = new Set([memory.matchesSheet, memory.auditSheet, memory.aliasesSheet].filter((n): n is string => n !== undefined && ran.has(n)));
  const second = wanted.size > 0 ? await readSheets(file, (name) => wanted.has(name)) : { names: [], sheets: new Map<string, Rows>() };
  if (!second) return null;
  return new StreamedPreviousWorkbook(
    first.names.filter((n) => n !== STATE_SHEET),
    record,
    memory,
    second.sheets,
  );
}

class StreamedPreviousWorkbook implements PreviousWorkbook {
  constructor(
    private readonly names: string[],
    private readonly record: RunRecord | null,
    private readonly memory: WorkbookMemory,
    private readonly sheets: Map<string, Rows>,
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.names;
  }

  async lastRun(): Promise<RunRecord | null> {
    return this.record;
  }

  async readMemory(): Promise<WorkbookMemory> {
    return this.memory;
  }

  /** A sheet's used range (the only kind of address readPreviousRun asks for). */
  async readValues(address: string): Promise<CellBlock> {
    const { sheet, rect: asked } = parseAddress(address);
    const all = sheet === undefined ? undefined : this.sheets.get(sheet);
    if (sheet === undefined || asked || !all) throw new Error(`${address} was not read from the previous workbook.`);
    const rect = usedRectOf(all, statusCellsOn(this.record?.statusColumns ?? [], sheet)) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const values: Rows = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line = all[row - 1] ?? [];
      const out: CellValue[] = [];
      for (let column = rect.left; column <= rect.right; column++) out.push(line[column - 1] ?? null);
      values.push(out);
    }
    return { sheet, top: rect.top, left: rect.left, values, address: sheetAddress(sheet, rect) };
  }
}

/** Every sheet's name, in the order the file holds them, and the values of the sheets `want` picks. */
async function readSheets(file: string, want: (name: string) => boolean): Promise<{ names: string[]; sheets: Map<string, Rows> } | null> {
  try {
    return await streamSheets(file, want);
  } catch {
    // exceljs' streaming reader can lose the workbook part when it comes last after sheets it set
    // aside (exceljs' own files): whatever went wrong, the caller reads the workbook whole, which
    // says what is wrong with a file that is no workbook
    return null;
  }
}

async function streamSheets(file: string, want: (name: string) => boolean): Promise<{ names: string[]; sheets: Map<string, Rows> } | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  const names: string[] = [];
  const sheets = new Map<string, Rows>();
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name;
    // a sheet met before the workbook part that names it: the caller reads the whole workbook instead
    if (name === undefined) return null;
    names.push(name);
    const keep = want(name);
    const rows: Rows = [];
    for await (const row of worksheet) {
      if (!keep) continue; // rows must still be read for the stream to move on (read-xlsx-file.ts)
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[c - 1] = cell.type === ExcelJS.ValueType.Merge ? null : plainValue(cell.value);
      });
      for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
      rows[row.number - 1] = out;
    }
    if (!keep) continue;
    for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
    sheets.set(name, rows);
  }
  // every sheet the workbook part lists was met (a stream cut short must not pass for a smaller workbook)
  const listed = (reader as unknown as { model?: { sheets?: unknown[] } }).model?.sheets;
  if (!listed || listed.length !== names.length) return null;
  return { names, sheets };
}
