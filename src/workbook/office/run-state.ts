/**
 * The Office host's side of Recon's state. The state itself (sheet `_recon_state`, cells A:C, its
 * format and versions) is shared by every host: layout/recon-state. The sheet stays put from run to
 * run (written over in place, never renamed: highlight rules may point at its code columns, and Excel
 * rewrites or breaks references to a renamed or deleted sheet). This host adds its own details under
 * `host.office` (the highlight rules and tables it made, what is left to clean up) and, in columns D…
 * of the same sheet, highlight code columns when a run needed them (see highlight-rules.ts). Every
 * cell is text ('@').
 * Requires ExcelApi 1.1 (worksheet visibility VeryHidden, values, numberFormat).
 */
import type { StatusCells } from '../layout/status-cells';
import type { RunRecord } from '../workbook';
import { decodeState as decodeShared, decodeStateWith, emptyMemory, encodeState as encodeShared, STATE_COLUMNS, STATE_PART_CHARS, stateOf, stateRowsOfParts, type ReconState, type WorkbookMemory } from '../layout/recon-state';
import { PageSlicer, parseJsonInSlices, writeJsonInSlices } from './page-slices';

export type { StatusCells } from '../layout/status-cells';

export { STATE_SHEET, STATE_COLUMNS, STATE_MARKER, StateError } from '../layout/recon-state';
/** Sheets being built by a run carry this prefix until the run's switch-over renames them. */
export const TEMP_PREFIX = '_recon_tmp_';
/** The previous run's sheets carry this prefix between the switch-over and their deletion. */
export const OLD_PREFIX = '_recon_old_';
/** Highlight code columns start at D (1-based 4), right of the shared state's A:C. */
export const CODE_COLUMN_START = STATE_COLUMNS + 1;

/** A highlight rule a run added, so the next run and Clear results can remove exactly it. */
export interface StoredRule {
  sheet: string;
  /** A1 address (no sheet) of the range the rule applies to. */
  range: string;
  formula: string;
  fill: string;
}

/** What the Office host keeps beyond the shared RunRecord. */
export interface OfficeRunDetails {
  rules: StoredRule[];
  /** Table names this run created. */
  tables: string[];
  /** 1-based columns of this sheet holding highlight codes for the rules (none usually). */
  codeColumns?: number[];
  /**
   * What an earlier run left that this run's last step was still to remove (its rules and the
   * status cells this run does not cover). Dropped by that step when it succeeds; if the
   * connection failed there, the next run or Clear results finishes the job.
   */
  pending?: { rules: StoredRule[]; statusCells: StatusCells[]; sheets?: string[]; codeColumns?: number[] };
}

export interface StoredState {
  /** Null when the workbook holds decisions or settings but no run (or the run was cleared). */
  record: RunRecord | null;
  office: OfficeRunDetails;
  memory: WorkbookMemory;
}

/** Rows to write from A1, in the shared format (layout/recon-state). */
export function encodeState(state: StoredState): string[][] {
  return encodeShared(stateOf(state.record, state.memory, { office: state.office }));
}

/** encodeState's rows, the JSON written in slices of the pane's thread (a 100k run's record is about 10 MB). */
export async function encodeStateInSlices(state: StoredState, slicer: PageSlicer): Promise<string[][]> {
  // Cut into parts as it is written: the whole JSON is never one string on the pane's thread.
  const parts: string[] = [];
  let pending: string[] = [];
  let length = 0;
  const cut = () => {
    let text = pending.join('');
    while (text.length >= STATE_PART_CHARS) {
      parts.push(text.slice(0, STATE_PART_CHARS));
      text = text.slice(STATE_PART_CHARS);
    }
    pending = text ? [text] : [];
    length = text.length;
  };
  await writeJsonInSlices(stateOf(state.record, state.memory, { office: state.office }), slicer, (text) => {
    pending.push(text);
    length += text.length;
    if (length >= STATE_PART_CHARS) cut();
  });
  const rest = pending.join('');
  if (rest.length > 0) parts.push(rest);
  return stateRowsOfParts(parts);
}

/** Reads the rows of A:C back; null when there is none. Throws a StateError for one not to read. */
export function decodeState(rows: unknown[][]): StoredState | null {
  return storedOf(decodeShared(rows));
}

/** decodeState with the JSON parsed in slices of the pane's thread (a 100k run's state is about 10 MB). */
export async function decodeStateInSlices(rows: unknown[][], slicer: PageSlicer = new PageSlicer()): Promise<StoredState | null> {
  return storedOf(await decodeStateWith(rows, (json) => parseJsonInSlices(json, slicer)));
}

function storedOf(state: ReconState | null): StoredState | null {
  if (!state) return null;
  const office = (state.host.office ?? {}) as Partial<OfficeRunDetails>;
  return {
    record: state.run,
    office: { rules: office.rules ?? [], tables: office.tables ?? [], codeColumns: office.codeColumns, pending: office.pending },
    memory: state.memory ?? emptyMemory(),
  };
}

/** Every rule the state says Recon may have left in the workbook. */
export function rulesOf(state: StoredState | null): StoredRule[] {
  return state ? [...state.office.rules, ...(state.office.pending?.rules ?? [])] : [];
}

/** Every status cell range the state says Recon may have written. */
export function statusCellsOf(state: StoredState | null): StatusCells[] {
  return state ? [...(state.record?.statusColumns ?? []), ...(state.office.pending?.statusCells ?? [])] : [];
}

/** Highlight code columns of this sheet the state says may hold values. */
export function codeColumnsOf(state: StoredState | null): number[] {
  return state ? [...(state.office.codeColumns ?? []), ...(state.office.pending?.codeColumns ?? [])] : [];
}

/** Output sheets of an earlier run still to be deleted (a run that no longer writes them). */
export function pendingSheetsOf(state: StoredState | null): string[] {
  return state?.office.pending?.sheets ?? [];
}

/** 0-based first row and row count of status cells (with no header row above the data they start at row 1). */
export function statusSpan(cells: Pick<StatusCells, 'firstRow' | 'lastRow'>): { row0: number; rows: number } {
  const top = Math.max(1, cells.firstRow);
  return { row0: top - 1, rows: Math.max(0, cells.lastRow - top + 1) };
}
