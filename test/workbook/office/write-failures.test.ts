/**
 * All-or-nothing: a sync failing at any point before the switch-over (or the switch itself, even
 * half-applied) must leave the workbook exactly as it was; after the switch the new results are
 * in place and only the previous run's leftovers may remain. A small request budget forces many
 * syncs so every step of the write is hit.
 */
import { FakeExcel, type SyncRecord, type WorkbookSnapshot } from '../../fake-excel';
import { BANK_SHEET, LEDGER_SHEET, officeWorkbook, runOutputs, setUpWorkbook } from './fixtures';

const FIRST = { ledgerRows: 60, bankRows: 45 };
const SECOND = { ledgerRows: 60, bankRows: 30, matchRows: 25 };
const BUDGET = { maxRequestBytes: 6_000 };

/** A workbook after a first run, ready for the second (so renames and cleanup are exercised). */
async function afterFirstRun(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  setUpWorkbook(fake, FIRST);
  fake.setFormat(BANK_SHEET, 'I1:I3', 'fill', '#FFFF00'); // the user's own formats near the status column
  fake.addConditionalFormat(LEDGER_SHEET, 'E5:F64', { type: 'DataBar' });
  await officeWorkbook(fake, BUDGET).writeRun(runOutputs(FIRST));
  fake.stats.reset();
  return fake;
}

function secondOutputs() {
  const outputs = runOutputs(SECOND);
  outputs.runRecord.ranAt = '2025-07-01T08:00:00.000Z';
  return outputs;
}

/** The clean second run: how many syncs, which one switches over. */
async function baseline(): Promise<{ syncs: SyncRecord[]; switchAt: number; result: WorkbookSnapshot }> {
  const fake = await afterFirstRun();
  await officeWorkbook(fake, BUDGET).writeRun(secondOutputs());
  const syncs = fake.stats.syncs;
  const switchAt = Math.max(...syncs.filter((s) => s.labels.includes('ConditionalFormatCollection.add')).map((s) => s.index));
  return { syncs, switchAt, result: fake.snapshot() };
}

