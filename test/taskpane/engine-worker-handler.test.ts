/**
 * The worker's message handler, called directly (no Worker): what each request answers, that
 * every answer survives structured cloning unchanged (no decimal.js objects cross the boundary),
 * progress comes before the answer, and failures become `failed` messages instead of throwing.
 */
import type { EngineRequest, EngineResponse } from '../../src/taskpane/engine/engine-protocol';
import { handleEngineRequest } from '../../src/taskpane/engine/engine-worker-handler';
import type { MatchSettings, ReconcileOutcome, ReconcileRequest, SideDetection } from '../../src/taskpane/engine/engine-client';
import { BANK_RANGE, BANK_ROWS, BANK_SHEET, LEDGER_RANGE, LEDGER_ROWS, LEDGER_SHEET } from './march-books';

function ask(request: EngineRequest): EngineResponse[] {
  const responses: EngineResponse[] = [];
  handleEngineRequest(request, (response) => responses.push(response));
  return responses;
}

/**
 * What crosses to the worker must be plain data: objects of Object or Array, strings, numbers,
 * booleans, null — no decimal.js or other class instances, which structured cloning would strip
 * to bare fields. (Checked by walking the value: jest 29's Node structuredClone builds its copy in
 * another realm, so a deep-equal against the clone cannot tell prototypes apart.)
 */
function expectPlainData(value: unknown, path = 'answer'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (typeof value !== 'object') throw new Error(`${path} is a ${typeof value}, not plain data`);
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => expectPlainData(item, `${path}[${i}]`));
    return;
  }
  if (proto !== Object.prototype && proto !== null) throw new Error(`${path} is a ${proto?.constructor?.name}, not a plain object`);
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    expectPlainData(item, `${path}.${key}`);
  }
}

