/**
 * The state sheet's flip (src/workbook/office/state-sheet.ts) on a plain grid of A:C: whatever the
 * layout before (none, the shared layout from A1, leftovers of a longer state, the file host's
 * bare record of format 1, live parts lower down), every reader sees the old state until the flip,
 * the new one after it, the old one again after an undo; the stale rows clear to the new one.
 */
import { decodeState, encodeState, STATE_PART_CHARS, stateOf, type ReconState } from '../../../src/workbook/layout/recon-state';
import { EMPTY_LAYOUT, keepsSharedParts, layoutAfter, layoutOf, planFinalWrite, planStateWrite, type StateWrite } from '../../../src/workbook/office/state-sheet';
import type { RunRecord } from '../../../src/workbook/workbook';

type Grid = string[][];

function record(tag: string): RunRecord {
  return { version: 1, ranAt: `2025-06-30T08:00:00.000Z`, ledgerRange: tag, bankRange: 'B', sheets: [], statusColumns: [] } as unknown as RunRecord;
}

/** A state of about `parts` parts. */
function state(tag: string, parts: number): ReconState {
  const s = stateOf(record(tag), undefined, {});
  s.memory.userName = tag + 'x'.repeat(Math.max(0, parts * STATE_PART_CHARS - 400));
  return s;
}

function cell(grid: Grid, r: number, c: number): string {
  return grid[r]?.[c] ?? '';
}

function set(grid: Grid, r: number, c: number, v: string | null): void {
  if (v === null) return;
  while (grid.length <= r) grid.push(['', '', '']);
  grid[r][c] = v;
}

function trim(grid: Grid): Grid {
  const out = grid.map((r) => [0, 1, 2].map((c) => r[c] ?? ''));
  while (out.length > 0 && out[out.length - 1].every((v) => v === '')) out.pop();
  return out;
}

function parts(grid: Grid, w: StateWrite): void {
  w.parts.forEach((p, i) => {
    set(grid, w.start + i, 0, p);
    set(grid, w.start + i, 1, null);
    set(grid, w.start + i, 2, '');
  });
}

function flip(grid: Grid, w: StateWrite): void {
  w.flip.forEach((bc, r) => {
    set(grid, r, 1, bc[0]);
    set(grid, r, 2, bc[1]);
  });
  if (w.a1Before !== undefined) set(grid, 0, 0, 'Recon state. Written by the Recon add-in; do not edit.');
}

function clearRows(grid: Grid, from: number, to: number): void {
  for (let r = Math.max(from, 0); r < Math.min(to, grid.length); r++) grid[r] = ['', '', ''];
}

function undo(grid: Grid, w: StateWrite): void {
  w.undo.forEach((bc, r) => {
    set(grid, r, 1, bc[0]);
    set(grid, r, 2, bc[1]);
  });
  if (w.a1Before !== undefined && w.undo.length > 0) set(grid, 0, 0, w.a1Before);
  const old = w.undo.length;
  clearRows(grid, Math.max(w.start, 1), Math.min(w.start + w.parts.length, old));
  clearRows(grid, old, w.end);
}

function stale(grid: Grid, w: StateWrite): void {
  for (let r = 1; r < w.end; r++) {
    const kept = w.kept && r >= w.kept.first && r < w.kept.first + w.kept.count;
    const written = r >= w.start && r < w.start + w.parts.length;
    if (!kept && !written) clearRows(grid, r, r + 1);
  }
}

const read = (grid: Grid) => decodeState(trim(grid));

const before: [string, () => Grid][] = [
  ['no state', () => []],
  ['the shared layout from A1', () => encodeState(state('old', 3))],
  ['leftovers of a longer state below', () => [...encodeState(state('old', 2)), ...encodeState(state('older', 5)).slice(3).map((r) => [...r])]],
  ['live parts lower down', () => {
    const g: Grid = encodeState(state('old', 2)).map((r) => [...r]);
    const rows = g.splice(1);
    return [g[0], ['', '', ''], ['', '', ''], ['', '', ''], ['', '', ''], ['', '', ''], ['', '', ''], ...rows];
  }],
  ['the file host\'s bare record (format 1)', () => {
    const json = JSON.stringify(record('bare'));
    return [[json.slice(0, 100), '', ''], [json.slice(100), '', '']];
  }],
];

