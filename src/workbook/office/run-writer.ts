/**
 * Writes one run's outputs all-or-nothing, in four phases inside one Excel.run:
 *   1. inspect (reads only): sheets, tables, the previous run's state, the candidate status cells,
 *      then the shared write plan (layout/write-plan: output names never take a user's sheet, a
 *      status column moves right past a user's value), the highlight rules already there, and
 *      the previous labels under the new status cells (kept to restore them);
 *   2. prepare (reversible): new output sheets and the new state sheet under temporary names,
 *      hidden; status labels beside the user's rows;
 *   3. switch-over, ONE sync (reversible): new sheets shown, the previous run's sheets, tables and
 *      state renamed away, the new ones renamed into place, highlight rules added;
 *   4. clean up (after the point of no return, idempotent, retried): the previous run's rules,
 *      status cells and sheets removed; its last operation drops the "pending" list from the new
 *      state, so if the connection fails here the next run or Clear results finishes the job.
 * Any failure or abort before phase 4 rolls back from what it finds: temporaries deleted (by
 * sheet id or temporary name), renamed sheets and tables given their names back, added or
 * half-made rules removed, status cells restored. Excel batches are not transactions, so the
 * rollback never assumes which operations of a failed batch ran.
 * Requires ExcelApi 1.7; uses 1.9 when present (RangeAreas for styles).
 */
