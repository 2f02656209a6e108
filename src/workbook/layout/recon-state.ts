/**
 * Recon's state in a workbook: ONE versioned format, written and read the same way by every host
 * (Excel through Office.js, .xlsx files, the memory workbook), so a workbook reconciled by the
 * command line or the standalone page opens in the add-in with its decisions, and back.
 *
 * Where: a very hidden sheet `_recon_state`, cells A:C, every cell text:
 *   A1 marker, B1 format version, C1 number of parts;
 *   A2:A(n+1) the JSON in parts under Excel's 32,767-character cell limit, B the part numbers.
 * Readers take the parts by their number in B among all rows after row 1, only numbers 1…C1, and
 * ignore rows whose B is blank: a shorter state written over a longer one is safe even if the
 * cells after it were not cleared, and the Office host writes a large state's parts beside the live
 * ones with blank numbers before it flips the numbers and C1 in one small write (Excel on the web
 * takes 5 MB a request; office/state-sheet.ts). Columns D… belong to the Office host (highlight codes).
 *
 * What: the last run's record; what people decided and set (settings, decisions, the match ids
 * of the last run's groups, audit entries, aliases, sign-off); each host's own bookkeeping.
 *
 * Older states are migrated (format 1 of the add-in: marker + {record, office}; format 1 of the
 * file host: the bare RunRecord as JSON from A1); a newer or damaged state is refused with a
 * message saying what to do, never read as something else.
 */
import type { Decision, GroupRecord, RowPrints } from '../../engine/decisions/decision';

export type { GroupRecord, MatchOrigin } from '../../engine/decisions/decision';
import type { RunRecord } from '../workbook';

export const STATE_SHEET = '_recon_state';
export const STATE_MARKER = 'Recon state. Written by the Recon add-in; do not edit.';
export const STATE_VERSION = 2;
/** Columns A:C hold the state. */
export const STATE_COLUMNS = 3;
/** Characters per part: under Excel's 32,767 per cell, with room to spare. */
export const STATE_PART_CHARS = 30_000;

/**
 * A counterparty name pair a person confirmed: the ledger says one, the bank the other (the
 * Aliases sheet's rows, layout/aliases-sheet; engine/match/aliases reads them as evidence).
 */
export interface Alias {
  ledgerName: string;
  bankName: string;
  by: string;
  at: string;
  note?: string;
}

export type AuditAction = 'run' | 'decision' | 'sign-off' | 'edited' | 'alias';

/** One line of the Audit log; `checksum` chains it to every line before it. */
export interface AuditEntry {
  at: string;
  by: string;
  action: AuditAction;
  /** What happened, in the words of the locale it was written in. */
  detail: string;
  checksum: string;
}

export interface SignOff {
  by: string;
  at: string;
}

/** One side's set-up as the pane or the command line had it. */
export interface SideSettings {
  range?: string;
  kind?: string;
  headerRow?: number;
  /** Role → 0-based column within the range. */
  columns?: Record<string, number>;
  columnsComplete?: boolean;
  oppositeSigns?: boolean;
  /** Day/month order of dates that fit both (DMY, MDY or YMD), where the user set it. */
  dateOrder?: string;
  /** Closing balance the user stated, as a decimal string. */
  balance?: string;
}

/** The set-up kept in the workbook, so a teammate who opens it gets the same. */
export interface WorkbookSettings {
  ledger?: SideSettings;
  bank?: SideSettings;
  /** Matching options as their formatted strings (see engine/match/option-definitions). */
  match?: Record<string, string>;
  locale?: string;
  company?: string;
}

