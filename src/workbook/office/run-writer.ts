/**
 * Writes one run's outputs all-or-nothing, in five phases inside one Excel.run:
 *   1. inspect (reads only): sheets, tables, the previous run's state, the candidate status cells,
 *      then the shared write plan (layout/write-plan: output names never take a user's sheet, a
 *      status column moves right past a user's value), the highlight rules already there, the
 *      previous labels under the new status cells (kept to restore them), and the extent of the
 *      previous run's sheets that this run writes over;
 *   2. prepare (reversible): output sheets with new names under temporary names, hidden; the
 *      state sheet on a first run; highlight code columns (if any) in columns the previous run
 *      did not use; status labels beside the user's rows;
 *   3. switch-over, ONE sync (reversible): new sheets shown and renamed into place, the previous
 *      run's tables renamed away, the new state flipped in (its parts were written beside the old
 *      ones in phase 2 with blank numbers; the flip is one small write of numbers and header,
 *      state-sheet.ts: a 100k run's state is ~10 MB, twice Excel on the web's 5 MB a request),
 *      highlight rules added;
 *   4. after the point of no return, repeated until it goes through: the previous run's sheets
 *      that keep their name are written over in place (in-place-sheets.ts: renaming or deleting
 *      them would break every reference to them), then frozen header rows;
 *   5. clean up (idempotent, retried): the previous run's rules, status cells, code columns and
 *      the sheets this run no longer writes removed; its last operation drops the "pending" list
 *      from the new state (its parts written first, then flipped in, the rows no longer live
 *      cleared), so if the connection fails here the next run or Clear finishes the job.
 * Sheets and the state are never renamed: references to them (a teammate's `=Matches!B2`,
 * highlight rules reading `_recon_state`) keep pointing at Recon's current output.
 * Any failure or abort before phase 4 rolls back from what it finds: temporaries deleted (by
 * sheet id or temporary name), renamed tables given their names back, the previous state's
 * numbers and header written back (its parts were never written over), added or half-made rules removed, status cells and code columns restored. Excel batches
 * are not transactions, so the rollback never assumes which operations of a failed batch ran.
 * Requires ExcelApi 1.7; uses 1.9 when present (RangeAreas for styles).
 */
import type { ConditionalFormatApi, ExcelContextApi, TableApi, WorksheetApi } from './excel-api';
import type { CellValue } from '../../engine/types';
import { HIGHLIGHT_COLOURS } from '../colours';
import { columnLetter, MAX_COLUMNS, MAX_ROWS, rectAddress, rectColumns, type CellRect } from '../layout/a1';
import { highlightRect } from '../layout/highlight-rules';
import { rectsOutside, statusCellsOn } from '../layout/status-cells';
import { checkOutputs, planRun, type WorkbookProbe, type WritePlan } from '../layout/write-plan';
import type { Highlight, RunOutputs, RunRecord, SheetSpec, SourceAnnotation, WriteProgress } from '../workbook';
import { readRows } from './chunked-read';
import { inPlaceCells, rewriteInPlace, type InPlaceSheet } from './in-place-sheets';
import { removeHiddenSheet } from './remove-sheet';
import { mergedCellsError, queueProtectionCheck } from './write-blockers';
import { annotationRulesInSlices, codeColumnRules, deriveHighlightRules, type FormulaRule } from './highlight-rules';
import { jsonRowBytes, OPERATION_BYTES } from './payload';
import { EMPTY_LAYOUT, finishStateRead, flipBytes, keepsSharedParts, layoutAfter, layoutOf, planFinalWrite, planStateWrite, queueFlip, queueParts, queueNewRowsClear, queueStaleClear, queueStateRead, queueUndo, type StateLayout, type StateWrite } from './state-sheet';
import { findRuleFormats, incompleteKey, storedRuleKey } from './rule-formats';
import {
  CODE_COLUMN_START,
  codeColumnsOf,
  decodeStateInSlices,
  encodeStateInSlices,
  OLD_PREFIX,
  pendingSheetsOf,
  rulesOf,
  STATE_COLUMNS,
  STATE_SHEET,
  statusCellsOf,
  statusSpan,
  TEMP_PREFIX,
  type StatusCells,
  type StoredRule,
  type StoredState,
} from './run-state';
import { emptyMemory } from '../layout/recon-state';
import { queueFrozenRows, queueSheet, sheetCells, type SheetWriteSettings } from './sheet-writer';
import { queueDateSystemProbe, specFor1904 } from './date-system-1904';
import { StatusColumnSurvey, SURVEY_COLUMNS, SurveyNeeded } from './status-survey';
import { errorCode, SyncBatcher, throwIfAborted } from './sync-batcher';
import { PageSlicer } from './page-slices';
import { toExcelInput, type ExcelInput } from './text-safety';

