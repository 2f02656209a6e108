/**
 * The page's side of the workbook worker: numbered requests, progress to the caller, answers
 * routed by id, large messages in pieces both ways (so the page's thread never clones a 100,000-row
 * range in one task). `dispose` terminates the worker at once: that is how an open is cancelled
 * (parsing is synchronous and cannot be interrupted otherwise).
 */
import { abortError } from '../../workbook/abort';
import { INCOMPLETE, PieceReceiver, postInPieces } from '../../taskpane/engine/message-pieces';
import { FileProblem } from '../file/file-problem';
import type { StandaloneMessageId } from '../standalone-text';
import type { WorkbookRequest, WorkbookResponse, WorkerFailure } from './workbook-protocol';
import type { WorkbookService } from './workbook-service';

/** The part of a Worker the client uses (the in-process port below stands in for tests). */
export interface WorkbookPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

type Unnumbered = WorkbookRequest extends infer R ? (R extends WorkbookRequest ? Omit<R, 'id'> : never) : never;

interface PendingCall {
  onProgress?: (progress: never) => void;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  detach: () => void;
}

function failureError(failure: WorkerFailure): Error {
  if (failure.problem) return new FileProblem(failure.problem.id as StandaloneMessageId, failure.problem.params);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

export class WorkbookClient {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private readonly pieces = new PieceReceiver();
  private port: WorkbookPort | null;
  /** This worker's number in `link` (the engine worker reaches the cells it holds through it), or null: no link. */
  readonly holder: number | null;

  /** `link`: the page's registry of workbook workers the engine worker may get cells from (worker-link.ts). */
  constructor(
    port: WorkbookPort,
    private readonly link: { add(client: WorkbookClient): number; remove(holder: number): void } | null = null,
  ) {
    this.port = port;
    this.holder = link ? link.add(this) : null;
    port.onmessage = (event) => {
      const response = this.pieces.receive(event.data);
      if (response !== INCOMPLETE) this.receive(response as WorkbookResponse);
    };
    port.onerror = (event) => {
      event.preventDefault?.();
      this.dispose(new FileProblem('problem.workerStopped', { detail: event.message || '—' }));
    };
  }

  get alive(): boolean {
    return this.port !== null;
  }

  /** `transfer`: ports the (small) request carries, moved to the worker. */
  call<T>(body: Unnumbered, onProgress?: (progress: never) => void, signal?: AbortSignal, transfer?: Transferable[]): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const port = this.port;
    if (!port) return Promise.reject(new FileProblem('problem.workerStopped', { detail: '—' }));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => port.postMessage({ id: this.nextId++, type: 'abort', target: id });
      signal?.addEventListener('abort', onAbort);
      this.pending.set(id, { onProgress, resolve: resolve as (value: unknown) => void, reject, detach: () => signal?.removeEventListener('abort', onAbort) });
      if (transfer) port.postMessage({ ...body, id }, transfer);
      else void postInPieces((piece) => port.postMessage(piece), { ...body, id }, () => this.port === port);
    });
  }

  /** Terminates the worker; every waiting call rejects with `reason` (a cancel: an AbortError). */
  dispose(reason: Error = abortError()): void {
    if (this.holder !== null) this.link?.remove(this.holder);
    if (this.port) {
      this.port.onmessage = null;
      this.port.onerror = null;
      this.port.terminate();
      this.port = null;
    }
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) {
      call.detach();
      call.reject(reason);
    }
  }

  private receive(response: WorkbookResponse): void {
    const call = this.pending.get(response.id);
    if (!call) return;
    if (response.type === 'progress') {
      call.onProgress?.(response.progress as never);
      return;
    }
    call.detach();
    this.pending.delete(response.id);
    if (response.type === 'done') call.resolve(response.value);
    else call.reject(failureError(response.error));
  }
}

/** A port that runs the service on the page's own thread (tests; browsers without workers). */
export function inProcessPort(service: WorkbookService): WorkbookPort {
  let open = true;
  const pieces = new PieceReceiver();
  const port: WorkbookPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      const request = pieces.receive(message);
      if (request === INCOMPLETE) return;
      // Answered after the caller has registered its call, as a worker would.
      setTimeout(() => {
        if (!open) return;
        void service.handle(request as WorkbookRequest, (response) => {
          if (open) port.onmessage?.({ data: response });
        });
      }, 0);
    },
    terminate() {
      open = false;
    },
  };
  return port;
}