/** What people decided and set, kept across runs. */
export interface WorkbookMemory {
  settings: WorkbookSettings;
  decisions: Decision[];
  /** The last run's groups, for stable ids and the Decision column. */
  groups: GroupRecord[];
  /** The next M-number to give a new group (ids are never reused). */
  nextMatchNumber: number;
  audit: AuditEntry[];
  aliases: Alias[];
  signOff: SignOff | null;
  /** A name the user typed once, where the host does not know who they are. */
  userName?: string;
  /** The last run's Matches sheet, whose Decision column the next run reads. */
  matchesSheet?: string;
  /** The last run's Audit log sheet, checked against `audit` by the next run. */
  auditSheet?: string;
  /** The last run's Aliases sheet, whose rows (the user's word) the next run reads. */
  aliasesSheet?: string;
  /** Decisions already turned into aliases: never learned twice, so a deleted alias stays deleted. */
  aliasesLearnedFrom?: string[];
  /** What each source row held at the last run, so rows typed into its Matches sheet are found by content. */
  rowPrints?: RowPrints;
}

export function emptyMemory(): WorkbookMemory {
  return { settings: {}, decisions: [], groups: [], nextMatchNumber: 1, audit: [], aliases: [], signOff: null };
}

/** Each host's own bookkeeping, kept beside the shared parts (other hosts carry it unread). */
export type HostDetails = Record<string, unknown>;

export interface ReconState {
  version: typeof STATE_VERSION;
  run: RunRecord | null;
  memory: WorkbookMemory;
  host: HostDetails;
}

/** Why a stored state is not read; nothing in the workbook has been changed. */
export class StateError extends Error {
  override name = 'StateError';
  constructor(
    readonly code: 'state.newer' | 'state.damaged',
    message: string,
  ) {
    super(message);
  }
}

/** Rows to write from A1: [marker, version, parts], then [part, number, ''] … */
export function encodeState(state: ReconState): string[][] {
  return stateRows(JSON.stringify(state));
}

/** encodeState's rows for a state already written as JSON. */
export function stateRows(json: string): string[][] {
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += STATE_PART_CHARS) parts.push(json.slice(i, i + STATE_PART_CHARS));
  return stateRowsOfParts(parts);
}