export interface WriteSettings {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerChunk: number;
  rangeAreas: boolean;
  /** ExcelApi 1.9: print setup (worksheet.pageLayout). */
  pageLayout?: boolean;
  /** ExcelApi 1.13: merged areas can be asked for (status-survey.ts). */
  mergedAreas?: boolean;
  /** ExcelApi 1.12: Range.hasSpill (status-survey.ts). */
  spills?: boolean;
}

type Visibility = Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden';

interface SheetInfo {
  name: string;
  id: string;
  visibility: Visibility;
}

interface TableInfo {
  name: string;
  id: string;
  sheet: string;
}

interface SheetPlan {
  spec: SheetSpec;
  temp: string;
  tempTable?: string;
  proxy?: WorksheetApi;
  table?: TableApi;
  /** Set when the previous run's sheet of this name is written over in place (phase 4). */
  inPlace?: InPlaceSheet;
}

interface AnnotationPlan {
  annotation: SourceAnnotation;
  /** The rows and columns the rules apply to (layout's highlightRect); null: nothing to colour. */
  area: CellRect | null;
  rules: FormulaRule[];
  /** 1-based state-sheet column of highlight codes, when the labels alone cannot key the rules. */
  codeColumn?: number;
}

interface Backup {
  /** Index of the annotation whose status cells cover these rows. */
  annotation: number;
  sheet: string;
  column: number;
  /** 1-based first row. */
  top: number;
  values: CellValue[];
}

interface Inspection {
  sheets: SheetInfo[];
  plan: WritePlan;
  previous: StoredState | null;
  /** The previous run's sheets this run does not write (deleted in the clean-up). */
  retiredSheets: SheetInfo[];
  previousTables: TableInfo[];
  oldState?: SheetInfo;
  /** Where the state sheet's live parts are (state-sheet.ts): the new parts go beside them. */
  oldLayout: StateLayout;
  /** Formats found per rule key (previous, new and half-made) before this run added any. */
  ruleCounts: Map<string, number>;
  backups: Backup[];
}

const MAX_CLEANUP_ATTEMPTS = 3;

/** Excel's limit of characters in one cell (Excel specifications and limits). */
const MAX_CELL_CHARACTERS = 32_767;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, '0');
}

function isRecons(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(TEMP_PREFIX) || lower.startsWith(OLD_PREFIX);
}

/**
 * Checks a run's outputs before touching the workbook; messages say what to change. The shared
 * checks (layout/write-plan) first, then what Excel or this host adds. Every cell is looked at, so
 * the pane's thread pauses between slices (page-slices.ts: a 100k run's sheets are a million cells).
 */
export async function validateOutputs(outputs: RunOutputs, slicer: PageSlicer = new PageSlicer()): Promise<void> {
  checkOutputs(outputs);
  for (const spec of outputs.sheets) {
    const n = spec.name;
    if (sameName(n, STATE_SHEET) || isRecons(n) || sameName(n, 'History')) {
      throw new Error(`"${n}" is a name Excel or Recon reserves; choose another sheet name.`);
    }
    if (spec.values.length > MAX_ROWS) {
      throw new Error(`Sheet "${n}" is larger than an Excel sheet (1,048,576 rows × 16,384 columns).`);
    }
    for (let r = 0; r < spec.values.length; r++) {
      const row = spec.values[r];
      if (row.length > MAX_COLUMNS) throw new Error(`Sheet "${n}" is larger than an Excel sheet (1,048,576 rows × 16,384 columns).`);
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
          throw new Error(`Sheet "${n}", row ${r + 1}, column ${columnLetter(c + 1)}: ${value.length} characters of text, more than Excel's 32,767 a cell can hold.`);
        }
      }
      if ((r & 255) === 255 && slicer.due()) await slicer.pause();
    }
    if (spec.table && !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(spec.table.name)) {
      throw new Error(`"${spec.table.name}" cannot be a table name: start with a letter or _, then letters, digits, _ or . only.`);
    }
  }
  for (const a of outputs.annotations) {
    const labels = [a.statusHeader, ...a.labels];
    for (let long = 0; long < labels.length; long++) {
      if (labels[long].length > MAX_CELL_CHARACTERS) throw new Error(`The status label for row ${a.firstRow + long} of ${a.rangeAddress} is longer than Excel's 32,767 characters a cell can hold.`);
      if ((long & 1023) === 1023 && slicer.due()) await slicer.pause();
    }
    if (a.firstRow < 0 || a.lastRow < a.firstRow || a.lastRow > MAX_ROWS || a.statusColumn < 1 || a.statusColumn > MAX_COLUMNS) {
      throw new Error(`The status column for ${a.rangeAddress} is outside the sheet (column ${a.statusColumn}, rows ${a.firstRow}–${a.lastRow}).`);
    }
  }
}

/** Parts of `cells` not covered by any of `by` (same sheet and column). */
export function uncovered(cells: StatusCells, by: StatusCells[]): StatusCells[] {
  const column = { top: cells.firstRow, bottom: cells.lastRow, left: cells.column, right: cells.column };
  return rectsOutside(column, statusCellsOn(by, cells.sheet)).map((r) => ({ sheet: cells.sheet, column: cells.column, firstRow: r.top, lastRow: r.bottom }));
}

