/**
 * Messages between the pane and the engine worker. Each request carries an id; the worker answers
 * with any number of `progress` messages and then exactly one `done` or `failed` for that id.
 * Cancelling is not a message: the engine runs synchronously, so the pane terminates the worker.
 */
import type { ReadOptions, Stage } from '../../engine/types';
import type { MatchSettings, ReconcileOutcome, ReconcileRequest, SideDetection, SourceCells } from './engine-client';

export type EngineRequest =
  | { id: number; type: 'defaults' }
  | { id: number; type: 'detect'; source: SourceCells; options: ReadOptions }
  | { id: number; type: 'reconcile'; request: ReconcileRequest };

export type EngineRequestType = EngineRequest['type'];

/** What a `done` message carries, by request type. */
export interface EngineResults {
  defaults: MatchSettings;
  detect: SideDetection;
  reconcile: ReconcileOutcome;
}

export type EngineResponse =
  | { id: number; type: 'progress'; stage: Stage; done: number; total: number }
  | { id: number; type: 'done'; value: EngineResults[EngineRequestType] }
  | { id: number; type: 'failed'; error: { name: string; message: string } };