/** encodeState's rows from the JSON already cut into STATE_PART_CHARS parts (a host that writes it in slices). */
export function stateRowsOfParts(parts: string[]): string[][] {
  if (parts.length === 0) parts.push('');
  return [[STATE_MARKER, String(STATE_VERSION), String(parts.length)], ...parts.map((p, i) => [p, String(i + 1), ''])];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * The cells of A:C (any leading rows; values as the host reads them) → the state, or null when
 * there is none. Throws StateError for a state this version must not read.
 */
export function decodeState(rows: readonly (readonly unknown[])[]): ReconState | null {
  const stored = storedJson(rows);
  return stored && stateOfJson(stored, parseJson(stored.json));
}

/**
 * decodeState with the JSON parsed by `parse` (a host whose thread must not parse 10 MB in one
 * go: the Office host parses in slices, office/page-slices.ts). Same result, same errors.
 */
export async function decodeStateWith(rows: readonly (readonly unknown[])[], parse: (json: string) => Promise<unknown>): Promise<ReconState | null> {
  const stored = storedJson(rows);
  if (!stored) return null;
  let parsed: unknown;
  try {
    parsed = await parse(stored.json);
  } catch {
    throw damaged('its contents are not complete');
  }
  return stateOfJson(stored, parsed);
}

/** The stored JSON and how to read it: format 1 or 2 behind the marker, or the file host's bare record. */
interface StoredJson {
  /** The format version; 0 for the bare record. */
  version: number;
  json: string;
}

function storedJson(rows: readonly (readonly unknown[])[]): StoredJson | null {
  if (rows.length === 0 || rows.every((r) => r.every((v) => text(v) === ''))) return null;
  const first = text(rows[0][0]);
  if (first === STATE_MARKER) return markedJson(rows);
  if (first.startsWith('{')) return { version: 0, json: bareRecordJson(rows) };
  throw damaged('its first cell is not Recon\'s marker');
}

function stateOfJson(stored: StoredJson, parsed: unknown): ReconState {
  if (stored.version === 0) return migrateBareRecord(parsed);
  return stored.version === 1 ? migrateV1(parsed) : checkV2(parsed);
}

function markedJson(rows: readonly (readonly unknown[])[]): StoredJson {
  const version = Number(text(rows[0][1]));
  if (!Number.isInteger(version) || version < 1) throw damaged(`its format version "${text(rows[0][1])}" is not a number`);
  if (version > STATE_VERSION) {
    throw new StateError(
      'state.newer',
      `This workbook was reconciled by a newer Recon (state format ${version}; this Recon reads up to ${STATE_VERSION}). Update Recon to work on it; nothing was changed.`,
    );
  }
  const count = Number(text(rows[0][2]));
  const parts = rows
    .slice(1)
    .filter((r) => Number(text(r[1])) >= 1 && Number(text(r[1])) <= count)
    .sort((a, b) => Number(text(a[1])) - Number(text(b[1])))
    .map((r) => text(r[0]));
  if (!Number.isInteger(count) || count < 1 || parts.length !== count) throw damaged(`it should have ${text(rows[0][2])} parts, found ${parts.length}`);
  return { version, json: parts.join('') };
}

/** Format 1 of the add-in: { record, office }. */
function migrateV1(parsed: unknown): ReconState {
  const old = parsed as { record?: unknown; office?: unknown };
  if (!isRunRecord(old?.record)) throw damaged('its run record is incomplete');
  return { version: STATE_VERSION, run: old.record, memory: emptyMemory(), host: old.office ? { office: old.office } : {} };
}

/** Format 1 of the file host: the RunRecord's JSON from A1 down column A, no marker. */
function bareRecordJson(rows: readonly (readonly unknown[])[]): string {
  let json = '';
  for (const row of rows) {
    const part = row[0];
    if (typeof part !== 'string' || part === '') break;
    json += part;
  }
  return json;
}

function migrateBareRecord(record: unknown): ReconState {
  if (!isRunRecord(record)) throw damaged('its run record is incomplete');
  return { version: STATE_VERSION, run: record, memory: emptyMemory(), host: {} };
}

function checkV2(parsed: unknown): ReconState {
  const state = parsed as Partial<ReconState>;
  if (typeof state !== 'object' || state === null || state.version !== STATE_VERSION) throw damaged('its contents do not say their version');
  if (state.run !== null && !isRunRecord(state.run)) throw damaged('its run record is incomplete');
  const memory = state.memory as Partial<WorkbookMemory> | undefined;
  if (typeof memory !== 'object' || memory === null) throw damaged('it has no decisions part');
  const lists = ['decisions', 'groups', 'audit', 'aliases'] as const;
  for (const list of lists) if (!Array.isArray(memory[list])) throw damaged(`its ${list} are not a list`);
  return {
    version: STATE_VERSION,
    run: state.run ?? null,
    memory: { ...emptyMemory(), ...memory } as WorkbookMemory,
    host: typeof state.host === 'object' && state.host !== null ? state.host : {},
  };
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw damaged('its contents are not complete');
  }
}

function isRunRecord(v: unknown): v is RunRecord {
  const r = v as RunRecord;
  return typeof r === 'object' && r !== null && r.version === 1 && typeof r.ranAt === 'string' && Array.isArray(r.sheets) && Array.isArray(r.statusColumns);
}

function damaged(why: string): StateError {
  return new StateError(
    'state.damaged',
    `Recon's saved state in this workbook (the hidden sheet ${STATE_SHEET}) cannot be read: ${why}. Nothing was changed; "Clear results" removes it, then run again.`,
  );
}

/** The state after a run: its record and memory, the host's own details. */
export function stateOf(run: RunRecord | null, memory: WorkbookMemory | undefined, host: HostDetails = {}): ReconState {
  return { version: STATE_VERSION, run, memory: memory ?? emptyMemory(), host };
}