export class RunWriter {
  private readonly token = randomToken();
  private readonly batcher: SyncBatcher;
  private readonly plans: SheetPlan[];
  private annotations: AnnotationPlan[] = [];
  /** The state sheet: the existing `_recon_state`, or the one this run creates on a first run. */
  private stateSheet?: WorksheetApi;
  /** The new state's write (its parts in prepare, its flip at the switch-over), state-sheet.ts. */
  private stateWrite?: StateWrite;
  /** The final state's write, planned by the clean-up. */
  private finalWrite?: StateWrite;
  /** The final state keeps the parts it shares with the switch-over's (a large state, state-sheet.ts). */
  private keepSharedParts = false;
  /** The state the clean-up writes last, encoded only then. */
  private finalStateOf?: StoredState;
  /** Pauses between slices of the pane's thread while preparing (page-slices.ts). */
  private readonly slicer = new PageSlicer();
  /** 1-based code columns this run writes on the state sheet. */
  private codeColumns: number[] = [];
  /** The sheets this run created; their ids are known once the adding sync succeeded. */
  private createdSheets: WorksheetApi[] = [];
  private statusStarted = new Set<number>();
  /** The annotation whose status labels the pending syncs carry, when they go in syncs of their own. */
  private writingStatus?: number;
  private codesStarted = false;
  private switchAttempted = false;
  private done = 0;
  private readonly total: number;
  /** The annotations as planned (status columns moved past the user's values), set by inspect(). */
  private planned: SourceAnnotation[] = [];
  private newStatus: StatusCells[] = [];

  constructor(
    private readonly context: ExcelContextApi,
    private readonly outputs: RunOutputs,
    private readonly settings: WriteSettings,
    private readonly onProgress?: WriteProgress,
    private readonly signal?: AbortSignal,
  ) {
    this.batcher = new SyncBatcher(context, settings.maxRequestBytes, signal, (work) => this.progress(work));
    this.plans = outputs.sheets.map((spec, i) => ({
      spec,
      temp: `${TEMP_PREFIX}${this.token}_${i + 1}`,
      tempTable: spec.table ? `${TEMP_PREFIX}${this.token}_t${i + 1}` : undefined,
    }));
    this.total =
      outputs.sheets.reduce((n, s) => n + sheetCells(s), 0) + outputs.annotations.reduce((n, a) => n + a.labels.length * 2 + 1, 0) + 1;
  }

  /** How the sheet writer writes every output sheet (new or written over in place). */
  private get sheetSettings(): SheetWriteSettings {
    const { settings } = this;
    return {
      chunkBytes: Math.floor(settings.maxRequestBytes / 4),
      maxCellsPerChunk: settings.maxCellsPerChunk,
      rangeAreas: settings.rangeAreas,
      pageLayout: settings.pageLayout,
      slicer: this.slicer,
    };
  }

  /** The sheets written in place, known once inspect() has run. */
  private get inPlace(): InPlaceSheet[] {
    return this.plans.flatMap((p) => (p.inPlace ? [p.inPlace] : []));
  }

  /** The sheets built under temporary names and renamed into place. */
  private get fresh(): SheetPlan[] {
    return this.plans.filter((p) => !p.inPlace);
  }

  private progress(work: number): void {
    this.done = Math.min(this.total - 1, this.done + work);
    this.onProgress?.(this.done, this.total);
  }

  async write(): Promise<void> {
    const inspection = await this.inspect();
    try {
      await this.prepare(inspection);
      throwIfAborted(this.signal);
      this.switchAttempted = true;
      await this.switchOver(inspection);
    } catch (error) {
      try {
        await this.rollback(inspection);
      } catch (rollbackError) {
        const message = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
        (error as Error).message += ` (Undoing the partial write also failed: ${message}. The next run removes sheets named ${TEMP_PREFIX}…)`;
      }
      // Without ExcelApi 1.13 merged cells cannot be found beforehand: Excel's refusal of a
      // status label write is their sign (the labels go only where no value is).
      if (this.writingStatus !== undefined && errorCode(error) === 'InvalidOperation') {
        throw mergedCellsError(this.planned[this.writingStatus], error);
      }
      throw error;
    }
    await rewriteInPlace(this.context, this.inPlace, this.settings.maxRequestBytes, this.sheetSettings);
    this.progress(inPlaceCells(this.inPlace));
    await this.freezeHeaders();
    await this.cleanUp(inspection);
    this.onProgress?.(this.total, this.total);
  }

  // ------------------------------------------------------------------------------------------
  // 1. Inspect

