/**
 * The run's progress is drawn at most every PROGRESS_INTERVAL_MS (each draw is the progress bar; the
 * engine reports every percent of every stage): a new stage at once, the latest report of an
 * interval when it is up, nothing after the run ended.
 */
import { PROGRESS_INTERVAL_MS, RunProgressStore, throttledProgress } from '../../src/taskpane/state/use-run';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('shows a new stage at once and the latest report of each interval once it is up', () => {
  const shown: string[] = [];
  const progress = throttledProgress((stage, fraction) => shown.push(`${stage} ${fraction}`));
  progress.report('reading', 0);
  progress.report('reading', 0.1);
  progress.report('reading', 0.2);
  expect(shown).toEqual(['reading 0']);
  jest.advanceTimersByTime(PROGRESS_INTERVAL_MS);
  expect(shown).toEqual(['reading 0', 'reading 0.2']);
  progress.report('matching', 0);
  expect(shown).toEqual(['reading 0', 'reading 0.2', 'matching 0']);
  progress.report('matching', 0.5);
  progress.stop();
  jest.advanceTimersByTime(PROGRESS_INTERVAL_MS * 2);
  progress.report('writing', 0);
  expect(shown).toEqual(['reading 0', 'reading 0.2', 'matching 0']);
});

it("keeps the running run's progress in a store that tells its subscribers only of a change", () => {
  const store = new RunProgressStore();
  const seen: string[] = [];
  const unsubscribe = store.subscribe(() => seen.push(`${store.get().stage} ${store.get().fraction}`));
  expect(store.get()).toEqual({ stage: 'reading', fraction: 0 });
  store.set('matching', 0.5);
  store.set('matching', 0.5);
  store.set('writing', 0.1);
  unsubscribe();
  store.set('writing', 0.2);
  expect(seen).toEqual(['matching 0.5', 'writing 0.1']);
  expect(store.get()).toEqual({ stage: 'writing', fraction: 0.2 });
});
