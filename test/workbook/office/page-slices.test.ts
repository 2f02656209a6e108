/**
 * The Office host's pauses between slices of the pane's thread (src/workbook/office/page-slices.ts):
 * the run record written in slices is JSON.stringify's text character for character, and pauses
 * happen only when a slice is used up.
 */
import fc from 'fast-check';
import { PageSlicer, stringifyInSlices } from '../../../src/workbook/office/page-slices';

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

test('a slicer pauses only once its slice is used up', async () => {
  const slicer = new PageSlicer(60_000);
  expect(slicer.due()).toBe(false);
  const pausing = jest.spyOn(slicer, 'pause');
  await slicer.maybePause();
  expect(pausing).not.toHaveBeenCalled();
});