  private async inspect(): Promise<Inspection> {
    const { context, outputs } = this;
    throwIfAborted(this.signal);
    const sheetList = context.workbook.worksheets.load('items/name,items/id,items/visibility');
    const tableList = context.workbook.tables.load('items/name,items/id,items/worksheet/name');
    // Defined names share the table names' namespace: Excel refuses a table named like one.
    const nameList = context.workbook.names.load('items/name');
    const dateSystem = queueDateSystemProbe(context.workbook);
    await context.sync();
    // A 1904 workbook reads every stored number as 1904-based: Recon's dates go in its count.
    if (dateSystem.is1904()) for (const p of this.plans) p.spec = specFor1904(p.spec);
    for (const p of this.plans) {
      const clash = p.spec.table && nameList.items.find((n) => sameName(n.name, p.spec.table!.name));
      if (clash) {
        throw new Error(`The workbook already has a name "${clash.name}" (Formulas > Name Manager), which an Excel table cannot share. Rename or delete that name, then run again.`);
      }
    }
    const sheets: SheetInfo[] = sheetList.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }));
    const tables: TableInfo[] = tableList.items.map((t) => ({ name: t.name, id: t.id, sheet: t.worksheet.name }));
    const find = (name: string) => sheets.find((s) => sameName(s.name, name));

    // One sync: the previous run's state and the candidate status columns' used ranges.
    const oldState = find(STATE_SHEET);
    // A large state's further rows are read in chunked syncs right after this one (state-sheet.ts).
    const stateRead = oldState ? queueStateRead(context.workbook.worksheets.getItem(STATE_SHEET), this.settings.maxResponseBytes) : undefined;
    const survey = new StatusColumnSurvey(context, outputs.annotations, { mergedAreas: this.settings.mergedAreas === true, spills: this.settings.spills === true });
    for (const a of outputs.annotations) {
      if (!find(a.sheet)) continue;
      survey.queue(a.sheet, a.statusColumn);
      survey.queueObstacles(a.sheet, tables);
    }
    // Protected sheets beside the user's rows and a protected structure stop the run here, before
    // anything is written (write-blockers.ts).
    const besideRows = queueProtectionCheck(
      context,
      outputs.annotations.filter((a) => find(a.sheet)).map((a) => find(a.sheet)!.name),
    );
    await context.sync();
    const oldStateRows = stateRead ? await finishStateRead(context, context.workbook.worksheets.getItem(STATE_SHEET), stateRead, this.settings) : [];
    const previous = oldStateRows.length > 0 ? await decodeStateInSlices(oldStateRows, this.slicer) : null;
    const record: RunRecord | null = previous?.record ?? null;
    const written = statusCellsOf(previous);
    survey.setReconCells(written);

    // The shared plan: names, sheets, status columns. Cells it asks about and were not read yet
    // are read (a sync per round; one round is usual, none beyond the sync above on a first run).
    const probe: WorkbookProbe = {
      sheetNames: sheets.map((s) => s.name).filter((n) => !sameName(n, STATE_SHEET) && !isRecons(n)),
      previous: record,
      isEmpty: (sheet, row, column) => survey.isEmpty(sheet, row, column),
    };
    let plan: WritePlan;
    for (let round = 1; ; round++) {
      try {
        plan = planRun(outputs, probe);
        break;
      } catch (error) {
        if (!(error instanceof SurveyNeeded) || round > MAX_COLUMNS) throw error;
        if (error.unread) survey.queue(error.sheet, error.column, SURVEY_COLUMNS);
        throwIfAborted(this.signal);
        await context.sync();
      }
    }
    this.planned = plan.annotations;
    this.newStatus = plan.record.statusColumns;

    // The previous run's sheets: written over in place when this run writes a sheet of that name,
    // else deleted in the clean-up. What is on a sheet to write over is measured (one sync).
    const previousSheets = [...(record?.sheets ?? []), ...pendingSheetsOf(previous)]
      .map(find)
      .filter((s, i, all): s is SheetInfo => s !== undefined && all.indexOf(s) === i);
    const previousSheetNames = new Set(previousSheets.map((s) => s.name.toLowerCase()));
    const extents = this.plans.map((p) =>
      previousSheetNames.has(p.spec.name.toLowerCase())
        ? context.workbook.worksheets.getItem(p.spec.name).getUsedRangeOrNullObject().load('rowIndex,columnIndex,rowCount,columnCount')
        : undefined,
    );
    const overwritten = queueProtectionCheck(
      context,
      this.plans.filter((_, i) => extents[i] !== undefined).map((p) => p.spec.name),
    );
    if (extents.some((e) => e !== undefined)) await context.sync();
    this.plans.forEach((p, i) => {
      const used = extents[i];
      if (!used) return;
      p.inPlace = used.isNullObject
        ? { spec: p.spec, usedRows: 0, usedColumns: 0 }
        : { spec: p.spec, usedRows: used.rowIndex + used.rowCount, usedColumns: used.columnIndex + used.columnCount };
    });
    const kept = new Set(this.inPlace.map((s) => s.spec.name.toLowerCase()));
    const retiredSheets = previousSheets.filter((s) => !kept.has(s.name.toLowerCase()));
    const structure = !oldState || retiredSheets.length > 0 || this.fresh.length > 0;
    besideRows.check(structure);
    if (extents.some((e) => e !== undefined)) overwritten.check(structure);

    // Tables are workbook-wide in Excel: the output's table name must not be a user's table.
    const previousTables = tables.filter((t) => previousSheetNames.has(t.sheet.toLowerCase()));
    for (const p of this.plans) {
      const table = p.spec.table;
      const tableClash = table && tables.find((t) => sameName(t.name, table.name) && !previousTables.includes(t));
      if (tableClash) {
        throw new Error(`The workbook already has a table named "${tableClash.name}" on sheet "${tableClash.sheet}". Rename that table, then run again.`);
      }
    }

    // The previous labels the new status cells cover, kept to put back if this run fails.
    const backups: Backup[] = [];
    this.planned.forEach((a, i) => {
      const mine = statusCellsOn(written, a.sheet).filter((s) => s.column === a.statusColumn);
      for (const s of mine) {
        const top = Math.max(s.firstRow, a.firstRow, 1);
        const bottom = Math.min(s.lastRow, a.lastRow);
        if (top <= bottom && !backups.some((b) => b.annotation === i && b.top <= top && b.top + b.values.length > bottom)) {
          backups.push({ annotation: i, sheet: a.sheet, column: a.statusColumn, top, values: new Array(bottom - top + 1) });
        }
      }
    });
    for (const backup of backups) {
      const sheet = context.workbook.worksheets.getItem(backup.sheet);
      const values = await readRows(context, sheet, { top0: backup.top - 1, left0: backup.column - 1, rows: backup.values.length, columns: 1 }, this.settings);
      backup.values = values.map((r) => r[0]);
    }

    // Highlight rules already there, by key, before this run adds any.
    await this.planAnnotations(codeColumnsOf(previous));
    const newRules = this.storedRules();
    const keys = this.ruleKeys([...rulesOf(previous), ...newRules], newRules);
    const ruleSheets = [...new Set([...rulesOf(previous), ...newRules].map((r) => r.sheet))].filter((name) => find(name));
    const found = await findRuleFormats(context, ruleSheets, keys);
    const ruleCounts = new Map<string, number>();
    for (const [key, list] of found) ruleCounts.set(key, list.length);

    return { sheets, plan, previous, retiredSheets, previousTables, oldState, oldLayout: layoutOf(oldStateRows), ruleCounts, backups };
  }

  /** Keys of `rules`, plus the half-made-format keys of the ranges `ranges` apply to. */
  private ruleKeys(rules: StoredRule[], ranges: StoredRule[]): Set<string> {
    return new Set([...rules.map(storedRuleKey), ...ranges.map((r) => incompleteKey(r.sheet, r.range))]);
  }

  // ------------------------------------------------------------------------------------------
  // 2. Prepare

  /**
   * The conditional formats per annotation: over the layout's highlight area, keyed on the status
   * cell of its first row; the layout's rules when they tell the rows apart, else rules derived
   * from the labels, else rules on a hidden code column.
   */
  private async planAnnotations(taken: number[]): Promise<void> {
    // Code columns the previous run's rules may still read until the clean-up are left alone.
    let nextCode = CODE_COLUMN_START;
    const claim = (): number => {
      while (taken.includes(nextCode)) nextCode++;
      this.codeColumns.push(nextCode);
      return nextCode++;
    };
    this.annotations = [];
    for (const annotation of this.planned) {
      // Each side's rules are checked against its 100,000 labels, in slices of the pane's thread.
      await this.slicer.pause();
      this.annotations.push(await this.planAnnotation(annotation, claim));
    }
  }

  private async planAnnotation(annotation: SourceAnnotation, claim: () => number): Promise<AnnotationPlan> {
    const area = annotation.labels.length > 0 ? highlightRect(annotation) : null;
    if (!area) return { annotation, area: null, rules: [] };
    const ref = `$${columnLetter(annotation.statusColumn)}${area.top}`;
    let rules = (await annotationRulesInSlices(annotation, ref, this.slicer)) ?? deriveHighlightRules(annotation.labels, annotation.highlights, ref);
    let codeColumn: number | undefined;
    if (rules === null) {
      codeColumn = claim();
      const present = [...new Set(annotation.highlights.filter((h): h is Highlight => h !== null))];
      rules = codeColumnRules(present, `'${STATE_SHEET}'!$${columnLetter(codeColumn)}${area.top}`);
    }
    return { annotation, area, rules, codeColumn };
  }

  private storedRules(): StoredRule[] {
    return this.annotations.flatMap((p) =>
      p.area === null
        ? []
        : p.rules.map((r) => ({ sheet: p.annotation.sheet, range: rectAddress(p.area!), formula: r.formula, fill: HIGHLIGHT_COLOURS[r.highlight] })),
    );
  }

  private async prepare(inspection: Inspection): Promise<void> {
    const { context, batcher, sheetSettings } = this;

    for (const plan of this.fresh) {
      await batcher.add(OPERATION_BYTES * 3, () => {
        plan.proxy = context.workbook.worksheets.add(plan.temp);
        plan.proxy.visibility = 'Hidden';
        plan.proxy.load('id');
        this.createdSheets.push(plan.proxy);
      });
      plan.table = await queueSheet(batcher, plan.proxy!, plan.spec, sheetSettings, plan.tempTable);
    }

    // The new state: the record, the rules to find later, what is left to clean up. Written over
    // the old state at the switch-over; the state sheet itself is made only on a first run.
    const record: RunRecord = inspection.plan.record;
    const office = {
      rules: this.storedRules(),
      tables: this.plans.flatMap((p) => (p.spec.table ? [p.spec.table.name] : [])),
      ...(this.codeColumns.length > 0 ? { codeColumns: this.codeColumns } : {}),
    };
    const pending = {
      rules: rulesOf(inspection.previous),
      statusCells: statusCellsOf(inspection.previous).flatMap((s) => uncovered(s, this.newStatus)),
      sheets: inspection.retiredSheets.map((s) => s.name),
      codeColumns: codeColumnsOf(inspection.previous),
    };
    const memory = this.outputs.memory ?? inspection.previous?.memory ?? emptyMemory();
    // Written in slices of the pane's thread (about 10 MB of JSON at 100k rows); the final state
    // (without the pending list) only when the clean-up writes it.
    const newState = await encodeStateInSlices({ record, office: { ...office, pending }, memory }, this.slicer);
    this.finalStateOf = { record, office, memory };
    if (inspection.oldState) {
      this.stateSheet = context.workbook.worksheets.getItem(STATE_SHEET);
    } else {
      await batcher.add(OPERATION_BYTES * 4, () => {
        const sheet = context.workbook.worksheets.add(STATE_SHEET);
        sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
        sheet.load('id');
        this.stateSheet = sheet;
        this.createdSheets.push(sheet);
      });
    }
    // Its parts beside the live ones, their numbers blank: every reader still sees the old state
    // until the switch-over's flip (state-sheet.ts). About 10 MB at 100k rows: chunked syncs.
    // A small state keeps room at the top for the final state, which the clean-up puts from row 2;
    // a large one's final state keeps the parts the two share where they are.
    this.keepSharedParts = keepsSharedParts(newState, this.settings.maxRequestBytes);
    this.stateWrite = planStateWrite(inspection.oldState ? inspection.oldLayout : EMPTY_LAYOUT, newState, this.keepSharedParts ? 0 : newState.length - 1);
    await queueParts(batcher, this.stateSheet!, this.stateWrite, Math.floor(this.settings.maxRequestBytes / 4), this.settings.maxCellsPerChunk, this.slicer);
    for (const plan of this.annotations) {
      if (plan.codeColumn === undefined) continue;
      const { highlights } = plan.annotation;
      this.codesStarted = true;
      await this.queueColumn(this.stateSheet!, plan.annotation.firstRow, plan.codeColumn - 1, highlights.length, (i) => highlights[i] ?? '', true);
    }

    // Status labels beside the user's rows (cells checked empty or Recon's own); with no header
    // row above the data (firstRow 0) the labels start at row 1.
    // Where merged cells could not be looked for (before ExcelApi 1.13), each annotation's labels
    // go in syncs of their own, so a refusal names its sheet and column.
    const ownSyncs = this.settings.mergedAreas !== true;
    for (const [i, a] of this.planned.entries()) {
      const sheet = context.workbook.worksheets.getItem(a.sheet);
      const header = a.firstRow >= 1 ? 1 : 0;
      const cellAt = (i: number): CellValue => (i < header ? a.statusHeader : a.labels[i - header]);
      if (ownSyncs) await batcher.flush();
      this.statusStarted.add(i);
      if (ownSyncs) this.writingStatus = i;
      await this.queueColumn(sheet, statusSpan(a).row0, a.statusColumn - 1, header + a.labels.length, cellAt, false);
      if (ownSyncs) await batcher.flush();
      this.writingStatus = undefined;
    }
    await batcher.flush();
  }

  /** Writes one column of values from 0-based `row0`, chunked under the request budget. */
  private async queueColumn(
    sheet: WorksheetApi,
    row0: number,
    column0: number,
    length: number,
    cellAt: (i: number) => CellValue,
    verbatim: boolean,
    batcher = this.batcher,
  ): Promise<void> {
    // The chunks chunkRows would make, built row by row with pauses between slices of the pane's thread.
    const chunkBytes = Math.floor(this.settings.maxRequestBytes / 4);
    const queueChunk = (start: number, rows: ExcelInput[][], bytes: number) =>
      batcher.add(
        OPERATION_BYTES * 2 + bytes,
        () => {
          sheet.getRangeByIndexes(row0 + start, column0, rows.length, 1).values = rows;
        },
        rows.length,
      );
    let start = 0;
    let rows: ExcelInput[][] = [];
    let bytes = 0;
    for (let i = 0; i < length; i++) {
      const row = [toExcelInput(cellAt(i), verbatim)];
      const b = jsonRowBytes(row) + 1;
      if (rows.length > 0 && (bytes + b > chunkBytes || rows.length + 1 > this.settings.maxCellsPerChunk)) {
        await queueChunk(start, rows, bytes);
        start = i;
        rows = [];
        bytes = 0;
      }
      rows.push(row);
      bytes += b;
      if (this.slicer.due()) await this.slicer.pause();
    }
    if (rows.length > 0) await queueChunk(start, rows, bytes);
  }


  // ------------------------------------------------------------------------------------------
  // 3. Switch-over: one sync, every step undoable.

  private async switchOver(inspection: Inspection): Promise<void> {
    const { context } = this;
    const sheets = context.workbook.worksheets;
    for (const plan of this.fresh) plan.proxy!.visibility = 'Visible';
    // The previous run's tables free their names (the new ones take them); no sheet is renamed.
    inspection.previousTables.forEach((t, i) => {
      context.workbook.tables.getItem(t.name).name = `${OLD_PREFIX}${this.token}_t${i + 1}`;
    });
    for (const plan of this.fresh) {
      plan.proxy!.name = plan.spec.name;
      if (plan.table && plan.spec.table) plan.table.name = plan.spec.table.name;
    }
    // The new state's numbers and header in one small write; its parts are there already.
    queueFlip(this.stateSheet!, this.stateWrite!);
    for (const plan of this.annotations) {
      const area = plan.area;
      if (area === null) continue;
      const range = sheets.getItem(plan.annotation.sheet).getRangeByIndexes(area.top - 1, area.left - 1, area.bottom - area.top + 1, rectColumns(area));
      // Excel adds each format at the top of the priority list: added last to first, they show
      // in the layout's order in Manage Rules (and win over the user's older rules on these cells).
      for (const rule of [...plan.rules].reverse()) {
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = rule.formula;
        cf.custom.format.fill.color = HIGHLIGHT_COLOURS[rule.highlight];
      }
    }
    await context.sync();
  }

  /**
   * Frozen header rows, once the output sheets are visible, in a sync of their own whose failure
   * is ignored: freezing panes throws on some Excel builds (office-js #1463, #2196), and a header
   * that does not stay on screen is no reason to take the results back.
   */
  private async freezeHeaders(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let queued = false;
      for (const plan of this.plans) {
        const sheet = plan.proxy ?? this.context.workbook.worksheets.getItem(plan.spec.name);
        if (queueFrozenRows(sheet, plan.spec)) queued = true;
      }
      if (!queued) return;
      try {
        await this.context.sync();
        return;
      } catch {
        // Once more for a dropped connection; a build that refuses keeps the results unfrozen.
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // 4. Clean up what earlier runs left; the new run is already in place.

  private async cleanUp(inspection: Inspection): Promise<void> {
    if (this.finalStateOf && this.stateWrite) {
      const rows = await encodeStateInSlices(this.finalStateOf, this.slicer);
      this.finalWrite = this.keepSharedParts ? planFinalWrite(this.stateWrite, rows) : planStateWrite(layoutAfter(this.stateWrite), rows);
    }
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_CLEANUP_ATTEMPTS; attempt++) {
      try {
        await this.cleanUpOnce(inspection);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw new Error(
      `The results were written, but removing the previous run's leftovers failed (${(lastError as Error).message}). The next run or "Clear results" finishes removing them.`,
    );
  }

  /** Removes what is still there; safe to repeat after a half-applied attempt. */
  private async cleanUpOnce(inspection: Inspection): Promise<void> {
    const { context } = this;
    const state = context.workbook.worksheets.getItem(STATE_SHEET);
    // The final state's parts, numbers blank (not live), with the sheet list's sync when they fit.
    const batcher = new SyncBatcher(context, this.settings.maxRequestBytes);
    let sheetList!: ReturnType<typeof context.workbook.worksheets.load>;
    await batcher.add(OPERATION_BYTES, () => {
      sheetList = context.workbook.worksheets.load('items/name');
    });
    const finalWrite = this.finalWrite;
    if (finalWrite) await queueParts(batcher, state, finalWrite, Math.floor(this.settings.maxRequestBytes / 4), this.settings.maxCellsPerChunk, this.slicer);
    await batcher.flush();
    const names = sheetList.items.map((s) => s.name);
    const exists = (name: string) => names.some((n) => sameName(n, name));

    // Earlier rules: as many as there are beyond the identical ones this run added.
    const earlier = rulesOf(inspection.previous);
    const added = new Map<string, number>();
    for (const r of this.storedRules()) added.set(storedRuleKey(r), (added.get(storedRuleKey(r)) ?? 0) + 1);
    const found = await findRuleFormats(context, [...new Set(earlier.map((r) => r.sheet))].filter(exists), new Set(earlier.map(storedRuleKey)));
    // Lists are in priority order and Excel puts new formats on top: keep this run's, the first ones.
    for (const [key, list] of found) for (const cf of list.slice(added.get(key) ?? 0)) cf.delete();

    for (const s of statusCellsOf(inspection.previous).flatMap((c) => uncovered(c, this.newStatus))) {
      const { row0, rows } = statusSpan(s);
      if (!exists(s.sheet) || rows === 0) continue;
      context.workbook.worksheets.getItem(s.sheet).getRangeByIndexes(row0, s.column - 1, rows, 1).clear('Contents');
    }
    // Sheets this run no longer writes (their references turn into #REF!, as for any deleted sheet).
    for (const s of inspection.retiredSheets) if (exists(s.name)) removeHiddenSheet(context.workbook.worksheets.getItem(s.name));
    for (const name of names.filter(isRecons)) removeHiddenSheet(context.workbook.worksheets.getItem(name));
    for (const column of codeColumnsOf(inspection.previous).filter((c) => !this.codeColumns.includes(c))) {
      state.getRangeByIndexes(0, column - 1, MAX_ROWS, 1).clear('Contents' as Excel.ClearApplyTo);
    }
    // Last: the state without its pending list (its flip). If anything above failed, the list
    // stays. Then the rows no longer live, the previous run's and the switch-over's, are cleared:
    // a batch runs in order, so a clear that ran means the flip ran.
    if (finalWrite) {
      queueFlip(state, finalWrite);
      queueStaleClear(state, finalWrite);
    }
    await context.sync();
  }

  // ------------------------------------------------------------------------------------------
  // Rollback: put back what is found changed.

  private async rollback(inspection: Inspection): Promise<void> {
    const { context } = this;
    const batcher = new SyncBatcher(context, this.settings.maxRequestBytes);
    const sheetList = context.workbook.worksheets.load('items/name,items/id,items/visibility');
    const tableList = context.workbook.tables.load('items/name,items/id');
    await context.sync();
    const createdIds = new Set<string>();
    for (const s of this.createdSheets) {
      try {
        createdIds.add(s.id);
      } catch {
        // Its sync failed: the id never arrived (the temporary name still finds it).
      }
    }
    const created = sheetList.items.filter(
      (s) => createdIds.has(s.id) || s.name.toLowerCase().startsWith(`${TEMP_PREFIX}${this.token}`) || (!inspection.oldState && sameName(s.name, STATE_SHEET)),
    );

    // Rules the switch-over added, whole or half-made: whatever is beyond the counts before.
    const extras: ConditionalFormatApi[] = [];
    if (this.switchAttempted) {
      const rules = this.storedRules();
      const found = await findRuleFormats(context, [...new Set(rules.map((r) => r.sheet))], this.ruleKeys(rules, rules));
      // Excel adds formats at the top of the priority list: this run's are the first of their key.
      for (const [key, list] of found) extras.push(...list.slice(0, Math.max(0, list.length - (inspection.ruleCounts.get(key) ?? 0))));
    }

    await batcher.add(OPERATION_BYTES * 4 * (created.length + inspection.previousTables.length + extras.length + 2), () => {
      for (const cf of extras) cf.delete();
      for (const s of created) removeHiddenSheet(s);
      const tablesById = new Map(tableList.items.map((t) => [t.id, t]));
      for (const original of inspection.previousTables) {
        const now = tablesById.get(original.id);
        if (now && now.name !== original.name) now.name = original.name;
      }
    });
    // Status cells: empty again where they were empty, earlier labels back where they were.
    for (const i of this.statusStarted) {
      const a = this.planned[i];
      const { row0, rows } = statusSpan(a);
      if (rows === 0) continue;
      await batcher.add(OPERATION_BYTES * 2, () => {
        context.workbook.worksheets.getItem(a.sheet).getRangeByIndexes(row0, a.statusColumn - 1, rows, 1).clear('Contents');
      });
    }
    for (const b of inspection.backups) {
      if (!this.statusStarted.has(b.annotation)) continue;
      await this.queueColumn(context.workbook.worksheets.getItem(b.sheet), b.top - 1, b.column - 1, b.values.length, (i) => b.values[i], false, batcher);
    }
    // The state sheet, when it was there before: the old state back, this run's code columns empty.
    if (inspection.oldState) {
      const state = context.workbook.worksheets.getItem(STATE_SHEET);
      const write = this.stateWrite;
      if (write) {
        // The numbers and header as they were (the old parts were never written over), then the
        // new parts' rows emptied: after the undo they are not live, so clearing them is harmless.
        await batcher.add(flipBytes(write), () => (this.switchAttempted ? queueUndo(state, write) : queueNewRowsClear(state, write)));
      }
      if (this.codesStarted) {
        for (const column of this.codeColumns) {
          await batcher.add(OPERATION_BYTES * 2, () => state.getRangeByIndexes(0, column - 1, MAX_ROWS, 1).clear('Contents' as Excel.ClearApplyTo));
        }
      }
    }
    await batcher.flush();
  }
}
