/**
 * The Workbook interface over Excel's JavaScript API (Office.js), written the way its performance
 * guide asks: few context.sync() calls, reads and writes chunked under Excel on the web's 5 MB
 * request/response limit, formats per column range or per rule, never per cell in a loop.
 *
 * Requirement sets: ExcelApi 1.7 is the minimum (Office 2019): getRangeByIndexes and
 * freezePanes (1.7), conditional formats (1.6), *OrNullObject and getUsedRangeOrNullObject
 * (1.4), getUsedRange(valuesOnly), merge and Workbook.functions (1.2: the date system,
 * date-system-1904.ts), VeryHidden sheets, tables, values and
 * numberFormat (1.1). ExcelApi 1.9 is used only when Office.context.requirements says so:
 * RangeAreas (Worksheet.getRanges) to style many areas in one call; likewise 1.12 (Range.hasSpill)
 * and 1.13 (merged areas) to keep status labels off spilled arrays and merged cells.
 *
 * `run` is injectable (defaults to the global Excel.run) so tests drive a faithful fake.
 */
import type { ExcelContextApi, WorksheetApi } from './excel-api';
import type { CellValue } from '../../engine/types';
import { boundingRect, rectsOutside, statusCellsOn } from '../layout/status-cells';
import { MAX_ROWS, parseAddress, quoteSheetName, sheetAddress, type CellRect } from '../layout/a1';
import type { CellBlock, RunOutputs, RunRecord, Workbook, WriteProgress } from '../workbook';
import { readRows } from './chunked-read';
import { queueDateSystemProbe } from './date-system-1904';
import { findRuleFormats, storedRuleKey } from './rule-formats';
import { emptyMemory, type WorkbookMemory } from '../layout/recon-state';
import { decodeStateInSlices, encodeState, OLD_PREFIX, pendingSheetsOf, rulesOf, STATE_SHEET, statusCellsOf, statusSpan, TEMP_PREFIX, type StoredState } from './run-state';
import { removeHiddenSheet } from './remove-sheet';
import { queueProtectionCheck } from './write-blockers';
import { errorCode, SyncBatcher, throwIfAborted } from './sync-batcher';
import { PageSlicer } from './page-slices';
import { finishStateRead, flipBytes, layoutOf, planStateWrite, queueFlip, queueParts, queueStateRead, queueStaleClear } from './state-sheet';

export type ExcelRun = <T>(batch: (context: ExcelContextApi) => Promise<T>) => Promise<T>;
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface OfficeWorkbookOptions {
  /** Excel.run, or a fake of it in tests. */
  run?: ExcelRun;
  /** Office.context.requirements.isSetSupported, or a fake of it. */
  isSetSupported?: IsSetSupported;
  /** Bytes one sync may send (Excel on the web refuses more than 5 MB). Default 3,500,000. */
  maxRequestBytes?: number;
  /** Bytes one sync's response may carry (5 MB limit). Default 3,500,000. */
  maxResponseBytes?: number;
  /** Cells in one range read or write. Default 200,000. */
  maxCellsPerChunk?: number;
}

/** More cells than this in one read is beyond what a reconciliation can be (and a browser can hold). */
const MAX_READ_CELLS = 50_000_000;

