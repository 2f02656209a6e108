/**
 * The standalone page's hand-over, worker to worker (taskpane/engine/linked-cells.ts): a side's
 * cells go from the workbook service straight to the engine's handler on a MessageChannel, and a
 * run's outputs straight back, the page getting only the first rows, the sizes and the summary.
 * The two workers are stood in for by their real handlers (the engine worker's onmessage, the
 * workbook service) over Node's MessageChannel, so every message is structured-cloned as in a
 * browser; what the "page" receives is recorded and must hold no sheet's rows.
 */
import v8 from 'node:v8';
import { MessageChannel as NodeMessageChannel } from 'node:worker_threads';
import { generatePair } from '../../src/generator/generate-pair';
import { StandaloneWorkbook } from '../../src/standalone/host/standalone-workbook';
import { inProcessPort, WorkbookClient } from '../../src/standalone/worker/workbook-client';
import { WorkbookService } from '../../src/standalone/worker/workbook-service';
import { WorkerLink } from '../../src/standalone/worker/worker-link';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { engineWorkerHandler } from '../../src/taskpane/engine/linked-cells';
import { WorkerEngineClient, type WorkerLike } from '../../src/taskpane/engine/worker-engine-client';
import { runReconciliation, type RunPlan } from '../../src/taskpane/state/run-reconciliation';
import { sourceOf } from '../../src/taskpane/state/use-side-setup';
import { XlsxWorkbook } from '../../src/workbook/file/xlsx-workbook';
import { HELD_HEAD_ROWS } from '../../src/workbook/workbook';

const ROWS = 1500;
const pair = generatePair({ seed: 3, rows: ROWS, layout: 'zh-bank-cash-journal', days: 20 });

function fileWorkbook(): XlsxWorkbook {
  return XlsxWorkbook.fromSheets(
    [
      { name: 'ledger', values: pair.ledger.cells },
      { name: 'bank', values: pair.bank.cells },
    ],
    'pair.xlsx',
  );
}

/** Longest array anywhere in a message (a rows array, a column of labels). */
function longestArray(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value !== null && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}

/** The engine worker, its real onmessage, on this thread: every message cloned (ports moved) as a Worker's are. */
class EngineWorkerStandIn implements WorkerLike {
  /** What the page received from it. */
  readonly toPage: unknown[] = [];
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  private readonly handle = engineWorkerHandler((message) => {
    this.toPage.push(message);
    const copy = v8.deserialize(v8.serialize(message));
    setTimeout(() => this.onmessage?.({ data: copy }), 0);
  });
  private readonly wire = new NodeMessageChannel();

  constructor() {
    // A real channel between "page" and "worker", so ports in a message are transferred, not shared.
    this.wire.port2.on('message', (data: unknown) => this.handle(data));
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.wire.port1.postMessage(message, transfer as never);
  }

  terminate(): void {
    this.wire.port1.close();
  }
}

/** A workbook "worker": the service on this thread (the ports it is given are used where they are). */
function workbookClient(link: WorkerLink | null): { client: WorkbookClient } {
  return { client: new WorkbookClient(inProcessPort(new WorkbookService(fileWorkbook(), 'pair.xlsx')), link) };
}

const plan = (engine: { matchDefaults(): Promise<RunPlan['match']> }) =>
  engine.matchDefaults().then((match): RunPlan => ({ ledgerAddress: 'ledger', bankAddress: 'bank', ledgerOptions: {}, bankOptions: {}, match, locale: 'en' }));

// Node's global MessageChannel is the one worker_threads has; the link makes its channels with it.
beforeAll(() => {
  (globalThis as { MessageChannel?: unknown }).MessageChannel ??= NodeMessageChannel;
});