import type { CellValue } from '../../engine/types';
import { HIGHLIGHT_COLOURS } from '../colours';
import { columnLetter, MAX_COLUMNS, MAX_ROWS, rectAddress, rectColumns, type CellRect } from '../layout/a1';
import { highlightRect } from '../layout/highlight-rules';
import { rectsOutside, statusCellsOn } from '../layout/status-cells';
import { checkOutputs, planRun, type WorkbookProbe, type WritePlan } from '../layout/write-plan';
import type { Highlight, RunOutputs, RunRecord, SheetSpec, SourceAnnotation, WriteProgress } from '../workbook';
import { readRows } from './chunked-read';
import { removeHiddenSheet } from './remove-sheet';
import { annotationRules, codeColumnRules, deriveHighlightRules, type FormulaRule } from './highlight-rules';
import { jsonRowBytes, OPERATION_BYTES } from './payload';
import { findRuleFormats, incompleteKey, storedRuleKey } from './rule-formats';
import {
  CODE_COLUMN_START,
  decodeState,
  encodeState,
  OLD_PREFIX,
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
import { chunkRows, queueFrozenRows, queueSheet, sheetCells } from './sheet-writer';
import { StatusColumnSurvey, SURVEY_COLUMNS, SurveyNeeded } from './status-survey';
import { SyncBatcher, throwIfAborted } from './sync-batcher';
import { toExcelInput } from './text-safety';

export interface WriteSettings {
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerChunk: number;
  rangeAreas: boolean;
  /** ExcelApi 1.9: print setup (worksheet.pageLayout). */
  pageLayout?: boolean;
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
  proxy?: Excel.Worksheet;
  table?: Excel.Table;
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
  previousSheets: SheetInfo[];
  previousTables: TableInfo[];
  oldState?: SheetInfo;
  /** Formats found per rule key (previous, new and half-made) before this run added any. */
  ruleCounts: Map<string, number>;
  backups: Backup[];
}

const MAX_CLEANUP_ATTEMPTS = 3;

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
 * checks (layout/write-plan) first, then what Excel or this host adds.
 */
export function validateOutputs(outputs: RunOutputs): void {
  checkOutputs(outputs);
  for (const spec of outputs.sheets) {
    const n = spec.name;
    if (sameName(n, STATE_SHEET) || isRecons(n) || sameName(n, 'History')) {
      throw new Error(`"${n}" is a name Excel or Recon reserves; choose another sheet name.`);
    }
    if (spec.values.length > MAX_ROWS || spec.values.some((r) => r.length > MAX_COLUMNS)) {
      throw new Error(`Sheet "${n}" is larger than an Excel sheet (1,048,576 rows × 16,384 columns).`);
    }
    if (spec.table && !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(spec.table.name)) {
      throw new Error(`"${spec.table.name}" cannot be a table name: start with a letter or _, then letters, digits, _ or . only.`);
    }
  }
  for (const a of outputs.annotations) {
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
  private stateTemp?: Excel.Worksheet;
  private finalState: string[][] = [];
  /** The sheets this run created; their ids are known once the adding sync succeeded. */
  private createdSheets: Excel.Worksheet[] = [];
  private statusStarted = new Set<number>();
  private switchAttempted = false;
  private done = 0;
  private readonly total: number;
  /** The annotations as planned (status columns moved past the user's values), set by inspect(). */
  private planned: SourceAnnotation[] = [];
  private newStatus: StatusCells[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
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
      throw error;
    }
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
    await context.sync();
    const sheets: SheetInfo[] = sheetList.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }));
    const tables: TableInfo[] = tableList.items.map((t) => ({ name: t.name, id: t.id, sheet: t.worksheet.name }));
    const find = (name: string) => sheets.find((s) => sameName(s.name, name));

    // One sync: the previous run's state and the candidate status columns' used ranges.
    const oldState = find(STATE_SHEET);
    const stateRange = oldState
      ? context.workbook.worksheets.getItem(STATE_SHEET).getRangeByIndexes(0, 0, MAX_ROWS, STATE_COLUMNS).getUsedRangeOrNullObject(true).load('values')
      : undefined;
    const survey = new StatusColumnSurvey(context, outputs.annotations);
    for (const a of outputs.annotations) if (find(a.sheet)) survey.queue(a.sheet, a.statusColumn);
    await context.sync();
    const previous = stateRange && !stateRange.isNullObject ? decodeState(stateRange.values) : null;
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

    // Tables are workbook-wide in Excel: the output's table name must not be a user's table.
    const previousSheets = (record?.sheets ?? []).map(find).filter((s): s is SheetInfo => s !== undefined);
    const previousSheetNames = new Set(previousSheets.map((s) => s.name.toLowerCase()));
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
    this.planAnnotations();
    const newRules = this.storedRules();
    const keys = this.ruleKeys([...rulesOf(previous), ...newRules], newRules);
    const ruleSheets = [...new Set([...rulesOf(previous), ...newRules].map((r) => r.sheet))].filter((name) => find(name));
    const found = await findRuleFormats(context, ruleSheets, keys);
    const ruleCounts = new Map<string, number>();
    for (const [key, list] of found) ruleCounts.set(key, list.length);

    return { sheets, plan, previous, previousSheets, previousTables, oldState, ruleCounts, backups };
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
  private planAnnotations(): void {
    let nextCode = CODE_COLUMN_START;
    this.annotations = this.planned.map((annotation) => {
      const area = annotation.labels.length > 0 ? highlightRect(annotation) : null;
      if (!area) return { annotation, area: null, rules: [] };
      const ref = `$${columnLetter(annotation.statusColumn)}${area.top}`;
      let rules = annotationRules(annotation, ref) ?? deriveHighlightRules(annotation.labels, annotation.highlights, ref);
      let codeColumn: number | undefined;
      if (rules === null) {
        codeColumn = nextCode++;
        const present = [...new Set(annotation.highlights.filter((h): h is Highlight => h !== null))];
        rules = codeColumnRules(present, `'${STATE_SHEET}'!$${columnLetter(codeColumn)}${area.top}`);
      }
      return { annotation, area, rules, codeColumn };
    });
  }

  private storedRules(): StoredRule[] {
    return this.annotations.flatMap((p) =>
      p.area === null
        ? []
        : p.rules.map((r) => ({ sheet: p.annotation.sheet, range: rectAddress(p.area!), formula: r.formula, fill: HIGHLIGHT_COLOURS[r.highlight] })),
    );
  }

  private async prepare(inspection: Inspection): Promise<void> {
    const { context, batcher, settings } = this;
    const sheetSettings = { chunkBytes: Math.floor(settings.maxRequestBytes / 4), maxCellsPerChunk: settings.maxCellsPerChunk, rangeAreas: settings.rangeAreas, pageLayout: settings.pageLayout };

    for (const plan of this.plans) {
      await batcher.add(OPERATION_BYTES * 3, () => {
        plan.proxy = context.workbook.worksheets.add(plan.temp);
        plan.proxy.visibility = 'Hidden';
        plan.proxy.load('id');
        this.createdSheets.push(plan.proxy);
      });
      plan.table = await queueSheet(batcher, plan.proxy!, plan.spec, sheetSettings, plan.tempTable);
    }

    // The new state sheet: the record, the rules to find later, what is left to clean up.
    const record: RunRecord = inspection.plan.record;
    const office = { rules: this.storedRules(), tables: this.plans.flatMap((p) => (p.spec.table ? [p.spec.table.name] : [])) };
    const pending = {
      rules: rulesOf(inspection.previous),
      statusCells: statusCellsOf(inspection.previous).flatMap((s) => uncovered(s, this.newStatus)),
    };
    const memory = this.outputs.memory ?? inspection.previous?.memory ?? emptyMemory();
    const withPending = encodeState({ record, office: { ...office, pending }, memory });
    this.finalState = encodeState({ record, office, memory });
    await batcher.add(OPERATION_BYTES * 6 + withPending.reduce((n, r) => n + jsonRowBytes(r), 0), () => {
      const sheet = context.workbook.worksheets.add(`${TEMP_PREFIX}${this.token}_s`);
      sheet.visibility = 'VeryHidden';
      sheet.load('id');
      this.stateTemp = sheet;
      this.createdSheets.push(sheet);
      const range = sheet.getRangeByIndexes(0, 0, withPending.length, STATE_COLUMNS);
      range.numberFormat = '@' as unknown as string[][];
      range.values = withPending;
    });
    for (const plan of this.annotations) {
      if (plan.codeColumn === undefined) continue;
      const codes = plan.annotation.highlights.map((h) => [h ?? '']);
      await this.queueColumn(this.stateTemp!, plan.annotation.firstRow, plan.codeColumn - 1, codes, true);
    }

    // Status labels beside the user's rows (cells checked empty or Recon's own); with no header
    // row above the data (firstRow 0) the labels start at row 1.
    for (const [i, a] of this.planned.entries()) {
      const sheet = context.workbook.worksheets.getItem(a.sheet);
      const column = [...(a.firstRow >= 1 ? [[a.statusHeader]] : []), ...a.labels.map((l) => [l])];
      this.statusStarted.add(i);
      await this.queueColumn(sheet, statusSpan(a).row0, a.statusColumn - 1, column, false);
    }
    await batcher.flush();
  }

  /** Writes one column of values from 0-based `row0`, chunked under the request budget. */
  private async queueColumn(sheet: Excel.Worksheet, row0: number, column0: number, values: CellValue[][], verbatim: boolean, batcher = this.batcher): Promise<void> {
    const input = values.map((r) => [toExcelInput(r[0], verbatim)]);
    for (const chunk of chunkRows(input, Math.floor(this.settings.maxRequestBytes / 4), this.settings.maxCellsPerChunk)) {
      await batcher.add(
        OPERATION_BYTES * 2 + chunk.bytes,
        () => {
          sheet.getRangeByIndexes(row0 + chunk.start, column0, chunk.rows.length, 1).values = chunk.rows;
        },
        chunk.rows.length,
      );
    }
  }

  // ------------------------------------------------------------------------------------------
  // 3. Switch-over: one sync, every step undoable.

  private async switchOver(inspection: Inspection): Promise<void> {
    const { context } = this;
    const sheets = context.workbook.worksheets;
    for (const plan of this.plans) plan.proxy!.visibility = 'Visible';
    // Renamed away, not hidden: the user may be looking at one (hiding the active sheet is not
    // something to rely on), and it is deleted a moment later.
    inspection.previousSheets.forEach((s, i) => {
      sheets.getItem(s.name).name = `${OLD_PREFIX}${this.token}_${i + 1}`;
    });
    inspection.previousTables.forEach((t, i) => {
      context.workbook.tables.getItem(t.name).name = `${OLD_PREFIX}${this.token}_t${i + 1}`;
    });
    if (inspection.oldState) sheets.getItem(STATE_SHEET).name = `${OLD_PREFIX}${this.token}_s`;
    for (const plan of this.plans) {
      plan.proxy!.name = plan.spec.name;
      if (plan.table && plan.spec.table) plan.table.name = plan.spec.table.name;
    }
    this.stateTemp!.name = STATE_SHEET;
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
      for (const plan of this.plans) if (plan.proxy && queueFrozenRows(plan.proxy, plan.spec)) queued = true;
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
    const sheetList = context.workbook.worksheets.load('items/name');
    await context.sync();
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
    for (const name of names.filter(isRecons)) removeHiddenSheet(context.workbook.worksheets.getItem(name));
    // Last: the state without its pending list. If anything above failed, the list stays.
    context.workbook.worksheets.getItem(STATE_SHEET).getRangeByIndexes(0, 0, this.finalState.length, STATE_COLUMNS).values = this.finalState;
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
    const created = sheetList.items.filter((s) => createdIds.has(s.id) || s.name.toLowerCase().startsWith(`${TEMP_PREFIX}${this.token}`));

    // Rules the switch-over added, whole or half-made: whatever is beyond the counts before.
    const extras: Excel.ConditionalFormat[] = [];
    if (this.switchAttempted) {
      const rules = this.storedRules();
      const found = await findRuleFormats(context, [...new Set(rules.map((r) => r.sheet))], this.ruleKeys(rules, rules));
      // Excel adds formats at the top of the priority list: this run's are the first of their key.
      for (const [key, list] of found) extras.push(...list.slice(0, Math.max(0, list.length - (inspection.ruleCounts.get(key) ?? 0))));
    }

    await batcher.add(OPERATION_BYTES * 4 * (created.length + inspection.previousSheets.length + extras.length + 2), () => {
      for (const cf of extras) cf.delete();
      for (const s of created) removeHiddenSheet(s);
      const byId = new Map(sheetList.items.map((s) => [s.id, s]));
      for (const original of [...inspection.previousSheets, ...(inspection.oldState ? [inspection.oldState] : [])]) {
        const now = byId.get(original.id);
        if (!now) continue;
        if (now.name !== original.name) now.name = original.name;
        if (now.visibility !== original.visibility) now.visibility = original.visibility;
      }
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
      await this.queueColumn(context.workbook.worksheets.getItem(b.sheet), b.top - 1, b.column - 1, b.values.map((v) => [v]), false, batcher);
    }
    await batcher.flush();
  }
}
