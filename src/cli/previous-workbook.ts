/**
 * The workbook an earlier run wrote at --out, read for what the next run takes over (readPreviousRun:
 * the stored state, the Matches sheet's decision words, the Audit log and Aliases sheets), without
 * loading the workbook whole: exceljs' full reader made an object per cell of every sheet and its
 * styles (2.9 GB for a 100k-row workbook). Here exceljs' streaming reader goes over the file in its
 * part order: the state sheet names the sheets wanted, which are kept as plain values; any other
 * sheet is parsed and dropped; the pass stops once the wanted sheets are read. Recon's streamed
 * --out puts the state and those sheets first (xlsx-stream.ts), so the copied sources and the
 * statements are never parsed; a file saved by Excel (state last) takes a second pass for the
 * wanted sheets met before the state. Null when the file's order makes streaming unsure: the
 * caller then loads the workbook whole.
 *
 * Values are as XlsxWorkbook.readValues gives them (sheet-values.ts: formulas as their results,
 * rich text as its text, merged cells empty), over the sheet's used range less the last run's status
 * cells.
 */
import { createReadStream } from 'fs';
import ExcelJS from 'exceljs';
import type { CellValue } from '../engine/types';
import { parseAddress, sheetAddress } from '../workbook/layout/a1';
import { decodeState, emptyMemory, STATE_COLUMNS, STATE_SHEET, StateError, type WorkbookMemory } from '../workbook/layout/recon-state';
import { statusCellsOn, usedRectOf } from '../workbook/layout/status-cells';
import { plainValue } from '../workbook/file/sheet-values';
import type { PreviousWorkbook } from '../workbook/previous-run';
import type { CellBlock, RunRecord } from '../workbook/workbook';

type Rows = CellValue[][];

export async function readPreviousWorkbook(file: string): Promise<PreviousWorkbook | null> {
  try {
    return await streamPrevious(file);
  } catch (error) {
    // a state this version must not read: its StateError, as XlsxWorkbook.lastRun throws it
    if (error instanceof StateError) throw error;
    // exceljs' streaming reader can lose the workbook part when it comes last after sheets it set
    // aside (exceljs' own files): whatever went wrong, the caller reads the workbook whole, which
    // says what is wrong with a file that is no workbook
    return null;
  }
}

async function streamPrevious(file: string): Promise<PreviousWorkbook | null> {
  let record: RunRecord | null = null;
  let memory = emptyMemory();
  let wanted: Set<string> | undefined;
  const kept = new Map<string, Rows>();
  const before = new Set<string>(); // sheets met before the state, unread
  const names = await streamPass(file, async (name, read) => {
    if (name === STATE_SHEET) {
      const state = decodeState((await read()).map((row) => row.slice(0, STATE_COLUMNS)));
      record = state?.run ?? null;
      memory = state?.memory ?? emptyMemory();
      const ran = new Set(record?.sheets ?? []);
      wanted = new Set([memory.matchesSheet, memory.auditSheet, memory.aliasesSheet].filter((n): n is string => n !== undefined && ran.has(n)));
    } else if (wanted === undefined) before.add(name);
    else if (wanted.has(name)) kept.set(name, await read());
    // stop once every wanted sheet after the state is read (Recon's own files put them right after it)
    return wanted !== undefined && [...wanted].every((n) => kept.has(n) || before.has(n));
  });
  if (!names) return null;
  const missed = [...(wanted ?? [])].filter((n) => !kept.has(n));
  if (missed.length > 0) {
    const again = await streamPass(file, async (name, read) => {
      if (missed.includes(name)) kept.set(name, await read());
      return missed.every((n) => kept.has(n));
    });
    if (!again || missed.some((n) => !kept.has(n))) return null;
  }
  return new StreamedPreviousWorkbook(
    names.filter((n) => n !== STATE_SHEET),
    record,
    memory,
    kept,
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

/**
 * One pass over the file's sheets in the order it holds them: `visit` is given each sheet's name and
 * a way to read its rows (a sheet it does not read is parsed and dropped, for the stream to move on)
 * and returns true to stop there. Gives the workbook's sheet names (tab order), or null when the
 * file's order makes the pass unsure (a sheet before the part that names it, a sheet never met).
 */
async function streamPass(file: string, visit: (name: string, read: () => Promise<Rows>) => Promise<boolean>): Promise<string[] | null> {
  const input = createReadStream(file);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    let met = 0;
    let stopped = false;
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name;
      if (name === undefined) return null;
      met++;
      let read = false;
      const stop = await visit(name, () => {
        read = true;
        return sheetRows(worksheet);
      });
      if (!read) for await (const row of worksheet) void row;
      if (stop) {
        stopped = true;
        break;
      }
    }
    const listed = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets;
    // every sheet the workbook part lists was met, unless the pass stopped (a stream cut short must
    // not pass for a smaller workbook)
    if (!listed || (!stopped && listed.length !== met)) return null;
    return listed.map((sheet) => sheet.name);
  } finally {
    input.destroy();
  }
}

/** A sheet's rows as worksheetValues gives them (sheet-values.ts). */
async function sheetRows(worksheet: AsyncIterable<ExcelJS.Row>): Promise<Rows> {
  const rows: Rows = [];
  for await (const row of worksheet) {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cell.type === ExcelJS.ValueType.Merge ? null : plainValue(cell.value);
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    rows[row.number - 1] = out;
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return rows;
}
