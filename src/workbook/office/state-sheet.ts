/**
 * Reading and writing Recon's state sheet (`_recon_state`, cells A:C, format in layout/recon-state)
 * under Excel on the web's 5 MB per request and per response: after a 100k × 100k run the state is
 * about 10 MB of JSON (330 parts of 30,000 characters).
 *
 * Reading: the first rows and the used range's extent in the caller's sync (a small state is read
 * there whole, as before), the rest in chunked syncs (chunked-read.ts).
 *
 * Writing without losing atomicity, and without changing the format: every reader takes the parts
 * by their number in column B among all rows after row 1 and ignores rows whose B is blank. So
 *   1. the new parts go in column A of rows that hold no live part (at row 2 when they fit above the
 *      live parts, else right after them), their B left blank (sent as null: unchanged): every
 *      reader still sees the old state. Chunked under the request budget, in as many syncs as it takes;
 *   2. the flip: ONE range write of B1:C{n} over every row that may hold something: the version
 *      and count in B1:C1, the new part numbers beside the new parts, blanks elsewhere. Small
 *      (about 10 bytes a row) and a single operation, so it is applied whole or not at all;
 *   3. undo (a failure before the point of no return): the same range written back as it was;
 *   4. the rows that hold no live part any more are cleared (harmless if that fails: blank B rows
 *      are ignored).
 * Leaving B unchanged in step 1 makes a repeated write of the same state harmless: a part already
 * live keeps its number. Requires ExcelApi 1.7 (getRangeByIndexes), 1.4 (getUsedRangeOrNullObject).
 */
import type { RangeApi, WorksheetApi } from './excel-api';
import { MAX_ROWS } from '../layout/a1';
import { STATE_COLUMNS, STATE_MARKER, STATE_PART_CHARS, STATE_VERSION } from '../layout/recon-state';
import { readRows, widestRowSizing, type ReadBudget } from './chunked-read';
import { jsonRowBytes, jsonStringBytes, OPERATION_BYTES } from './payload';
import { chunkRows } from './sheet-writer';
import type { PageSlicer } from './page-slices';
import type { ExcelInput } from './text-safety';
import type { Syncable, SyncBatcher } from './sync-batcher';

/** A part's row in a response at worst: 30,000 characters of 3 UTF-8 bytes, its number, JSON. */
export const PART_ROW_BYTES = STATE_PART_CHARS * 3 + 100;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A state read queued in the caller's sync; finishStateRead completes it after that sync. */
export interface PendingStateRead {
  head: RangeApi;
  used: RangeApi;
  headRows: number;
}

/** Rows read with the extent: a quarter of the response budget at worst (9 parts at 3.5 MB). */
export function headRowsFor(maxResponseBytes: number): number {
  return Math.max(2, Math.floor(maxResponseBytes / 4 / PART_ROW_BYTES));
}

/** Queues the first rows of A:C and the used range's extent (no sync). */
export function queueStateRead(sheet: WorksheetApi, maxResponseBytes: number): PendingStateRead {
  const headRows = headRowsFor(maxResponseBytes);
  const head = sheet.getRangeByIndexes(0, 0, headRows, STATE_COLUMNS).load('values');
  const used = sheet.getRangeByIndexes(0, 0, MAX_ROWS, STATE_COLUMNS).getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
  return { head, used, headRows };
}

/**
 * A:C from row 1 to the last used row, once the sync that carried queueStateRead is done: rows past
 * the first ones are read in chunked syncs under the response budget (none for a small state).
 */
export async function finishStateRead(context: Syncable, sheet: WorksheetApi, pending: PendingStateRead, budget: ReadBudget): Promise<unknown[][]> {
  if (pending.used.isNullObject) return [];
  const end = pending.used.rowIndex + pending.used.rowCount;
  const rows: unknown[][] = pending.head.values.slice(0, Math.min(end, pending.headRows));
  if (end <= pending.headRows) return rows;
  // Planned by the widest part row seen (×1.3), the worst case before any: rows left blank by an
  // earlier write would make an average mislead, and a refused sync costs a round trip.
  const rest = await readRows(context, sheet, { top0: pending.headRows, left0: 0, rows: end - pending.headRows, columns: STATE_COLUMNS }, budget, undefined, widestRowSizing(PART_ROW_BYTES, rows));
  for (const row of rest) rows.push(row);
  return rows;
}

/** Where things are on the state sheet, as far as writing needs to know. */
export interface StateLayout {
  /** Rows 0…end-1 of A:C may hold something. */
  end: number;
  /** 0-based first and last rows that must not be written over (the live parts; all rows of an unmarked state). */
  live: { first: number; last: number } | null;
  /** A1 as it is. */
  a1: string;
  /** B:C of rows 0…end-1 as they are (what an undo writes back). */
  bc: string[][];
}

export const EMPTY_LAYOUT: StateLayout = { end: 0, live: null, a1: '', bc: [] };

