/**
 * The workbook an earlier run wrote at --out, read for what the next run takes over (readPreviousRun:
 * the stored state, the Matches sheet's decision words, the Audit log and Aliases sheets), without
 * loading the workbook whole: exceljs' full reader made an object per cell of every sheet and its
 * styles (2.9 GB for a 100k-row workbook). Here the package is opened by its directory
 * (xlsx-package.ts): the state sheet is read, then only the sheets it names, as plain values; the
 * copied sources and the statements are never parsed, wherever the file holds them (Recon's own
 * --out, or the same workbook saved again by Excel). Null when the file is a zip but no workbook:
 * the caller then loads it whole, which says what is wrong.
 *
 * Values are as XlsxWorkbook.readValues gives them (sheet-values.ts: formulas as their results,
 * rich text as its text, merged cells empty), over the sheet's used range less the last run's status
 * cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../engine/types';
import { parseAddress, sheetAddress } from '../workbook/layout/a1';
import { decodeState, emptyMemory, STATE_COLUMNS, STATE_SHEET, StateError, type WorkbookMemory } from '../workbook/layout/recon-state';
import { statusCellsOn, usedRectOf } from '../workbook/layout/status-cells';
import { plainValue } from '../workbook/file/sheet-values';
import { openXlsxPackage } from '../workbook/file/xlsx-package';
import type { PreviousWorkbook } from '../workbook/previous-run';
import type { CellBlock, RunRecord } from '../workbook/workbook';

type Rows = CellValue[][];

export async function readPreviousWorkbook(file: string): Promise<PreviousWorkbook | null> {
  try {
    return await streamPrevious(file);
  } catch (error) {
    // a state this version must not read: its StateError, as XlsxWorkbook.lastRun throws it
    if (error instanceof StateError) throw error;
    // whatever else went wrong, the caller reads the workbook whole, which says what is wrong with a
    // file that is no workbook
    return null;
  }
}

async function streamPrevious(file: string): Promise<PreviousWorkbook | null> {
  // styles are not read: a date cell stays the serial plainValue would give for it
  const xlsx = await openXlsxPackage(file, { dates: false });
  if (!xlsx) return null;
  const names = xlsx.sheets.map((s) => s.name);
  const rowsOf = async (name: string): Promise<Rows | null> => {
    const rows = xlsx.rows(name);
    return rows && (await sheetRows(rows));
  };
  let record: RunRecord | null = null;
  let memory = emptyMemory();
  const kept = new Map<string, Rows>();
  if (names.includes(STATE_SHEET)) {
    const stateRows = await rowsOf(STATE_SHEET);
    if (!stateRows) return null;
    const state = decodeState(stateRows.map((row) => row.slice(0, STATE_COLUMNS)));
    record = state?.run ?? null;
    memory = state?.memory ?? emptyMemory();
    const ran = new Set(record?.sheets ?? []);
    for (const name of [memory.matchesSheet, memory.auditSheet, memory.aliasesSheet]) {
      if (name === undefined || !ran.has(name) || !names.includes(name) || kept.has(name)) continue;
      const rows = await rowsOf(name);
      if (!rows) return null;
      kept.set(name, rows);
    }
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
