/**
 * Web Worker entry: the engine runs here, off the pane's thread, so the pane stays responsive
 * during a long read or match. Bundled separately by webpack (see create-engine-worker.ts).
 */
// First: the built-ins EdgeHTML 18 lacks, before any module that calls them is evaluated.
import '../legacy-builtins';
import { engineWorkerHandler } from './linked-cells';

/** The few members of DedicatedWorkerGlobalScope used here (tsconfig carries the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
// Large requests (a range's rows) arrive in pieces, and large answers (a run's sheets) leave in pieces;
// on the standalone page a side's cells come from the workbook worker on a port (linked-cells.ts).
const handle = engineWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