describe('a failing sync leaves the workbook as it was', () => {
  let plan: Awaited<ReturnType<typeof baseline>>;

  beforeAll(async () => {
    plan = await baseline();
  });

  test('the write takes many syncs, the switch-over is one of the last', () => {
    expect(plan.syncs.length).toBeGreaterThan(10);
    expect(plan.switchAt).toBeGreaterThan(5);
    expect(plan.switchAt).toBeLessThan(plan.syncs.length);
  });

  test('failing before a sync is sent, at every sync index', async () => {
    for (let k = 1; k <= plan.syncs.length; k++) {
      const fake = await afterFirstRun();
      const before = fake.snapshot();
      fake.failAtSync(k);
      const error = await officeWorkbook(fake, BUDGET)
        .writeRun(secondOutputs())
        .then(() => null, (e: Error) => e);
      if (k <= plan.switchAt) {
        expect(error?.message).toMatch(/lost/);
        expect({ k, snapshot: fake.snapshot() }).toEqual({ k, snapshot: before });
      } else {
        // After the switch-over the clean-up is repeated until it goes through.
        expect(error).toBeNull();
        expect({ k, snapshot: fake.snapshot() }).toEqual({ k, snapshot: plan.result });
      }
    }
  });

  test('failing half-way through a batch (some operations applied), at every sync index', async () => {
    for (let k = 1; k <= plan.syncs.length; k++) {
      const fake = await afterFirstRun();
      const before = fake.snapshot();
      fake.failAtSync(k, { afterOps: Math.floor(plan.syncs[k - 1].ops / 2) });
      const error = await officeWorkbook(fake, BUDGET)
        .writeRun(secondOutputs())
        .then(() => null, (e: Error) => e);
      if (k <= plan.switchAt) {
        expect(error).not.toBeNull();
        expect({ k, snapshot: fake.snapshot() }).toEqual({ k, snapshot: before });
      } else {
        expect(error).toBeNull();
        expect({ k, snapshot: fake.snapshot() }).toEqual({ k, snapshot: plan.result });
      }
    }
  });

  test('the switch-over failing after any number of its operations is still undone', async () => {
    const ops = plan.syncs[plan.switchAt - 1].ops;
    for (let applied = 0; applied < ops; applied += Math.max(1, Math.floor(ops / 12))) {
      const fake = await afterFirstRun();
      const before = fake.snapshot();
      fake.failAtSync(plan.switchAt, { afterOps: applied });
      await expect(officeWorkbook(fake, BUDGET).writeRun(secondOutputs())).rejects.toThrow();
      expect({ applied, snapshot: fake.snapshot() }).toEqual({ applied, snapshot: before });
    }
  });

  test('a first run failing half-way leaves the user’s workbook untouched too', async () => {
    const fresh = new FakeExcel();
    setUpWorkbook(fresh, FIRST);
    const before = fresh.snapshot();
    fresh.failAtSync(6, { afterOps: 3 });
    await expect(officeWorkbook(fresh, BUDGET).writeRun(runOutputs(FIRST))).rejects.toThrow();
    expect(fresh.snapshot()).toEqual(before);
  });

  test('an abort part-way rolls back and rejects with AbortError', async () => {
    const fake = await afterFirstRun();
    const before = fake.snapshot();
    const controller = new AbortController();
    let calls = 0;
    const error = await officeWorkbook(fake, BUDGET)
      .writeRun(
        secondOutputs(),
        () => {
          if (++calls === 1) controller.abort();
        },
        controller.signal,
      )
      .then(() => null, (e: Error) => e);
    expect(error?.name).toBe('AbortError');
    expect(fake.snapshot()).toEqual(before);

    const untouched = await afterFirstRun();
    const aborted = new AbortController();
    aborted.abort();
    await expect(officeWorkbook(untouched, BUDGET).writeRun(secondOutputs(), undefined, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(untouched.stats.syncCount).toBe(0);
  });

  test('a clean-up that keeps failing leaves a pending list the next run finishes', async () => {
    const fake = await afterFirstRun();
    const cleanupSyncs = plan.syncs.length - plan.switchAt;
    for (let i = 1; i <= 3 * cleanupSyncs + 3; i++) fake.failAtSync(plan.switchAt + i);
    // Writing the sheets over in place gives up first (the sheets keep their names, never renamed away).
    await expect(officeWorkbook(fake, BUDGET).writeRun(secondOutputs())).rejects.toThrow(/The results were written, but replacing "匹配结果", "差异明细" failed/);
    fake.clearFailures();
    expect(fake.sheetNames().some((n) => n.startsWith('_recon_'))).toBe(true);
    // The bank's old labels below row 34 are still there, listed as pending.
    expect(fake.cell(BANK_SHEET, 'I40').value).toBe('M36');

    const wb = officeWorkbook(fake, BUDGET);
    await wb.writeRun(secondOutputs());
    expect({ ...fake.snapshot() }).toEqual(plan.result);
  });

  test('when the undo itself fails, the message says so and the next run sweeps the leftovers', async () => {
    // A re-run with a sheet of a new name: it is built under a temporary name.
    const renamed = () => runOutputs(SECOND, { discrepancies: '差异明细（二）' });
    const probe = await afterFirstRun();
    await officeWorkbook(probe, BUDGET).writeRun(renamed());
    const added = probe.stats.syncs.find((s) => s.labels.includes('WorksheetCollection.add'))!.index;

    const fake = await afterFirstRun();
    fake.failAtSync(added + 1);
    fake.failAtSync(added + 2); // the rollback's first sync
    await expect(officeWorkbook(fake, BUDGET).writeRun(renamed())).rejects.toThrow(/Undoing the partial write also failed/);
    expect(fake.sheetNames().some((n) => n.startsWith('_recon_tmp_'))).toBe(true);

    await officeWorkbook(fake, BUDGET).writeRun(renamed());
    expect(fake.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, '匹配结果', '_recon_state', '差异明细（二）']);
  });
});