/** The layout of A:C rows as read (from row 1). */
export function layoutOf(rows: readonly (readonly unknown[])[]): StateLayout {
  const end = rows.length;
  const bc = rows.map((r) => [text(r[1]), text(r[2])]);
  const a1 = end > 0 ? text(rows[0][0]) : '';
  if (end === 0) return EMPTY_LAYOUT;
  if (a1 !== STATE_MARKER) {
    // An older format (the file host's bare record from A1, read down column A to the first blank
    // cell) or something else: all of it kept, and a blank row after it.
    const occupied = rows.some((r) => r.some((v) => text(v) !== ''));
    return { end, live: occupied ? { first: 0, last: end } : null, a1, bc };
  }
  const count = Number(bc[0][1]);
  let first = -1;
  let last = -1;
  for (let r = 1; r < end; r++) {
    const n = Number(bc[r][0]);
    if (bc[r][0] !== '' && Number.isInteger(n) && n >= 1 && n <= count) {
      if (first < 0) first = r;
      last = r;
    }
  }
  return { end, live: first < 0 ? null : { first, last }, a1, bc };
}

/** One state write planned over a layout. */
export interface StateWrite {
  /** 0-based row of the first new part. */
  start: number;
  /** The new parts written, for column A from `start`. */
  parts: string[];
  /** The first parts, live already from this row with these numbers (kept in place, not written). */
  kept?: { first: number; count: number };
  /** Rows 0…end-1 are covered by the flip. */
  end: number;
  /** B:C of rows 0…end-1 after the flip. */
  flip: string[][];
  /** B:C of the rows that held something before it (rows 0…undo.length-1). */
  undo: string[][];
  /** A1 before, when the flip must write the marker there too (a new or older-format state). */
  a1Before?: string;
}

/**
 * Plans writing `rows` (encodeState's rows: the header, then [part, number, '']) over `layout`:
 * the parts from row 2 + `reserve` when they fit there without touching the live parts, else right
 * after them. A run reserves room for its final state (no longer than the one it flips in at the
 * switch-over), which then goes to row 2: after a run the sheet is laid out as encodeState's rows
 * from A1, as every host writes it.
 */
export function planStateWrite(layout: StateLayout, rows: readonly (readonly string[])[], reserve = 0, kept?: StateWrite['kept']): StateWrite {
  const keep = kept?.count ?? 0;
  const parts = rows.slice(1 + keep).map((r) => r[0]);
  const n = parts.length;
  const live = layout.live;
  const wanted = 1 + reserve;
  const start = live === null || wanted + n - 1 < live.first || wanted > live.last ? wanted : live.last + 1;
  const end = Math.max(layout.end, start + n, 1);
  const flip: string[][] = [];
  const undo = layout.bc.map((r) => [r[0] ?? '', r[1] ?? '']);
  for (let r = 0; r < end; r++) {
    if (r === 0) flip.push([String(STATE_VERSION), String(keep + n)]);
    else if (r >= start && r < start + n) flip.push([String(keep + r - start + 1), '']);
    else if (kept && r >= kept.first && r < kept.first + keep) flip.push([String(r - kept.first + 1), '']);
    else flip.push(['', '']);
  }
  return { start, parts, ...(keep > 0 ? { kept: { first: kept!.first, count: keep } } : {}), end, flip, undo, ...(layout.a1 !== STATE_MARKER ? { a1Before: layout.a1 } : {}) };
}

/**
 * Plans the clean-up's final state over the switch-over's `write` (flipped in), keeping in place the
 * parts the two states share from the start: the final state drops only the pending list, the last
 * thing in the JSON, so at 100k all but the last part or two are the same and only those are
 * written (a few kB, not 10 MB). The parts end up where they are, not from row 2.
 */
export function planFinalWrite(write: StateWrite, rows: readonly (readonly string[])[]): StateWrite {
  let same = 0;
  const finalParts = rows.length - 1;
  while (same < write.parts.length && same < finalParts - 1 && rows[same + 1][0] === write.parts[same]) same++;
  return planStateWrite(layoutAfter(write), rows, 0, write.kept === undefined && same > 0 ? { first: write.start, count: same } : undefined);
}

/**
 * Whether a run's final state keeps the parts it shares with the switch-over's (planFinalWrite):
 * when the state has parts to share (3 or more) and is more than a quarter of a request. A smaller
 * one is written whole from row 2 (planStateWrite with room reserved), so the sheet keeps the
 * shared layout from A1.
 */
export function keepsSharedParts(rows: readonly (readonly string[])[], maxRequestBytes: number): boolean {
  const parts = rows.length - 1;
  return parts >= 3 && parts * STATE_PART_CHARS > maxRequestBytes / 4;
}

