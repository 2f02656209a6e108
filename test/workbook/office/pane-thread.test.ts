/**
 * The Office host's care for the pane's thread: pauses between slices (src/workbook/office/page-slices.ts),
 * the run record written in slices being JSON.stringify's text character for character, pauses only
 * when a slice is used up; and the stored state read once for the calls made while it is read.
 */
import fc from 'fast-check';
import { PageSlicer, parseJsonInSlices, stringifyInSlices } from '../../../src/workbook/office/page-slices';
import { encodeState, encodeStateInSlices, STATE_SHEET } from '../../../src/workbook/office/run-state';
import { emptyMemory } from '../../../src/workbook/layout/recon-state';
import { FakeExcel } from '../../fake-excel';
import { officeWorkbook } from './fixtures';

/** A slicer whose every slice is used up at once: every member is a pause point. */
class EagerSlicer extends PageSlicer {
  pauses = 0;
  constructor() {
    super(0);
  }
  override async pause(): Promise<void> {
    this.pauses++;
    await super.pause();
  }
}

/** Every slice used up at once, the pauses counted but not waited for (thousands of them). */
class CountingSlicer extends PageSlicer {
  pauses = 0;
  constructor() {
    super(0);
  }
  override async pause(): Promise<void> {
    this.pauses++;
  }
}

test('stringifyInSlices gives JSON.stringify’s text for any JSON value', async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), async (value) => {
      expect(await stringifyInSlices(value, new EagerSlicer())).toBe(JSON.stringify(value));
    }),
    { numRuns: 200 },
  );
});

test('…and for a run record’s shape: long arrays and maps of objects, undefined members, toJSON', async () => {
  const groups = Array.from({ length: 600 }, (_, i) => ({ id: `M${i + 1}`, origin: 'auto', ledger: [`${i}#1`], bank: [`b${i}#1`], note: i % 7 === 0 ? undefined : 'x"y\\z' }));
  const prints: Record<string, string> = {};
  for (let i = 0; i < 600; i++) prints[String(i * 3 + 2)] = `p${i}`;
  const state = {
    version: 2,
    run: { ranAt: new Date(Date.UTC(2025, 3, 1)), options: { a: 1 }, skip: undefined, f: () => 1 },
    memory: { groups, rowPrints: { ledger: prints, bank: { ...prints, name: '名' } }, holes: [1, undefined, () => 2, null], audit: [] },
    host: {},
  };
  const slicer = new EagerSlicer();
  expect(await stringifyInSlices(state, slicer)).toBe(JSON.stringify(state));
  expect(slicer.pauses).toBeGreaterThan(600);
  expect(await stringifyInSlices(undefined, slicer)).toBe('null');
});

test('parseJsonInSlices gives JSON.parse’s value for any JSON text, small or walked member by member', async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, spaced) => {
      const text = JSON.stringify(value, null, spaced ? 2 : undefined) ?? 'null';
      // Padded past the size parsed in one go, so the walk is taken too.
      const padded = `${' '.repeat(40_000)}${text}\n`;
      expect(await parseJsonInSlices(text, new EagerSlicer())).toEqual(JSON.parse(text));
      expect(await parseJsonInSlices(padded, new EagerSlicer())).toEqual(JSON.parse(padded));
    }),
    { numRuns: 200 },
  );
});

test('…for a run record’s size: large arrays and objects walked with pauses, members with escapes and __proto__ keys', async () => {
  const groups = Array.from({ length: 5000 }, (_, i) => ({ id: `M${i + 1}`, origin: i % 3 ? 'auto' : 'suggested', ledger: [`${i}#1`], text: 'q"u\\o\u2028te}]{[,', n: -i / 7 }));
  const prints: Record<string, string> = {};
  for (let i = 0; i < 5000; i++) prints[String(i * 3 + 2)] = `p${i}名`;
  const big = { version: 2, run: null, memory: { groups, rowPrints: { ledger: prints }, nested: [[groups.slice(0, 2000)], { deep: { deeper: groups.slice(0, 1500) } }] }, host: {} };
  const text = `{"__proto__":{"x":1},${JSON.stringify(big).slice(1)}`;
  expect(text.length).toBeGreaterThan(200_000);
  const slicer = new CountingSlicer();
  const parsed = (await parseJsonInSlices(text, slicer)) as Record<string, unknown>;
  expect(parsed).toEqual(JSON.parse(text));
  expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  expect(Object.keys(parsed)).toEqual(Object.keys(JSON.parse(text)));
  expect(slicer.pauses).toBeGreaterThan(100);
});

test('parseJsonInSlices refuses what JSON.parse refuses', async () => {
  const long = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i, s: `v${i}` })));
  for (const bad of [`${long.slice(0, -1)}`, `${long},`, `${long.slice(0, -1)},]`, `[${long.slice(1, -1)} 1]`, `{"a" ${long}}`, `{"a":${long}`, `${long}x`, `["${'x'.repeat(40_000)}`]) {
    expect(() => JSON.parse(bad)).toThrow(SyntaxError);
    await expect(parseJsonInSlices(bad, new CountingSlicer())).rejects.toThrow(SyntaxError);
  }
});

test('a slicer pauses only once its slice is used up', async () => {
  const slicer = new PageSlicer(60_000);
  expect(slicer.due()).toBe(false);
  const pausing = jest.spyOn(slicer, 'pause');
  await slicer.maybePause();
  expect(pausing).not.toHaveBeenCalled();
});

test('the stored state is read once for calls made while it is being read (lastRun and readMemory at once)', async () => {
  const fake = new FakeExcel();
  fake.addSheet('Ledger', [['Date', 'Amount']]);
  fake.addSheet(STATE_SHEET, encodeState({ record: null, office: { rules: [], tables: [] }, memory: { ...emptyMemory(), userName: '王会计' } }), 'A1', 'VeryHidden');
  let batches = 0;
  const workbook = officeWorkbook(fake, {
    run: (batch) => {
      batches++;
      return fake.run(batch);
    },
  });
  const [record, memory, again] = await Promise.all([workbook.lastRun(), workbook.readMemory(), workbook.readMemory()]);
  expect(record).toBeNull();
  expect(memory.userName).toBe('王会计');
  expect(again).toBe(memory);
  expect(batches).toBe(1);
  // A later call reads the workbook again (it may have changed meanwhile).
  await workbook.readMemory();
  expect(batches).toBe(2);
});

test('the run record written in slices is encodeState’s rows, cut into the same parts', async () => {
  const groups = Array.from({ length: 2500 }, (_, i) => ({ id: `M${i + 1}`, origin: 'auto' as const, ledger: [`${i.toString(36)}#1`], bank: [`b${i}#1`], rule: 'amount-date' as const }));
  const memory = { ...emptyMemory(), groups, userName: '王会计' };
  const small = { record: null, office: { rules: [], tables: [] }, memory: emptyMemory() };
  const large = { record: null, office: { rules: [], tables: [] }, memory };
  for (const state of [small, large]) {
    const rows = await encodeStateInSlices(state, new PageSlicer(5));
    expect(rows).toEqual(encodeState(state));
  }
  expect(encodeState(large).length).toBeGreaterThan(4);
});