describe.each(before)('over %s', (_, make) => {
  test.each([1, 2, 4, 9])('a state of %i parts: old until the flip, new after, old after an undo; the final state lands at row 2', (n) => {
    const grid = make().map((r) => [...r]);
    const old = read(grid);
    const next = state('new', n);
    const w = planStateWrite(grid.length > 0 ? layoutOf(trim(grid)) : EMPTY_LAYOUT, encodeState(next), n);
    parts(grid, w);
    // (With no state before, the sheet is new to this run and deleted by its rollback.)
    if (old !== null) expect(read(grid)).toEqual(old);
    const rollback = grid.map((r) => [...r]);
    flip(grid, w);
    expect(read(grid)).toEqual(next);
    // Undo from the flipped grid.
    flip(rollback, w);
    undo(rollback, w);
    if (old !== null) expect(read(rollback)).toEqual(old);

    // The clean-up: a shorter final state, written beside the live one, flipped, stale rows cleared.
    const final = state('final', Math.max(1, n - 1));
    const f = planStateWrite(layoutAfter(w), encodeState(final));
    expect(f.start).toBe(1);
    parts(grid, f);
    expect(read(grid)).toEqual(next);
    flip(grid, f);
    expect(read(grid)).toEqual(final);
    stale(grid, f);
    expect(trim(grid)).toEqual(encodeState(final));
    // A repeated clean-up changes nothing.
    parts(grid, f);
    flip(grid, f);
    stale(grid, f);
    expect(trim(grid)).toEqual(encodeState(final));
  });
});

test('the new parts never touch a live row', () => {
  const grid: Grid = encodeState(state('old', 6)).map((r) => [...r]);
  const layout = layoutOf(grid);
  for (const n of [1, 3, 5, 6, 7, 20]) {
    for (const reserve of [0, n]) {
      const w = planStateWrite(layout, encodeState(state('new', n)), reserve);
      expect(w.start + w.parts.length - 1 < layout.live!.first || w.start > layout.live!.last).toBe(true);
    }
  }
});

test('a large final state keeps the parts it shares with the switch-over\'s in place and writes only the rest', () => {
  for (const before of [encodeState(state('old', 3)), encodeState(state('old', 12))]) {
    const grid: Grid = before.map((r) => [...r]);
    const big = state('new', 8);
    const pending: ReconState = { ...big, host: { office: { rules: [], tables: [], pending: { rules: [], statusCells: [], sheets: ['旧表'] } } } };
    const final: ReconState = { ...big, host: { office: { rules: [], tables: [] } } };
    expect(keepsSharedParts(encodeState(pending), 400_000)).toBe(true);
    expect(keepsSharedParts(encodeState(state('small', 1)), 400_000)).toBe(false);
    const w = planStateWrite(layoutOf(grid), encodeState(pending));
    parts(grid, w);
    flip(grid, w);
    expect(read(grid)).toEqual(pending);

    const rows = encodeState(final);
    const f = planFinalWrite(w, rows);
    expect(f.kept).toEqual({ first: w.start, count: rows.length - 2 });
    expect(f.parts).toEqual([rows[rows.length - 1][0]]);
    const live = layoutAfter(w).live!;
    expect(f.start > live.last || f.start + f.parts.length - 1 < live.first).toBe(true);
    parts(grid, f);
    expect(read(grid)).toEqual(pending);
    flip(grid, f);
    expect(read(grid)).toEqual(final);
    stale(grid, f);
    expect(read(grid)).toEqual(final);
    expect(trim(grid).filter((r) => r[0] !== '').length).toBe(rows.length);
    // A repeated clean-up changes nothing.
    const once = trim(grid);
    parts(grid, f);
    flip(grid, f);
    stale(grid, f);
    expect(trim(grid)).toEqual(once);
    // And the next run's state goes beside it.
    const again = planStateWrite(layoutOf(trim(grid)), encodeState(state('next', 8)));
    const after = layoutOf(trim(grid)).live!;
    expect(again.start > after.last || again.start + again.parts.length - 1 < after.first).toBe(true);
  }
});