function isHidden(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === STATE_SHEET || lower.startsWith(TEMP_PREFIX) || lower.startsWith(OLD_PREFIX);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export class OfficeWorkbook implements Workbook {
  private readonly runBatch: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;
  private readonly maxCellsPerChunk: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.runBatch = options.run ?? ((batch) => Excel.run(batch));
    this.isSetSupported =
      options.isSetSupported ??
      ((name, version) => typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version));
    this.maxRequestBytes = options.maxRequestBytes ?? 3_500_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 3_500_000;
    this.maxCellsPerChunk = options.maxCellsPerChunk ?? 200_000;
  }

  async sheetNames(): Promise<string[]> {
    return this.runBatch(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name).filter((n) => !isHidden(n));
    });
  }

  async selectedAddress(): Promise<string> {
    return this.runBatch(async (context) => {
      const range = context.workbook.getSelectedRange().load('address');
      await context.sync();
      const { sheet, rect } = parseAddress(range.address);
      if (sheet === undefined || rect === undefined) throw new Error(`Unexpected address from Excel: ${range.address}`);
      return sheetAddress(sheet, rect);
    });
  }

  async readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    const parsed = parseAddress(address);
    return this.runBatch(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = parsed.sheet !== undefined ? sheets.getItem(parsed.sheet) : sheets.getActiveWorksheet();
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      const single = parsed.rect !== undefined && parsed.rect.top === parsed.rect.bottom && parsed.rect.left === parsed.rect.right;
      const tables = single ? sheet.tables.load('items/name') : undefined;
      const names = parsed.rect === undefined ? sheets.load('items/name') : undefined;
      const dateSystem = queueDateSystemProbe(context.workbook);
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === 'ItemNotFound' && parsed.sheet !== undefined) {
          throw new Error(`There is no sheet named "${parsed.sheet}" in this workbook.`);
        }
        throw error;
      }
      const name = sheet.name;
      if (used.isNullObject) return { sheet: name, top: 1, left: 1, values: [], address: `${quoteSheetName(name)}!A1` };

      // What to read, 1-based: the used range (without Recon's status cells), the table around
      // one cell, or the given range.
      let area: CellRect = {
        top: used.rowIndex + 1,
        left: used.columnIndex + 1,
        bottom: used.rowIndex + used.rowCount,
        right: used.columnIndex + used.columnCount,
      };
      if (parsed.rect === undefined) {
        area = await this.userUsedRange(context, sheet, area, names!.items.map((s) => s.name));
      } else {
        let wanted = parsed.rect;
        if (tables && tables.items.length > 0) {
          const ranges = tables.items.map((t) => t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
          await context.sync();
          const hit = ranges.find(
            (r) => wanted.top - 1 >= r.rowIndex && wanted.top - 1 < r.rowIndex + r.rowCount && wanted.left - 1 >= r.columnIndex && wanted.left - 1 < r.columnIndex + r.columnCount,
          );
          if (hit) wanted = { top: hit.rowIndex + 1, left: hit.columnIndex + 1, bottom: hit.rowIndex + hit.rowCount, right: hit.columnIndex + hit.columnCount };
        }
        // Rows and columns past the used range are empty: not worth a request.
        area = { top: wanted.top, left: wanted.left, bottom: Math.min(wanted.bottom, area.bottom), right: Math.min(wanted.right, area.right) };
      }
      const rows = Math.max(0, area.bottom - area.top + 1);
      const columns = Math.max(0, area.right - area.left + 1);
      if (rows * columns > MAX_READ_CELLS) {
        throw new Error(`${address} holds ${rows * columns} cells; choose the columns of the ledger or bank export (at most ${MAX_READ_CELLS}).`);
      }
      const values: CellValue[][] =
        rows === 0 || columns === 0
          ? []
          : await readRows(
              context,
              sheet,
              { top0: area.top - 1, left0: area.left - 1, rows, columns },
              { maxResponseBytes: this.maxResponseBytes, maxCellsPerChunk: this.maxCellsPerChunk },
              onProgress,
              undefined,
              dateSystem.is1904(),
            );
      const shown = { top: area.top, left: area.left, bottom: area.top + Math.max(rows, 1) - 1, right: area.left + Math.max(columns, 1) - 1 };
      return { sheet: name, top: area.top, left: area.left, values, address: sheetAddress(name, shown) };
    });
  }

  /**
   * A sheet's used range without Recon's own status cells (the shared rule, layout/status-cells),
   * so a re-run reads the same range as the run before. Costs nothing more when no run left
   * status cells on the sheet; otherwise two syncs: the state, then the used range of each part
   * of `used` around those cells.
   */
  private async userUsedRange(context: ExcelContextApi, sheet: WorksheetApi, used: CellRect, names: string[]): Promise<CellRect> {
    const state = await this.readState(context, names, true);
    const cells = statusCellsOn(statusCellsOf(state), sheet.name);
    const parts = rectsOutside(used, cells);
    if (parts.length === 1 && parts[0].top === used.top && parts[0].bottom === used.bottom && parts[0].left === used.left && parts[0].right === used.right) {
      return used;
    }
    const found = parts.map((p) =>
      sheet
        .getRangeByIndexes(p.top - 1, p.left - 1, p.bottom - p.top + 1, p.right - p.left + 1)
        .getUsedRangeOrNullObject(true)
        .load('rowIndex,columnIndex,rowCount,columnCount'),
    );
    await context.sync();
    const rects = found
      .filter((r) => !r.isNullObject)
      .map((r) => ({ top: r.rowIndex + 1, left: r.columnIndex + 1, bottom: r.rowIndex + r.rowCount, right: r.columnIndex + r.columnCount }));
    const box = boundingRect(rects);
    // Nothing but Recon's labels: read as an empty sheet (A1).
    if (!box) return { top: 1, left: 1, bottom: 0, right: 0 };
    return this.withoutReconEdge(context, sheet, box, cells);
  }

  /**
   * Excel's documentation does not say whether a range's used range is tight around its values
   * or the sheet's used range cut to the range; read the second way, the parts around Recon's
   * status cells reach into the status column. So a right edge column that holds status cells
   * is kept only if a value of the user's is found in it (its other cells read, one sync), and
   * dropped otherwise, until the edge is the user's. Nothing to read when the edge is the user's.
   */
  private async withoutReconEdge(context: ExcelContextApi, sheet: WorksheetApi, box: CellRect, cells: ReturnType<typeof statusCellsOn>): Promise<CellRect> {
    let right = box.right;
    while (right > box.left) {
      const column = right;
      const mine = cells.filter((c) => c.column === column);
      if (mine.length === 0) break;
      const others = rectsOutside({ top: box.top, bottom: box.bottom, left: column, right: column }, mine);
      const values = [];
      for (const part of others) {
        values.push(...(await readRows(context, sheet, { top0: part.top - 1, left0: column - 1, rows: part.bottom - part.top + 1, columns: 1 }, { maxResponseBytes: this.maxResponseBytes, maxCellsPerChunk: this.maxCellsPerChunk })));
      }
      if (values.some((row) => row[0] !== '' && row[0] !== null && row[0] !== undefined)) break;
      right--;
    }
    return { ...box, right };
  }

  async writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    // The writer is loaded when the first run is written, not with the pane's first screen.
    const { RunWriter, validateOutputs } = await import(/* webpackChunkName: "office-writer" */ './run-writer');
    await validateOutputs(outputs);
    throwIfAborted(signal);
    const settings = {
      maxRequestBytes: this.maxRequestBytes,
      maxResponseBytes: this.maxResponseBytes,
      maxCellsPerChunk: this.maxCellsPerChunk,
      rangeAreas: this.isSetSupported('ExcelApi', '1.9'),
      pageLayout: this.isSetSupported('ExcelApi', '1.9'),
      spills: this.isSetSupported('ExcelApi', '1.12'),
      mergedAreas: this.isSetSupported('ExcelApi', '1.13'),
    };
    await this.runBatch((context) => new RunWriter(context, outputs, settings, onProgress, signal).write());
  }

  /**
   * Reads the state sheet's rows A:C (the caller knows the sheet names): its first rows and extent
   * in one sync, which holds a small state whole; a large one's further rows in chunked syncs under
   * the response budget (state-sheet.ts). Null when there is no state sheet.
   */
  private async readStateRows(context: ExcelContextApi, names: string[]): Promise<unknown[][] | null> {
    if (!names.some((n) => sameName(n, STATE_SHEET))) return null;
    const sheet = context.workbook.worksheets.getItem(STATE_SHEET);
    const pending = queueStateRead(sheet, this.maxResponseBytes);
    await context.sync();
    return finishStateRead(context, sheet, pending, { maxResponseBytes: this.maxResponseBytes, maxCellsPerChunk: this.maxCellsPerChunk });
  }

  /**
   * Reads the state (see readStateRows). Throws a StateError for a state this version must not
   * read, unless `lenient` (then: none).
   */
  private async readState(context: ExcelContextApi, names: string[], lenient = false): Promise<StoredState | null> {
    const rows = await this.readStateRows(context, names);
    if (rows === null || rows.length === 0) return null;
    try {
      return await decodeStateInSlices(rows);
    } catch (error) {
      if (lenient) return null;
      throw error;
    }
  }

  /** The state being read, shared by the calls made while it is (the pane asks lastRun and readMemory at once). */
  private stateReading: Promise<StoredState | null> | null = null;

  /**
   * The state as stored. Calls made while a read is under way share it: after a 100k run the state
   * is about 10 MB, and reading and parsing it twice over cost the pane's thread 0.2–0.5 s.
   */
  private storedState(): Promise<StoredState | null> {
    if (this.stateReading) return this.stateReading;
    const reading = this.runBatch(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return this.readState(
        context,
        sheets.items.map((s) => s.name),
      );
    });
    this.stateReading = reading;
    const done = () => {
      if (this.stateReading === reading) this.stateReading = null;
    };
    reading.then(done, done);
    return reading;
  }

  async lastRun(): Promise<RunRecord | null> {
    return (await this.storedState())?.record ?? null;
  }

  async readMemory(): Promise<WorkbookMemory> {
    return (await this.storedState())?.memory ?? emptyMemory();
  }

  /**
   * Rewrites the state in place (no rename, no delete), without a moment where it is not whole:
   * the new parts beside the live ones with their numbers blank, then one small write of the
   * numbers and the header (state-sheet.ts), then the rows no longer live cleared. Three syncs for
   * a small state, as before; a large one's reads and parts take chunked syncs of their own.
   */
  async saveMemory(memory: WorkbookMemory): Promise<void> {
    await this.runBatch(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const names = sheets.items.map((s) => s.name);
      const oldRows = (await this.readStateRows(context, names)) ?? [];
      const state = oldRows.length > 0 ? await decodeStateInSlices(oldRows) : null;
      const rows = encodeState({ record: state?.record ?? null, office: state?.office ?? { rules: [], tables: [] }, memory });
      let sheet: WorksheetApi;
      if (names.some((n) => sameName(n, STATE_SHEET))) sheet = context.workbook.worksheets.getItem(STATE_SHEET);
      else {
        sheet = context.workbook.worksheets.add(STATE_SHEET);
        sheet.visibility = 'VeryHidden';
      }
      const write = planStateWrite(layoutOf(oldRows), rows);
      const batcher = new SyncBatcher(context, this.maxRequestBytes);
      await queueParts(batcher, sheet, write, Math.floor(this.maxRequestBytes / 4), this.maxCellsPerChunk, new PageSlicer());
      // The flip goes with the last parts when they leave room for it, else in a sync of its own;
      // the rows no longer live are cleared after it (a batch runs in order: a clear that ran means
      // the flip ran; one that did not leaves rows with blank numbers, which every reader ignores).
      await batcher.add(flipBytes(write), () => {
        queueFlip(sheet, write);
        queueStaleClear(sheet, write);
      });
      await batcher.flush();
    });
  }

  async clearRun(): Promise<void> {
    await this.runBatch(async (context) => {
      const sheetList = context.workbook.worksheets.load('items/name');
      await context.sync();
      const names = sheetList.items.map((s) => s.name);
      const exists = (name: string) => names.some((n) => sameName(n, name));
      const state = await this.readState(context, names, true);
      const rules = rulesOf(state);
      // A protected sheet or structure: say so before removing anything (write-blockers.ts).
      if (state) {
        const blockers = queueProtectionCheck(context, [...statusCellsOf(state).map((s) => s.sheet), ...rules.map((r) => r.sheet)].filter(exists));
        await context.sync();
        blockers.check(true);
      }
      const found = await findRuleFormats(
        context,
        [...new Set(rules.map((r) => r.sheet))].filter(exists),
        new Set(rules.map(storedRuleKey)),
      );
      for (const list of found.values()) for (const cf of list) cf.delete();
      for (const s of statusCellsOf(state)) {
        const { row0, rows } = statusSpan(s);
        if (!exists(s.sheet) || rows === 0) continue;
        context.workbook.worksheets.getItem(s.sheet).getRangeByIndexes(row0, s.column - 1, rows, 1).clear('Contents');
      }
      // The state sheet goes last: if the connection fails part-way, Clear can be run again.
      const recorded = new Set([...(state?.record?.sheets ?? []), ...pendingSheetsOf(state)].map((n) => n.toLowerCase()));
      const doomed = names.filter((n) => isHidden(n) || recorded.has(n.toLowerCase()));
      doomed.sort((a, b) => Number(sameName(a, STATE_SHEET)) - Number(sameName(b, STATE_SHEET)));
      for (const name of doomed) {
        const sheet = context.workbook.worksheets.getItem(name);
        if (isHidden(name)) removeHiddenSheet(sheet);
        else sheet.delete();
      }
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.runBatch(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) === 'ItemNotFound') throw new Error(`There is no sheet named "${name}" in this workbook.`);
        throw error;
      }
    });
  }
}
