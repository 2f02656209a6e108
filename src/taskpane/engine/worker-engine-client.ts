/**
 * EngineClient over a Web Worker. The engine is synchronous, so a cancel cannot be a message: an
 * aborted call terminates the worker at once, and any other call still waiting is sent again to
 * a fresh worker (started on demand).
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
import type { EngineRequest, EngineRequestType, EngineResponse, EngineResults } from './engine-protocol';
import { INCOMPLETE, PieceReceiver, postInPieces } from './message-pieces';
import type { EngineLinks, LinksMessage, PortLike } from './worker-ports';

/** The part of a Worker this client uses (a fake one stands in for tests). */
export interface WorkerLike {
  /** A request, or a piece of a large one (message-pieces.ts); ports go in `transfer`. */
  postMessage(message: EngineRequest | unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: EngineResponse }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** A port the client posts to the engine worker (a MessagePort: it is transferred). */
export type LinkPort = PortLike & Transferable;

/**
 * How the engine worker reaches the workers that hold cells (the standalone page's workbook
 * workers; linked-cells.ts): each call gives a fresh MessagePort whose other end the holder was just
 * handed. Throws when the holder is gone (its workbook was closed).
 */
export interface EngineLink {
  /** A port on which the holder posts the cells of `held` (worker-ports.ts). */
  cells(held: NonNullable<SourceCells['held']>): LinkPort;
  /** A port on which the holder takes a run's outputs, and the key the page then writes them by. */
  outputs(holder: number): { port: LinkPort; key: number };
}

/** Requests are posted without an id; the client numbers them. */
type Unnumbered = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

interface PendingCall {
  request: EngineRequest;
  onProgress?: ProgressListener;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  detach: () => void;
}

export class WorkerEngineClient implements EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private pieces = new PieceReceiver();

  /** `link`: where held cells come from (the standalone page); without one, held sources are refused. */
  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly link: EngineLink | null = null,
  ) {}

  matchDefaults(): Promise<MatchSettings> {
    return this.call('defaults', { type: 'defaults' });
  }

  detect(source: SourceCells, options: ReadOptions, signal?: AbortSignal): Promise<SideDetection> {
    return this.call('detect', { type: 'detect', source, options }, undefined, signal);
  }

  reconcile(request: ReconcileRequest, onProgress?: ProgressListener, signal?: AbortSignal): Promise<ReconcileOutcome> {
    return this.call('reconcile', { type: 'reconcile', request }, onProgress, signal);
  }

  dispose(): void {
    this.stopWorker();
    for (const call of this.pending.values()) {
      call.detach();
      call.reject(new Error('The engine was shut down.'));
    }
    this.pending.clear();
  }

  private call<T extends EngineRequestType>(
    _type: T,
    body: Unnumbered,
    onProgress?: ProgressListener,
    signal?: AbortSignal,
  ): Promise<EngineResults[T]> {
    if (signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    const request = { ...body, id } as EngineRequest;
    return new Promise<EngineResults[T]>((resolve, reject) => {
      const onAbort = () => this.abort(id);
      signal?.addEventListener('abort', onAbort);
      this.pending.set(id, {
        request,
        onProgress,
        resolve: resolve as (value: never) => void,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      });
      this.send(request);
    });
  }

  /**
   * Posts a request, a large one in pieces so the page's thread never copies it in one long task;
   * before it, its links (fresh ports to the holders of its held cells), in a message of their own.
   */
  private send(request: EngineRequest): void {
    let links: { message: LinksMessage; transfer: Transferable[] } | null;
    try {
      links = this.linksFor(request);
    } catch (error) {
      const call = this.pending.get(request.id);
      this.settle(request.id);
      call?.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const worker = this.ensureWorker();
    if (links) worker.postMessage(links.message, links.transfer);
    void postInPieces((piece) => worker.postMessage(piece), request, () => this.worker === worker);
  }

  /** Ports for the held sources of `request` (and where a run's outputs go), or null: nothing is held. */
  private linksFor(request: EngineRequest): { message: LinksMessage; transfer: Transferable[] } | null {
    const held = (source: SourceCells) => source.held;
    const sources: [keyof EngineLinks, SourceCells][] =
      request.type === 'detect' ? [['source', request.source]] : request.type === 'reconcile' ? [['ledger', request.request.ledger], ['bank', request.request.bank]] : [];
    const heldOnes = sources.filter(([, source]) => held(source));
    if (heldOnes.length === 0) return null;
    if (!this.link) throw new Error('These cells are held by a workbook worker this engine has no link to.');
    const reconLinks: EngineLinks = {};
    const transfer: Transferable[] = [];
    for (const [name, source] of heldOnes) {
      const port = this.link.cells(source.held!);
      (reconLinks as Record<string, PortLike>)[name] = port;
      transfer.push(port);
    }
    if (request.type === 'reconcile') {
      // The run's outputs go to the holder of its cells, which writes them.
      const holder = heldOnes[0][1].held!.holder;
      const { port, key } = this.link.outputs(holder);
      reconLinks.outputs = { port, holder, key };
      transfer.push(port);
    }
    return { message: { reconLinks, id: request.id }, transfer };
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    this.pieces = new PieceReceiver();
    worker.onmessage = (event) => {
      const response = this.pieces.receive(event.data);
      if (response !== INCOMPLETE) this.receive(response as EngineResponse);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.failAll(new Error(`The engine stopped unexpectedly${event.message ? `: ${event.message}` : '.'}`));
    };
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    if (!this.worker) return;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = null;
  }

  private receive(response: EngineResponse): void {
    const call = this.pending.get(response.id);
    if (!call) return;
    switch (response.type) {
      case 'progress':
        call.onProgress?.(response.stage, response.done, response.total);
        return;
      case 'done':
        this.settle(response.id);
        call.resolve(response.value as never);
        return;
      case 'failed': {
        this.settle(response.id);
        const error = new Error(response.error.message);
        error.name = response.error.name;
        call.reject(error);
        return;
      }
    }
  }

  private settle(id: number): void {
    this.pending.get(id)?.detach();
    this.pending.delete(id);
  }

  /** Stops the worker mid-task; calls that were not aborted start again on a new worker. */
  private abort(id: number): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.settle(id);
    this.stopWorker();
    call.reject(abortError());
    if (this.pending.size > 0) {
      for (const other of this.pending.values()) this.send(other.request);
    }
  }

  private failAll(error: Error): void {
    this.stopWorker();
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      call.detach();
      call.reject(error);
    }
  }
}