/** Rows live once `write` is flipped in: [first, end) spans. */
function liveSpans(write: StateWrite): [number, number][] {
  const spans: [number, number][] = [];
  if (write.kept) spans.push([write.kept.first, write.kept.first + write.kept.count]);
  if (write.parts.length > 0) spans.push([write.start, write.start + write.parts.length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The layout once `write` is flipped in. */
export function layoutAfter(write: StateWrite): StateLayout {
  const spans = liveSpans(write);
  return {
    end: write.end,
    live: spans.length > 0 ? { first: spans[0][0], last: Math.max(...spans.map((s) => s[1])) - 1 } : null,
    a1: STATE_MARKER,
    bc: write.flip,
  };
}

/**
 * Step 1: the new parts into column A of their rows (text format on A:C), chunked under the request
 * budget through `batcher` (the caller flushes it). B is sent as null, which Excel leaves as it is
 * ("null input in 2-D array", Excel add-ins' blank and null values): blank on a row not live, and
 * a part's own number when the same state is written again (a clean-up's repeated attempt).
 */
export async function queueParts(batcher: SyncBatcher, sheet: WorksheetApi, write: StateWrite, chunkBytes: number, maxCells: number, slicer?: PageSlicer): Promise<void> {
  const input = write.parts.map((p) => [p, null, ''] as unknown as ExcelInput[]);
  for (const chunk of chunkRows(input, chunkBytes, maxCells)) {
    // Each chunk is sized here and again as Office.js serializes it: a pause between chunks keeps
    // a 10 MB state from being one task of the pane's thread (no sync: the same requests go).
    if (slicer?.due()) await slicer.pause();
    await batcher.add(OPERATION_BYTES * 3 + chunk.bytes, () => {
      const range = sheet.getRangeByIndexes(write.start + chunk.start, 0, chunk.rows.length, STATE_COLUMNS);
      range.numberFormat = '@' as unknown as string[][];
      range.values = chunk.rows;
    });
  }
}

/** Bytes the flip, the undo or the clean-ups send (numbers and blanks, a few operations). */
export function flipBytes(write: StateWrite): number {
  let n = OPERATION_BYTES * 8 + jsonStringBytes(STATE_MARKER) + jsonStringBytes(write.a1Before ?? '');
  for (const row of write.flip) n += jsonRowBytes(row) + 1;
  return n;
}

/** A1:C1 (text): the header row, written whole where A1 is not Recon's marker yet. */
function queueHeader(sheet: WorksheetApi, values: string[]): void {
  const header = sheet.getRangeByIndexes(0, 0, 1, STATE_COLUMNS);
  header.numberFormat = '@' as unknown as string[][];
  header.values = [values];
}

/**
 * Step 2, queued in the caller's sync: B1:C{end} in one write (the rows' text format came with the
 * parts, or was there). A new or older-format state gets its header row after it: until then no
 * reader takes the sheet for a state of this format (the new parts are a blank row apart from an
 * older state's last cell).
 */
export function queueFlip(sheet: WorksheetApi, write: StateWrite): void {
  sheet.getRangeByIndexes(0, 1, write.flip.length, 2).values = write.flip;
  if (write.a1Before !== undefined) queueHeader(sheet, [STATE_MARKER, ...write.flip[0]]);
}

/**
 * Step 3: B:C of the rows that held something as they were (and the header row), then the new
 * parts' rows and those past the old state emptied, formats too: after the undo they are not live.
 */
export function queueUndo(sheet: WorksheetApi, write: StateWrite): void {
  if (write.undo.length > 0) sheet.getRangeByIndexes(0, 1, write.undo.length, 2).values = write.undo;
  if (write.a1Before !== undefined && write.undo.length > 0) queueHeader(sheet, [write.a1Before, ...write.undo[0]]);
  queueNewRowsClear(sheet, write);
}

/** The rows the new parts took and those past the old state: A:C emptied (values and formats). */
export function queueNewRowsClear(sheet: WorksheetApi, write: StateWrite): void {
  const old = write.undo.length;
  const spans: [number, number][] = [
    [Math.max(write.start, 1), Math.min(write.start + write.parts.length, old)],
    // From row 1 when nothing was there before: the header row the flip wrote goes too.
    [old, write.end],
  ];
  clearSpans(sheet, spans);
}

function clearSpans(sheet: WorksheetApi, spans: [number, number][]): void {
  for (const [from, to] of spans) {
    if (to > from) sheet.getRangeByIndexes(from, 0, to - from, STATE_COLUMNS).clear('All' as Excel.ClearApplyTo);
  }
}

/**
 * Step 4: A:C emptied (values and formats) on the rows that hold no live part once `write` is
 * flipped in: a few ranges, no payload.
 */
export function queueStaleClear(sheet: WorksheetApi, write: StateWrite): void {
  const gaps: [number, number][] = [];
  let from = 1;
  for (const [first, end] of liveSpans(write)) {
    gaps.push([from, first]);
    from = Math.max(from, end);
  }
  gaps.push([from, write.end]);
  clearSpans(sheet, gaps);
}
