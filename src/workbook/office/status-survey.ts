/**
 * Answers the shared write plan's question "is this cell empty?" (layout/write-plan, which moves a
 * status column right until it lands on no user value) for the cells where status labels may go,
 * from Excel's used ranges instead of cell values: a column segment's used range (values only) is
 * null when the segment is empty and otherwise bounds every value in it, whatever its size.
 *   - Recon's own status cells (the previous run's, or left pending by it) are free to write over.
 *   - "Empty" answers are exact. A cell inside a used range that holds no Recon label counts as
 *     taken: the column moves right rather than risk a user's value.
 *   - A used range that mixes Recon's labels with other values is read again in parts around
 *     Recon's cells, so a re-run is never pushed right by its own labels.
 * The first loads ride on the writer's inspection sync (the candidate columns), which settles the
 * plan in the usual cases: empty columns on a first run, Recon's own labels on a re-run. When the
 * plan asks about a column not read yet, or a used range needs reading in parts, `SurveyNeeded`
 * stops it; the writer syncs what was queued (columns 8 at a time) and plans again.
 * Cells a value in which would harm something of the user's count as taken too (issue 9 #7):
 *   - a merged area's cells (Excel refuses to write part of one), asked for with
 *     getMergedAreasOrNullObject where ExcelApi 1.13 is there, over rows from 1 and columns from
 *     A (it finds only areas whose top-left cell is in the range, office-js #3611);
 *   - a spilled dynamic array's cells (writing there turns the user's formula into #SPILL!),
 *     asked for with Range.hasSpill where ExcelApi 1.12 is there, so the answer does not depend on
 *     whether a used range counts spilled cells;
 *   - a user's table, the column right of it and the row below it (a value there makes the table
 *     take the cell in: AutoCorrect's "Include new rows and columns in table").
 * Requires ExcelApi 1.7 (getRangeByIndexes) and 1.4 (getUsedRangeOrNullObject).
 */
import type { RangeApi, RangeAreasApi, ExcelContextApi } from './excel-api';
import { MAX_COLUMNS, parseAddress, type CellRect } from '../layout/a1';
import { isStatusCell, rectsOutside, statusCellsOn, type StatusCells } from '../layout/status-cells';
import type { SourceAnnotation } from '../workbook';

/** Columns read at once when the plan looks further right than has been read. */
export const SURVEY_COLUMNS = 8;

/** The plan needs cells not read yet; `unread`: the column was never read (else a part is queued). */
export class SurveyNeeded extends Error {
  override name = 'SurveyNeeded';
  constructor(
    readonly sheet: string,
    readonly column: number,
    readonly unread: boolean,
  ) {
    super(`Status cells of column ${column} on "${sheet}" are still to be read.`);
  }
}

/** Rows top..bottom (1-based) of one column, the used range Excel found there, and its spills. */
interface Part {
  top: number;
  bottom: number;
  used: RangeApi;
  /** Loaded `hasSpill` (ExcelApi 1.12), when the host has it. */
  spill?: RangeApi;
}

/** Requirement sets the survey may use beyond 1.7 (Office.context.requirements). */
export interface SurveyFeatures {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.12: Range.hasSpill. */
  spills: boolean;
}

/** A user's table, by name, and the sheet it is on. */
export interface UserTable {
  name: string;
  sheet: string;
}

/** What was queued to find a sheet's obstacles: its merged areas and its tables' ranges. */
interface Obstacles {
  merged?: RangeAreasApi;
  tables: RangeApi[];
  /** 1-based rectangles no status label may go in; known after the sync. */
  rects?: CellRect[];
}