function answer<T>(responses: EngineResponse[]): T {
  const last = responses[responses.length - 1];
  if (last.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(last)}`);
  return last.value as T;
}

const settings: MatchSettings = { dateWindowDays: 7, referenceWindowDays: 90, tolerance: '50.00', allowCombined: true, allowInstalments: true, maxGroupSize: 5, nameStrictness: 'normal' };

function marchRequest(overrides: Partial<ReconcileRequest> = {}): ReconcileRequest {
  return {
    ledger: { cells: LEDGER_ROWS, firstRow: 1, firstColumn: 0 },
    bank: { cells: BANK_ROWS, firstRow: 1, firstColumn: 0 },
    ledgerOptions: {},
    bankOptions: {},
    match: settings,
    locale: 'zh-CN',
    ledgerPosition: { sheet: LEDGER_SHEET, top: 1, left: 1, width: 7, height: 14, address: LEDGER_RANGE },
    bankPosition: { sheet: BANK_SHEET, top: 1, left: 1, width: 8, height: 14, address: BANK_RANGE },
    ranAt: '2025-04-01T09:30:00.000Z',
    existingSheetNames: [LEDGER_SHEET, BANK_SHEET],
    previousRun: null,
    ...overrides,
  };
}

describe('engine worker handler', () => {
  it("answers 'defaults' with the engine's match options as plain values", () => {
    const responses = ask({ id: 1, type: 'defaults' });
    expect(responses).toHaveLength(1);
    const defaults = answer<MatchSettings>(responses);
    expect(defaults).toEqual({
      dateWindowDays: expect.any(Number),
      referenceWindowDays: expect.any(Number),
      tolerance: expect.stringMatching(/^\d+\.\d\d$/),
      allowCombined: expect.any(Boolean),
      allowInstalments: expect.any(Boolean),
      maxGroupSize: expect.any(Number),
      nameStrictness: expect.stringMatching(/^(strict|normal|loose)$/),
    });
    expect(responses[0].id).toBe(1);
  });

  it("answers 'detect' with the header row, roles, kind and a parsed preview of the bank export", () => {
    const responses = ask({ id: 7, type: 'detect', source: { cells: BANK_ROWS, firstRow: 1, firstColumn: 0 }, options: { side: 'bank' } });
    const detection = answer<SideDetection>(responses);
    expect(detection.headerRow).toBe(4);
    expect(detection.kind).toBe('bank-statement');
    expect(detection.columns).toMatchObject({ date: 0, counterparty: 2, inflow: 4, outflow: 5 });
    expect(detection.entryCount).toBe(9);
    // Title lines above the header and the 合计 line are set aside, not read as entries.
    expect(detection.skippedCount).toBeGreaterThanOrEqual(2);
    expect(detection.preview[0]).toEqual({
      row: 5,
      date: '2025-03-03',
      amount: '15000.00',
      counterparty: '上海明远贸易有限公司',
      reference: expect.any(String),
      description: expect.any(String),
    });
    expect(detection.preview[1]).toMatchObject({ row: 6, date: '2025-03-06', amount: '-3260.00' });
    expectPlainData(detection);
    expect(detection).toEqual(structuredClone(detection));
  });

  it("reads the cash journal's 借方 as money in and its Excel serial dates", () => {
    const detection = answer<SideDetection>(
      ask({ id: 8, type: 'detect', source: { cells: LEDGER_ROWS, firstRow: 1, firstColumn: 0 }, options: { side: 'ledger' } }),
    );
    expect(detection.headerRow).toBe(3);
    expect(detection.kind).toBe('cash-journal');
    expect(detection.columns).toMatchObject({ date: 0, inflow: 4, outflow: 5 });
    expect(detection.entryCount).toBe(9);
    expect(detection.preview.slice(0, 2)).toMatchObject([
      { row: 5, date: '2025-03-03', amount: '15000.00', counterparty: '上海明远贸易有限公司' },
      { row: 6, date: '2025-03-05', amount: '-3260.00' },
    ]);
  });

  it("honours the user's corrections: opposite signs negate every amount", () => {
    const detection = answer<SideDetection>(
      ask({ id: 9, type: 'detect', source: { cells: LEDGER_ROWS, firstRow: 1 }, options: { side: 'ledger', oppositeSigns: true } }),
    );
    expect(detection.preview.slice(0, 2).map((p) => p.amount)).toEqual(['-15000.00', '3260.00']);
  });

  it("answers 'reconcile' with progress first, then outputs and a summary whose figures add up", () => {
    const responses = ask({ id: 3, type: 'reconcile', request: marchRequest() });
    const progress = responses.filter((r) => r.type === 'progress');
    expect(responses.at(-1)?.type).toBe('done');
    expect(responses.slice(0, -1).every((r) => r.type === 'progress' && r.id === 3)).toBe(true);
    expect(new Set(progress.map((p) => (p.type === 'progress' ? p.stage : '')))).toEqual(new Set(['reading', 'matching', 'reporting']));

    const outcome = answer<ReconcileOutcome>(responses);
    expectPlainData(outcome);
    expect(outcome).toEqual(structuredClone(outcome));
    const { summary, outputs } = outcome;

    expect(summary.ledger.unmatched).toEqual({ count: 1, sum: '-25000.00' });
    expect(summary.bank.unmatched).toEqual({ count: 2, sum: '107.45' });
    expect(summary.ledger.entries).toEqual({ count: 9, sum: '-44600.01' });
    expect(summary.bank.entries).toEqual({ count: 9, sum: '-19507.56' });
    expect(summary.ledger.auto.count + summary.ledger.suggested.count).toBe(8);
    expect(summary.bank.auto.count + summary.bank.suggested.count).toBe(7);
    expect(summary.matchRate).toBeCloseTo(15 / 18, 10);

    expect(summary.matchesSheet).toBe('匹配结果');
    expect(outputs.sheets.map((s) => s.name)).toContain('匹配结果');
    expect(outputs.runRecord).toMatchObject({ ranAt: '2025-04-01T09:30:00.000Z', ledgerRange: LEDGER_RANGE });
    expect(outputs.annotations.map((a) => a.sheet).sort()).toEqual([LEDGER_SHEET, BANK_SHEET].sort());
  });

  it('writes output sheet names in the language asked for', () => {
    const outcome = answer<ReconcileOutcome>(ask({ id: 4, type: 'reconcile', request: marchRequest({ locale: 'en' }) }));
    expect(outcome.summary.matchesSheet).toBe('Matches');
  });

  it('posts progress at most once per percent, not once per entry', () => {
    const many = [BANK_ROWS[3], ...Array.from({ length: 3000 }, (_, i) => ['20250303', '货款', `客户${i}`, '', String(100 + i), '', '', `R${i}`])];
    const responses = ask({
      id: 5,
      type: 'reconcile',
      request: marchRequest({ bank: { cells: many, firstRow: 4 }, ledger: { cells: many, firstRow: 4 } }),
    });
    expect(responses.at(-1)?.type).toBe('done');
    const perStage = new Map<string, number>();
    for (const r of responses) if (r.type === 'progress') perStage.set(r.stage, (perStage.get(r.stage) ?? 0) + 1);
    for (const count of perStage.values()) expect(count).toBeLessThanOrEqual(101);
  });

  it('turns an engine error into a failed message for that id', () => {
    const responses = ask({ id: 11, type: 'reconcile', request: marchRequest({ match: { ...settings, tolerance: 'fifty' } }) });
    expect(responses.at(-1)).toEqual({ id: 11, type: 'failed', error: { name: expect.any(String), message: expect.stringMatching(/\S/) } });
  });

  it('answers an unknown request with a protocol error instead of throwing', () => {
    const responses = ask({ id: 12, type: 'explode' } as unknown as EngineRequest);
    expect(responses).toEqual([{ id: 12, type: 'failed', error: { name: 'ProtocolError', message: 'Unknown engine request: "explode"' } }]);
  });
});
