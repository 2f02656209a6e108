/**
 * The Run button's state: idle → running → done / cancelled / failed, with a Cancel that aborts
 * whatever step is under way. The running run's stage and fraction live apart, in a small store
 * (RunProgressStore) that only the progress bar reads: a progress update redraws the bar, not the
 * pane (each redraw of the whole pane during a 100k run was a task of 50-300 ms of React work and
 * garbage on a loaded machine).
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '../../engine/types';
import type { Workbook } from '../../workbook/workbook';
import { isAbortError, type EngineClient, type RunSummary } from '../engine/engine-client';
import { runReconciliation, type RunPlan } from './run-reconciliation';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; cancelling: boolean }
  | { phase: 'done'; summary: RunSummary }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

/** The running run's stage and fraction: read by the progress bar alone (useRunProgress). */
export interface RunProgressValue {
  stage: Stage;
  fraction: number;
}

export class RunProgressStore {
  private value: RunProgressValue = { stage: 'reading', fraction: 0 };
  private readonly listeners = new Set<() => void>();

  get(): RunProgressValue {
    return this.value;
  }

  set(stage: Stage, fraction: number): void {
    if (this.value.stage === stage && this.value.fraction === fraction) return;
    this.value = { stage, fraction };
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/**
 * The store's value, redrawn as a transition when it changes (React draws it between input
 * events; a click or a Cancel comes first). Only the component calling this redraws.
 */
export function useRunProgress(store: RunProgressStore): RunProgressValue {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    const update = () => startTransition(() => setValue(store.get()));
    update();
    return store.subscribe(update);
  }, [store]);
  return value;
}

export interface RunControl {
  state: RunState;
  /** The running run's stage and fraction (the progress bar subscribes; the pane does not). */
  progress: RunProgressStore;
  start(plan: RunPlan): Promise<void>;
  cancel(): void;
  reset(): void;
}

export function useRun(workbook: Workbook, engine: EngineClient): RunControl {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const [progressStore] = useState(() => new RunProgressStore());

  // Leaving the pane mid-run must not leave a half-written workbook behind.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (plan: RunPlan) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      progressStore.set('reading', 0);
      setState({ phase: 'running', cancelling: false });
      const progress = throttledProgress((stage, fraction) => {
        // Progress goes to its own store, drawn by the bar alone as a transition (useRunProgress);
        // the result is drawn as a transition too: React draws it in slices between which the
        // browser handles input (a result of 200 suggestions is a task of 100-700 ms on a loaded
        // machine otherwise); a click or a Cancel comes first.
        if (!abort.signal.aborted) progressStore.set(stage, fraction);
      });
      try {
        const summary = await runReconciliation(workbook, engine, plan, progress.report, abort.signal);
        progress.stop();
        startTransition(() => setState({ phase: 'done', summary }));
      } catch (error) {
        setState(isAbortError(error) || abort.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error });
      } finally {
        progress.stop();
        controller.current = null;
      }
    },
    [workbook, engine, progressStore],
  );

  const cancel = useCallback(() => {
    if (!controller.current) return;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    controller.current.abort();
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, progress: progressStore, start, cancel, reset };
}

/** Progress is drawn at most this often (the engine reports every percent of every stage). */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * `show` called at most every PROGRESS_INTERVAL_MS, and at once for a new stage; the latest report
 * in between is shown when the interval is up. `stop` drops a report still waiting (the run ended).
 */
export function throttledProgress(show: (stage: Stage, fraction: number) => void): { report: (stage: Stage, fraction: number) => void; stop: () => void } {
  let shownStage: Stage | null = null;
  let shownAt = 0;
  let waiting: ReturnType<typeof setTimeout> | null = null;
  let latest: [Stage, number] | null = null;
  let stopped = false;
  const showNow = (stage: Stage, fraction: number) => {
    shownStage = stage;
    shownAt = Date.now();
    show(stage, fraction);
  };
  const stop = () => {
    stopped = true;
    if (waiting !== null) clearTimeout(waiting);
    waiting = null;
  };
  const report = (stage: Stage, fraction: number) => {
    if (stopped) return;
    latest = [stage, fraction];
    const since = Date.now() - shownAt;
    if (stage !== shownStage || since >= PROGRESS_INTERVAL_MS) {
      if (waiting !== null) clearTimeout(waiting);
      waiting = null;
      showNow(stage, fraction);
      return;
    }
    if (waiting === null) {
      waiting = setTimeout(() => {
        waiting = null;
        if (!stopped && latest) showNow(latest[0], latest[1]);
      }, PROGRESS_INTERVAL_MS - since);
    }
  };
  return { report, stop };
}
