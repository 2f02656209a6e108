/**
 * The Run button's state: idle → running (stage + fraction) → done / cancelled / failed, with a
 * Cancel that aborts whatever step is under way.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '../../engine/types';
import type { Workbook } from '../../workbook/workbook';
import { isAbortError, type EngineClient, type RunSummary } from '../engine/engine-client';
import { runReconciliation, type RunPlan } from './run-reconciliation';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: Stage; fraction: number; cancelling: boolean }
  | { phase: 'done'; summary: RunSummary }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

export interface RunControl {
  state: RunState;
  start(plan: RunPlan): Promise<void>;
  cancel(): void;
  reset(): void;
}

export function useRun(workbook: Workbook, engine: EngineClient): RunControl {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the pane mid-run must not leave a half-written workbook behind.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (plan: RunPlan) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: 'running', stage: 'reading', fraction: 0, cancelling: false });
      const progress = throttledProgress((stage, fraction) => {
        // Progress and the result are drawn as transitions: React draws them in slices between
        // which the browser handles input (the whole pane and a result of 200 suggestions are
        // tasks of 100-700 ms on a loaded machine otherwise); a click or a Cancel comes first.
        if (!abort.signal.aborted) startTransition(() => setState({ phase: 'running', stage, fraction, cancelling: false }));
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
    [workbook, engine],
  );

  const cancel = useCallback(() => {
    if (!controller.current) return;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    controller.current.abort();
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, reset };
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
