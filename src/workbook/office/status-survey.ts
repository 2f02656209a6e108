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
 * Requires ExcelApi 1.7 (getRangeByIndexes) and 1.4 (getUsedRangeOrNullObject).
 */
import { MAX_COLUMNS } from '../layout/a1';
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

/** Rows top..bottom (1-based) of one column, and the used range Excel found there. */
interface Part {
  top: number;
  bottom: number;
  used: Excel.Range;
}

type Answer = 'empty' | 'taken' | 'refine';

const keyOf = (sheet: string, column: number) => `${sheet.toLocaleUpperCase()}\u0000${column}`;

export class StatusColumnSurvey {
  private readonly parts = new Map<string, Part[]>();
  private readonly requested = new Set<string>();
  private recon: StatusCells[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly annotations: SourceAnnotation[],
  ) {}

  /** Recon's own status cells, known once the state is read: free to write over. */
  setReconCells(cells: StatusCells[]): void {
    this.recon = cells;
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
    const used = this.context.workbook.worksheets
      .getItem(sheet)
      .getRangeByIndexes(top - 1, column - 1, bottom - top + 1, 1)
      .getUsedRangeOrNullObject(true)
      .load('rowIndex,rowCount');
    const key = keyOf(sheet, column);
    this.parts.set(key, [...(this.parts.get(key) ?? []), { top, bottom, used }]);
  }

  /** The probe's answer; throws SurveyNeeded when the cell is not known yet (after a sync it is). */
  isEmpty(sheet: string, row: number, column: number): boolean {
    const recon = statusCellsOn(this.recon, sheet).filter((c) => c.column === column);
    if (isStatusCell(recon, row, column)) return true;
    const containing = (this.parts.get(keyOf(sheet, column)) ?? []).filter((p) => row >= p.top && row <= p.bottom);
    if (containing.length === 0) throw new SurveyNeeded(sheet, column, true);
    const answers = containing.map((part) => [part, this.answer(part, row, recon)] as const);
    if (answers.some(([, a]) => a === 'empty')) return true;
    const unclear = answers.filter(([, a]) => a === 'refine').map(([part]) => part);
    if (unclear.length === 0) return false;
    for (const part of unclear) this.refine(sheet, column, part, recon);
    throw new SurveyNeeded(sheet, column, false);
  }

  private answer(part: Part, row: number, recon: StatusCells[]): Answer {
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
