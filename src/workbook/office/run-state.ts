/**
 * The record of the last run lives in the workbook itself, in a very hidden sheet `_recon_state`
 * that stays put from run to run (written over in place, never renamed: highlight rules may point
 * at its code columns, and Excel rewrites or breaks references to a renamed or deleted sheet)
 * (a teammate opening the file sees the same results and can clear them). Cells, not
 * Office.context.document.settings: settings belong to the add-in and are not something a
 * teammate or Clear results can see without it; custom XML parts need ExcelApi 1.5 and a second
 * API for no gain. Layout of the sheet:
 *   A1 marker text, B1 format version, C1 number of parts; A2:A(n+1) the JSON in parts under
 *   Excel's 32,767-character cell limit, B2:B(n+1) the part numbers; columns D… hold highlight
 *   code columns when a run needed them (see highlight-rules.ts). Every cell is text ('@').
 * Only the first C1 parts are read, so a shorter state written over a longer one is safe even
 * if the cells after it were not cleared.
 * Requires ExcelApi 1.1 (worksheet visibility VeryHidden, values, numberFormat).
 */
import type { StatusCells } from '../layout/status-cells';
import type { RunRecord } from '../workbook';

export type { StatusCells } from '../layout/status-cells';

export const STATE_SHEET = '_recon_state';
/** Sheets being built by a run carry this prefix until the run's switch-over renames them. */
export const TEMP_PREFIX = '_recon_tmp_';
/** The previous run's sheets carry this prefix between the switch-over and their deletion. */
export const OLD_PREFIX = '_recon_old_';
export const STATE_MARKER = 'Recon state. Written by the Recon add-in; do not edit.';
const FORMAT_VERSION = '1';
const PART_CHARS = 30_000;
/** Columns A:C hold the state; highlight code columns start at D (1-based 4). */
export const STATE_COLUMNS = 3;
export const CODE_COLUMN_START = 4;

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
  record: RunRecord;
  office: OfficeRunDetails;
}

/** Rows to write from A1: [marker, version, parts], then [part, number, ''] … */
export function encodeState(state: StoredState): string[][] {
  const json = JSON.stringify(state);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += PART_CHARS) parts.push(json.slice(i, i + PART_CHARS));
  return [[STATE_MARKER, FORMAT_VERSION, String(parts.length)], ...parts.map((p, i) => [p, String(i + 1), ''])];
}

function isRecord(v: unknown): v is RunRecord {
  const r = v as RunRecord;
  return typeof r === 'object' && r !== null && r.version === 1 && Array.isArray(r.sheets) && Array.isArray(r.statusColumns);
}

/** Reads the rows of A:C back; null when the sheet holds no readable state. */
export function decodeState(rows: unknown[][]): StoredState | null {
  if (rows.length < 2 || rows[0][0] !== STATE_MARKER) return null;
  const count = Number(rows[0][2]);
  const parts = rows
    .slice(1)
    .filter((r) => Number(r[1]) >= 1 && Number(r[1]) <= count)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((r) => String(r[0]));
  if (parts.length !== count) return null;
  try {
    const parsed = JSON.parse(parts.join('')) as Partial<StoredState>;
    if (!isRecord(parsed.record)) return null;
    const office: Partial<OfficeRunDetails> = parsed.office ?? {};
    return { record: parsed.record, office: { rules: office.rules ?? [], tables: office.tables ?? [], codeColumns: office.codeColumns, pending: office.pending } };
  } catch {
    return null;
  }
}

/** Every rule the state says Recon may have left in the workbook. */
export function rulesOf(state: StoredState | null): StoredRule[] {
  return state ? [...state.office.rules, ...(state.office.pending?.rules ?? [])] : [];
}

/** Every status cell range the state says Recon may have written. */
export function statusCellsOf(state: StoredState | null): StatusCells[] {
  return state ? [...state.record.statusColumns, ...(state.office.pending?.statusCells ?? [])] : [];
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
