/**
 * EngineClient that runs the engine on the calling thread: for tests, and hosts without Web
 * Workers. It goes through the same message handler as the worker, so what the pane receives is
 * the same plain data. An abort is honoured before the work starts and when it returns (a
 * synchronous engine cannot be interrupted in between).
 */
import type { ProgressListener, ReadOptions } from '../../engine/types';
import {
  abortError,
  type EngineClient,
  type MatchSettings,
  type ReconcileOutcome,
  type ReconcileRequest,
  type SideDetection,
  type SourceCells,
} from './engine-client';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { handleEngineRequest } from './engine-worker-handler';

export class InProcessEngineClient implements EngineClient {
  private nextId = 1;

  matchDefaults(): Promise<MatchSettings> {
    return this.run({ id: this.nextId++, type: 'defaults' });
  }

  detect(source: SourceCells, options: ReadOptions, signal?: AbortSignal): Promise<SideDetection> {
    return this.run({ id: this.nextId++, type: 'detect', source, options }, undefined, signal);
  }

  reconcile(request: ReconcileRequest, onProgress?: ProgressListener, signal?: AbortSignal): Promise<ReconcileOutcome> {
    return this.run({ id: this.nextId++, type: 'reconcile', request }, onProgress, signal);
  }

  dispose(): void {}

  private async run<T>(request: EngineRequest, onProgress?: ProgressListener, signal?: AbortSignal): Promise<T> {
    // Let the caller's UI update (e.g. show "reading") before the synchronous work starts.
    await Promise.resolve();
    if (signal?.aborted) throw abortError();
    // Held cells live in another worker (linked-cells.ts); this engine has only the calling thread.
    const sources = request.type === 'detect' ? [request.source] : request.type === 'reconcile' ? [request.request.ledger, request.request.bank] : [];
    if (sources.some((source) => source.held)) throw new Error('The in-process engine cannot read cells held by a workbook worker.');
    let outcome: EngineResponse | null = null;
    handleEngineRequest(request, (response) => {
      if (response.type === 'progress') onProgress?.(response.stage, response.done, response.total);
      else outcome = response;
    });
    if (signal?.aborted) throw abortError();
    const final = outcome as EngineResponse | null;
    if (final?.type === 'done') return final.value as T;
    const error = new Error(final?.type === 'failed' ? final.error.message : 'The engine gave no answer.');
    if (final?.type === 'failed') error.name = final.error.name;
    throw error;
  }
}
