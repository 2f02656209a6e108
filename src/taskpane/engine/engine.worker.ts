/**
 * Web Worker entry: the engine runs here, off the pane's thread, so the pane stays responsive
 * during a long read or match. Bundled separately by webpack (see create-engine-worker.ts).
 */
// First: the built-ins EdgeHTML 18 lacks, before any module that calls them is evaluated.
import '../legacy-builtins';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { handleEngineRequest } from './engine-worker-handler';

/** The few members of DedicatedWorkerGlobalScope used here (tsconfig carries the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => handleEngineRequest(event.data, (response) => scope.postMessage(response));
