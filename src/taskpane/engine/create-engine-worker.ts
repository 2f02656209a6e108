/**
 * Starts the engine worker. Webpack 5 recognises `new Worker(new URL(..., import.meta.url))` and
 * emits the worker as its own bundle, so the engine and decimal.js never weigh on the pane's
 * initial load. Kept in a file of its own: `import.meta` only exists in the webpack build.
 */
import type { WorkerLike } from './worker-engine-client';

export function createEngineWorker(): WorkerLike {
  // @ts-ignore TS1343: tsconfig targets CommonJS for node and jest; webpack resolves import.meta here.
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'recon-engine' }) as unknown as WorkerLike;
}
