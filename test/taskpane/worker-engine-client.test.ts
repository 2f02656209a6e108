/**
 * The pane's side of the worker protocol, against a scripted stand-in for the Worker: answers are
 * routed by id, progress reaches the caller, and a cancel terminates the worker at once while
 * other waiting calls carry on in a fresh one.
 */
import type { EngineRequest, EngineResponse } from '../../src/taskpane/engine/engine-protocol';
import { WorkerEngineClient, type WorkerLike } from '../../src/taskpane/engine/worker-engine-client';
import { type ReconcileRequest, type SideDetection } from '../../src/taskpane/engine/engine-client';

class ScriptedWorker implements WorkerLike {
  posted: EngineRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: EngineResponse }) => void) | null = null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null = null;

  postMessage(message: EngineRequest): void {
    // Like a real worker: the message arrives as a copy.
    this.posted.push(structuredClone(message));
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(response: EngineResponse): void {
    if (this.terminated) throw new Error('a terminated worker cannot answer');
    this.onmessage?.({ data: structuredClone(response) });
  }
}

function setup() {
  const workers: ScriptedWorker[] = [];
  const client = new WorkerEngineClient(() => {
    const worker = new ScriptedWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

const detection: SideDetection = {
  headerRow: 4,
  columns: { date: 0, inflow: 3, outflow: 4 },
  columnHeaders: { date: '交易日期', inflow: '收入金额', outflow: '支出金额' },
  kind: 'bank-statement',
  decisions: [],
  entryCount: 12,
  skippedCount: 5,
  issueCount: 0,
  issues: [],
  preview: [{ row: 5, date: '2025-03-03', amount: '15000.00', counterparty: '上海明远贸易有限公司', reference: 'HX001', description: '货款' }],
};

const cells = { cells: [['交易日期', '金额'], ['2025-03-03', '15,000.00']], firstRow: 4, firstColumn: 0 };

const reconcileRequest = { ledger: cells, bank: cells } as unknown as ReconcileRequest;

describe('WorkerEngineClient', () => {
  it('starts no worker until the first call, then numbers requests and routes answers by id', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const first = client.detect(cells, { side: 'bank' });
    const second = client.detect(cells, { side: 'ledger', oppositeSigns: true });
    expect(workers).toHaveLength(1);
    const [a, b] = workers[0].posted;
    expect(a).toEqual({ id: a.id, type: 'detect', source: cells, options: { side: 'bank' } });
    expect(b.id).not.toBe(a.id);
    // Answer out of order: each promise still gets its own answer.
    workers[0].reply({ id: b.id, type: 'done', value: { ...detection, kind: 'cash-journal' } });
    workers[0].reply({ id: a.id, type: 'done', value: detection });
    await expect(first).resolves.toEqual(detection);
    await expect(second).resolves.toMatchObject({ kind: 'cash-journal' });
  });

  it('hands progress to the caller, stage by stage', async () => {
    const { client, workers } = setup();
    const progress: string[] = [];
    const done = client.reconcile(reconcileRequest, (stage, doneCount, total) => progress.push(`${stage} ${doneCount}/${total}`));
    const { id } = workers[0].posted[0];
    workers[0].reply({ id, type: 'progress', stage: 'reading', done: 1, total: 2 });
    workers[0].reply({ id, type: 'progress', stage: 'matching', done: 50, total: 100 });
    workers[0].reply({ id, type: 'done', value: { outputs: { sheets: [], annotations: [] }, summary: {} } as never });
    await done;
    expect(progress).toEqual(['reading 1/2', 'matching 50/100']);
  });

  it('turns a failed answer into a rejected promise with the engine message', async () => {
    const { client, workers } = setup();
    const call = client.detect(cells, { side: 'bank' });
    workers[0].reply({ id: workers[0].posted[0].id, type: 'failed', error: { name: 'RangeError', message: 'Row 7, column C: expected a date' } });
    await expect(call).rejects.toMatchObject({ name: 'RangeError', message: 'Row 7, column C: expected a date' });
  });

  it('cancels a run by terminating the worker, and re-sends other waiting calls to a new one', async () => {
    const { client, workers } = setup();
    const abort = new AbortController();
    const run = client.reconcile(reconcileRequest, undefined, abort.signal);
    const detect = client.detect(cells, { side: 'bank' });
    const detectId = workers[0].posted[1].id;

    abort.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].posted).toEqual([expect.objectContaining({ id: detectId, type: 'detect' })]);

    workers[1].reply({ id: detectId, type: 'done', value: detection });
    await expect(detect).resolves.toEqual(detection);
  });

  it('rejects at once, posting nothing, when the signal is already aborted', async () => {
    const { client, workers } = setup();
    const abort = new AbortController();
    abort.abort();
    await expect(client.reconcile(reconcileRequest, undefined, abort.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers).toHaveLength(0);
  });

  it('fails every waiting call when the worker dies, and starts a new worker for the next call', async () => {
    const { client, workers } = setup();
    const a = client.detect(cells, { side: 'bank' });
    const b = client.matchDefaults();
    let prevented = false;
    workers[0].onerror?.({ message: 'Uncaught RangeError: Maximum call stack size exceeded', preventDefault: () => (prevented = true) });
    await expect(a).rejects.toThrow('The engine stopped unexpectedly: Uncaught RangeError: Maximum call stack size exceeded');
    await expect(b).rejects.toThrow(/stopped unexpectedly/);
    expect(prevented).toBe(true);
    expect(workers[0].terminated).toBe(true);

    const c = client.matchDefaults();
    expect(workers).toHaveLength(2);
    workers[1].reply({ id: workers[1].posted[0].id, type: 'done', value: { dateWindowDays: 7, referenceWindowDays: 90, tolerance: '50.00', allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' } });
    await expect(c).resolves.toMatchObject({ dateWindowDays: 7 });
  });

  it('ignores answers for calls it no longer waits for', async () => {
    const { client, workers } = setup();
    const call = client.detect(cells, { side: 'bank' });
    const { id } = workers[0].posted[0];
    workers[0].reply({ id: id + 100, type: 'done', value: detection });
    workers[0].reply({ id, type: 'done', value: detection });
    workers[0].reply({ id, type: 'done', value: { ...detection, entryCount: 0 } });
    await expect(call).resolves.toEqual(detection);
  });

  it('dispose terminates the worker and rejects what is still waiting', async () => {
    const { client, workers } = setup();
    const call = client.detect(cells, { side: 'bank' });
    client.dispose();
    await expect(call).rejects.toThrow('The engine was shut down.');
    expect(workers[0].terminated).toBe(true);
  });
});
