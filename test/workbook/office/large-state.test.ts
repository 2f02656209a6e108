/**
 * A run record bigger than Excel on the web's 5 MB per request and per response (a 100k × 100k
 * run keeps ~9.5 MB of groups for stable ids): the fake refuses any sync over 5 MB, as the web
 * does; the host keeps its default 3.5 MB budgets. The state is read back in chunks, written as
 * parts with blank numbers beside the live ones, then flipped in one small write (state-sheet.ts).
 */
import { FakeExcel, FIVE_MB } from '../../fake-excel';
import { emptyMemory, STATE_MARKER, type WorkbookMemory } from '../../../src/workbook/layout/recon-state';
import type { GroupRecord } from '../../../src/engine/decisions/decision';
import { STATE_SHEET } from '../../../src/workbook/office/run-state';
import { decodeState } from '../../../src/workbook/layout/recon-state';
import { BANK_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

const SCENARIO = { ledgerRows: 40, bankRows: 30 };

/** Memory whose JSON is about `bytes` long: groups with long fingerprints, plus a decision and settings. */
function bigMemory(bytes: number, tag: string): WorkbookMemory {
  const groups: GroupRecord[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    // Some CJK so the UTF-8 bytes are more than the characters.
    const g: GroupRecord = { id: `M${i + 1}`, origin: 'auto', ledger: [`${tag}-l-${i}-${'a'.repeat(60)}#1`], bank: [`${tag}-b-${i}-银行流水号${'0'.repeat(50)}#1`] };
    size += JSON.stringify(g).length;
    groups.push(g);
  }
  return {
    ...emptyMemory(),
    settings: { ledger: { range: `'银行存款日记账'!A4:H44`, kind: 'cash-journal', headerRow: 4 }, bank: { range: `'${BANK_SHEET}'!A4:H34` }, locale: 'zh-CN', company: `公司 ${tag}` },
    decisions: [
      {
        id: 'D1',
        kind: 'reject',
        matchId: 'M3',
        ledger: [{ side: 'ledger', row: 7, date: '2025-01-02', amount: '12.30', counterparty: '上海明辉', reference: '', fingerprint: 'f1#1' }],
        bank: [],
        reason: `not ours (${tag})`,
        by: '王会计',
        at: '2025-06-30T08:00:00.000Z',
        source: 'pane',
      },
    ],
    groups,
    nextMatchNumber: groups.length + 1,
  };
}

function outputsWith(memory: WorkbookMemory, ranAt: string) {
  const outputs = runOutputs(SCENARIO);
  outputs.memory = memory;
  outputs.runRecord.ranAt = ranAt;
  return outputs;
}

/** The state sheet's A:C as stored (the fake's cells), decoded as any host would. */
function storedState(fake: FakeExcel) {
  const sheet = fake.model.findSheet(STATE_SHEET)!;
  const rows: unknown[][] = [];
  sheet.values.rows.forEach((row, r) => {
    while (rows.length <= r) rows.push([]);
    rows[r] = [0, 1, 2].map((c) => row?.[c] ?? '');
  });
  return { rows, state: decodeState(rows) };
}

function stateChars(rows: unknown[][]): number {
  return rows.slice(1).reduce((n: number, r) => n + (r[1] !== '' ? String(r[0]).length : 0), 0);
}

describe('a run record over 5 MB on Excel on the web', () => {
  const first = bigMemory(6_000_000, 'first');
  const second = bigMemory(7_000_000, 'second');

  async function afterFirstRun(): Promise<FakeExcel> {
    const fake = new FakeExcel({ maxRequestBytes: FIVE_MB, maxResponseBytes: FIVE_MB });
    setUpWorkbook(fake, SCENARIO);
    await officeWorkbook(fake).writeRun(outputsWith(first, '2025-06-30T08:00:00.000Z'));
    return fake;
  }

  test('is written in syncs under 5 MB and read back by a second pane', async () => {
    const fake = await afterFirstRun();
    expect(fake.stats.syncs.every((s) => s.requestBytes < FIVE_MB && s.responseBytes < FIVE_MB && !s.failed)).toBe(true);
    const { rows, state } = storedState(fake);
    expect(rows[0][0]).toBe(STATE_MARKER);
    expect(stateChars(rows)).toBeGreaterThan(FIVE_MB);
    // The record goes over the wire about once: the clean-up's final state keeps the parts it
    // shares with the switch-over's and writes only the rest.
    const sent = fake.stats.syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(sent).toBeLessThan(1.3 * stateChars(rows));
    expect(state!.memory.groups).toHaveLength(first.groups.length);
    expect(state!.host.office).toMatchObject({ tables: ['ReconMatches'] });
    // The clean-up's final state has no pending list; only its parts are left (stale rows cleared).
    expect((state!.host.office as { pending?: unknown }).pending).toBeUndefined();
    expect(rows.slice(1).every((r) => r[1] !== '' || r[0] === '')).toBe(true);

    fake.stats.reset();
    const pane = officeWorkbook(fake);
    const [record, memory] = await Promise.all([pane.lastRun(), pane.readMemory()]);
    expect(record?.ranAt).toBe('2025-06-30T08:00:00.000Z');
    expect(memory).toEqual(first);
    expect(fake.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.syncs.some((s) => s.failed)).toBe(false);
  });

  test('saveMemory rewrites it under 5 MB; a re-run and Clear work', async () => {
    const fake = await afterFirstRun();
    fake.stats.reset();
    const saved = { ...first, decisions: [...first.decisions, { ...first.decisions[0], id: 'D2', matchId: 'M9' }], userName: '李出纳' };
    await officeWorkbook(fake).saveMemory(saved);
    expect(fake.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.syncs.some((s) => s.failed)).toBe(false);
    expect(await officeWorkbook(fake).readMemory()).toEqual(saved);
    expect((await officeWorkbook(fake).lastRun())?.ranAt).toBe('2025-06-30T08:00:00.000Z');

    fake.stats.reset();
    await officeWorkbook(fake).writeRun(outputsWith(second, '2025-07-01T08:00:00.000Z'));
    expect(fake.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.maxResponseBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.syncs.some((s) => s.failed)).toBe(false);
    const pane = officeWorkbook(fake);
    expect(await pane.readMemory()).toEqual(second);
    expect((await pane.lastRun())?.ranAt).toBe('2025-07-01T08:00:00.000Z');
    expect(stateChars(storedState(fake).rows)).toBeGreaterThan(FIVE_MB);

    // A small state after a large one: still read whole, nothing left live of the large one.
    const small = { ...emptyMemory(), userName: '小' };
    await officeWorkbook(fake).saveMemory(small);
    expect(await officeWorkbook(fake).readMemory()).toEqual(small);
    expect(storedState(fake).state?.memory).toEqual(small);

    await officeWorkbook(fake).writeRun(outputsWith(first, '2025-07-02T08:00:00.000Z'));
    fake.stats.reset();
    await officeWorkbook(fake).clearRun();
    expect(fake.stats.syncs.some((s) => s.failed)).toBe(false);
    expect(fake.sheetNames()).not.toContain(STATE_SHEET);
    expect(await officeWorkbook(fake).lastRun()).toBeNull();
  });

  describe('a failure at the switch-over rolls back to the old state intact', () => {
    let switchAt = 0;
    let syncs = 0;

    beforeAll(async () => {
      const fake = await afterFirstRun();
      fake.stats.reset();
      await officeWorkbook(fake).writeRun(outputsWith(second, '2025-07-01T08:00:00.000Z'));
      syncs = fake.stats.syncs.length;
      switchAt = Math.max(...fake.stats.syncs.filter((s) => s.labels.includes('ConditionalFormatCollection.add')).map((s) => s.index));
    });

    test.each<[string, number | undefined]>([
      ['before the batch', undefined],
      ['after one operation', 1],
      ['after eight operations', 8],
    ])('failing %s', async (_, afterOps) => {
      const fake = await afterFirstRun();
      fake.stats.reset();
      expect(switchAt).toBeGreaterThan(1);
      expect(switchAt).toBeLessThan(syncs);
      const before = storedState(fake);
      fake.failAtSync(switchAt, { afterOps });
      const error = await officeWorkbook(fake)
        .writeRun(outputsWith(second, '2025-07-01T08:00:00.000Z'))
        .then(() => null, (e: Error) => e);
      expect(error).not.toBeNull();
      const after = storedState(fake);
      expect(after.state).toEqual(before.state);
      const pane = officeWorkbook(fake);
      expect(await pane.readMemory()).toEqual(first);
      expect((await pane.lastRun())?.ranAt).toBe('2025-06-30T08:00:00.000Z');
      // And the next run goes through.
      await officeWorkbook(fake).writeRun(outputsWith(second, '2025-07-01T08:00:00.000Z'));
      expect(await officeWorkbook(fake).readMemory()).toEqual(second);
    });
  });
});