/** Splits a RangeAreas address ("S!A1:B2,S!D4" or "'My sheet'!A1, 'My sheet'!C3") into its areas. */
export function areaAddresses(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

const NO_PARTS: readonly Part[] = [];

type Answer = 'empty' | 'taken' | 'refine';

const keyOf = (sheet: string, column: number) => `${sheet.toLocaleUpperCase()}\u0000${column}`;

export class StatusColumnSurvey {
  private readonly parts = new Map<string, Part[]>();
  private readonly requested = new Set<string>();
  private recon: StatusCells[] = [];
  private readonly obstacles = new Map<string, Obstacles>();

  constructor(
    private readonly context: ExcelContextApi,
    private readonly annotations: SourceAnnotation[],
    private readonly features: SurveyFeatures = { mergedAreas: false, spills: false },
  ) {}

  /**
   * Queues the reads of what a status label must not touch on `sheet`: merged areas (ExcelApi
   * 1.13) over the rows down to the last annotated one, and the ranges of the user's tables there.
   */
  queueObstacles(sheet: string, tables: UserTable[]): void {
    const key = sheet.toLocaleUpperCase();
    if (this.obstacles.has(key)) return;
    const lastRow = Math.max(1, ...this.annotations.filter((a) => a.sheet.toLocaleUpperCase() === key).map((a) => a.lastRow + 1));
    const worksheet = this.context.workbook.worksheets.getItem(sheet);
    const merged = this.features.mergedAreas
      ? worksheet.getRangeByIndexes(0, 0, lastRow, MAX_COLUMNS).getMergedAreasOrNullObject().load('address')
      : undefined;
    const ranges = tables
      .filter((t) => t.sheet.toLocaleUpperCase() === key)
      .map((t) => this.context.workbook.tables.getItem(t.name).getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
    this.obstacles.set(key, { merged, tables: ranges });
    this.facts = undefined;
  }

  /** The rectangles of `sheet` no status label may go in (after the sync that read them). */
  private blockedOn(sheet: string): CellRect[] {
    const found = this.obstacles.get(sheet.toLocaleUpperCase());
    if (!found) return [];
    if (!found.rects) {
      const rects: CellRect[] = [];
      if (found.merged && !found.merged.isNullObject) {
        for (const address of areaAddresses(found.merged.address)) {
          const { rect } = parseAddress(address);
          if (rect) rects.push(rect);
        }
      }
      for (const t of found.tables) {
        const table = { top: t.rowIndex + 1, left: t.columnIndex + 1, bottom: t.rowIndex + t.rowCount, right: t.columnIndex + t.columnCount };
        // The table itself, the column right of it, the row below it.
        rects.push({ ...table, right: table.right + 1 }, { ...table, top: table.bottom + 1, bottom: table.bottom + 1 });
      }
      found.rects = rects;
    }
    return found.rects;
  }

  /** Recon's own status cells, known once the state is read: free to write over. */
  setReconCells(cells: StatusCells[]): void {
    this.recon = cells;
    this.facts = undefined;
  }

  /** isEmpty's per-column facts for the last sheet and column asked about. */
  private facts?: { sheet: string; column: number; blocked: CellRect[]; recon: StatusCells[]; key: string };

  private columnFacts(sheet: string, column: number): { blocked: CellRect[]; recon: StatusCells[]; key: string } {
    const facts = this.facts;
    if (facts && facts.sheet === sheet && facts.column === column) return facts;
    const next = {
      sheet,
      column,
      blocked: this.blockedOn(sheet),
      recon: statusCellsOn(this.recon, sheet).filter((c) => c.column === column),
      key: keyOf(sheet, column),
    };
    this.facts = next;
    return next;
  }

  /** Queues loads of `count` columns from `firstColumn` over every annotation's rows on `sheet`. */
  queue(sheet: string, firstColumn: number, count = 1): void {
    const last = Math.min(MAX_COLUMNS, firstColumn + count - 1);
    for (const a of this.annotations) {
      if (a.sheet.toLocaleUpperCase() !== sheet.toLocaleUpperCase()) continue;
      const top = Math.max(1, a.firstRow);
      if (a.lastRow < top) continue;
      for (let column = firstColumn; column <= last; column++) {
        const request = `${keyOf(sheet, column)}\u0000${top}\u0000${a.lastRow}`;
        if (this.requested.has(request)) continue;
        this.requested.add(request);
        this.load(sheet, column, top, a.lastRow);
      }
    }
  }

  private load(sheet: string, column: number, top: number, bottom: number): void {
    const segment = this.context.workbook.worksheets.getItem(sheet).getRangeByIndexes(top - 1, column - 1, bottom - top + 1, 1);
    const used = segment.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
    const spill = this.features.spills ? segment.load('hasSpill') : undefined;
    const key = keyOf(sheet, column);
    this.parts.set(key, [...(this.parts.get(key) ?? []), { top, bottom, used, spill }]);
  }

  /** The probe's answer; throws SurveyNeeded when the cell is not known yet (after a sync it is). */
  isEmpty(sheet: string, row: number, column: number): boolean {
    // Asked for every row of a status column in turn: what depends only on the sheet and column is
    // worked out once per column (100,000 rows took 0.2 s of the pane's thread otherwise).
    const { blocked, recon, key } = this.columnFacts(sheet, column);
    for (const r of blocked) if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right) return false;
    if (isStatusCell(recon, row, column)) return true;
    // No arrays made per row (asked 100,000 times in a row: the garbage alone was a long task).
    let contained = false;
    let unclear: Part[] | undefined;
    for (const part of this.parts.get(key) ?? NO_PARTS) {
      if (row < part.top || row > part.bottom) continue;
      contained = true;
      const answer = this.answer(part, row, recon);
      if (answer === 'empty') return true;
      if (answer === 'refine') (unclear ??= []).push(part);
    }
    if (!contained) throw new SurveyNeeded(sheet, column, true);
    if (!unclear) return false;
    for (const part of unclear) this.refine(sheet, column, part, recon);
    throw new SurveyNeeded(sheet, column, false);
  }

  private answer(part: Part, row: number, recon: StatusCells[]): Answer {
    const holdsRecon = recon.some((c) => c.firstRow <= part.bottom && part.top <= c.lastRow);
    // Some cell of the part shows a spilled result (Range.hasSpill is false only when none does).
    if (part.spill && part.spill.hasSpill !== false) return holdsRecon ? 'refine' : 'taken';
    if (part.used.isNullObject) return 'empty';
    const top = part.used.rowIndex + 1;
    const bottom = part.used.rowIndex + part.used.rowCount;
    if (row < top || row > bottom) return 'empty';
    return recon.some((c) => c.firstRow <= bottom && top <= c.lastRow) ? 'refine' : 'taken';
  }

  /** Replaces a part whose used range includes Recon's labels by the parts around them. */
  private refine(sheet: string, column: number, part: Part, recon: StatusCells[]): void {
    const key = keyOf(sheet, column);
    this.parts.set(
      key,
      (this.parts.get(key) ?? []).filter((p) => p !== part),
    );
    for (const rect of rectsOutside({ top: part.top, bottom: part.bottom, left: column, right: column }, recon)) {
      this.load(sheet, column, rect.top, rect.bottom);
    }
  }
}
