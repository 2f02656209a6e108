/**
 * The worker's side of the protocol as a plain function, so it is testable without a Worker:
 * one request in, responses out through `post`. Never throws: every failure becomes `failed`.
 */
import type { ProgressListener, Stage } from '../../engine/types';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { detectSide, matchDefaults, reconcileAndLayout } from './engine-tasks';

/** Progress is posted at most once per percent per stage; the engine may report far more often. */
const PROGRESS_STEPS = 100;

function throttledProgress(id: number, post: (response: EngineResponse) => void): ProgressListener {
  let lastStage: Stage | null = null;
  let lastStep = -1;
  return (stage, done, total) => {
    const step = total > 0 ? Math.floor((done / total) * PROGRESS_STEPS) : PROGRESS_STEPS;
    if (stage === lastStage && step === lastStep) return;
    lastStage = stage;
    lastStep = step;
    post({ id, type: 'progress', stage, done, total });
  };
}

function describeFailure(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function handleEngineRequest(request: EngineRequest, post: (response: EngineResponse) => void): void {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    switch (request.type) {
      case 'defaults':
        post({ id, type: 'done', value: matchDefaults() });
        return;
      case 'detect':
        post({ id, type: 'done', value: detectSide(request.source, request.options) });
        return;
      case 'reconcile':
        post({ id, type: 'done', value: reconcileAndLayout(request.request, throttledProgress(id, post)) });
        return;
      default:
        post({ id, type: 'failed', error: { name: 'ProtocolError', message: `Unknown engine request: ${JSON.stringify((request as { type?: unknown })?.type)}` } });
    }
  } catch (error) {
    post({ id, type: 'failed', error: describeFailure(error) });
  }
}