describe('cells and outputs go worker to worker on the standalone page', () => {
  let engines: EngineWorkerStandIn[] = [];
  afterEach(() => {
    for (const engine of engines) engine.terminate();
    engines = [];
  });

  function linkedSetup() {
    const link = new WorkerLink();
    const { client } = workbookClient(link);
    const host = new StandaloneWorkbook(client, { fileName: 'pair.xlsx', sheets: ['ledger', 'bank'] });
    const engine = new WorkerEngineClient(() => {
      const worker = new EngineWorkerStandIn();
      engines.push(worker);
      return worker;
    }, link);
    return { link, client, host, engine };
  }

  it('holds a side in the workbook worker: the page gets its first rows and its size, the engine the whole of it', async () => {
    const { host, engine } = linkedSetup();
    const held = await host.holdValues('ledger');
    const full = await host.readValues('ledger');
    expect(held.held).toEqual({ holder: expect.any(Number), rows: full.values.length, width: 0 + Math.max(...full.values.map((r) => r.length)) });
    expect(held.values).toEqual(full.values.slice(0, HELD_HEAD_ROWS));
    expect(held.address).toBe(full.address);

    const linked = await engine.detect(sourceOf(held), { side: 'ledger' });
    const direct = await new InProcessEngineClient().detect(sourceOf(full), { side: 'ledger' });
    expect(linked).toEqual(direct);
    expect(linked.entryCount).toBeGreaterThan(ROWS * 0.9);
    // Nothing long reached the page from the engine.
    expect(Math.max(...engines[0].toPage.map(longestArray))).toBeLessThan(100);
  });

  it('runs and writes with the outputs going straight to the workbook worker; the workbook ends as an in-process run leaves it', async () => {
    const { host, engine } = linkedSetup();
    const summary = await runReconciliation(host, engine, await plan(engine));

    // The same run with everything on this thread (no link: cells and outputs through the "page").
    const plainHost = new StandaloneWorkbook(workbookClient(null).client, { fileName: 'pair.xlsx', sheets: ['ledger', 'bank'] });
    const plainEngine = new InProcessEngineClient();
    const plainSummary = await runReconciliation(plainHost, plainEngine, await plan(plainEngine));
    const { groupOrigins, ...rest } = summary;
    const { groupOrigins: plainOrigins, ...plainRest } = plainSummary;
    expect(rest).toEqual(plainRest);
    expect(groupOrigins).toEqual(plainOrigins);

    expect(await host.sheetNames()).toEqual(await plainHost.sheetNames());
    // The sources with their status columns, and the Matches sheet, are the same cell for cell (the
    // sheets that say when the run was may differ by that time).
    const matches = summary.matchesSheet!;
    for (const sheet of ['ledger', 'bank', matches]) {
      const [linked, plain] = await Promise.all([host.readValues(sheet), plainHost.readValues(sheet)]);
      expect(linked.values).toEqual(plain.values);
    }
    for (const sheet of await host.sheetNames()) {
      const [linked, plain] = await Promise.all([host.readValues(sheet), plainHost.readValues(sheet)]);
      expect(linked.values.length).toBe(plain.values.length);
    }
    expect((await host.readValues(matches)).values.length).toBeGreaterThan(ROWS * 0.5);
    // What the pane reads after a run (its set-up and sign-off) comes without the run's groups and row prints.
    const [whole, settings] = await Promise.all([host.readMemory(), host.readMemory('settings')]);
    expect(whole.groups.length).toBeGreaterThan(ROWS * 0.5);
    expect(settings).toEqual({ ...whole, groups: [], decisions: [], audit: [], aliases: [], rowPrints: undefined, matchesSheet: undefined, auditSheet: undefined, aliasesSheet: undefined, aliasesLearnedFrom: undefined });
    // What the engine posted to the page: the summary and a few progress messages, no sheet's rows.
    expect(Math.max(...engines.flatMap((e) => e.toPage).map(longestArray))).toBeLessThan(1000);
  });

  it('says so when the workbook the cells came from was closed', async () => {
    const { host, engine } = linkedSetup();
    const held = await host.holdValues('bank');
    host.dispose();
    await expect(engine.detect(sourceOf(held), { side: 'bank' })).rejects.toThrow(/closed/);
  });

  it('refuses held cells in the in-process engine rather than reading only their first rows', async () => {
    const { host } = linkedSetup();
    const held = await host.holdValues('bank');
    await expect(new InProcessEngineClient().detect(sourceOf(held), { side: 'bank' })).rejects.toThrow(/held/);
  });
});
