/**
 * Web Worker entry of the standalone page's workbook: files are opened, parsed, written and saved
 * here, off the page's thread, so the page never freezes. Bundled separately by webpack (see
 * create-workbook-worker.ts). One worker per opened workbook: cancelling an open terminates its
 * worker and leaves the workbook open before it untouched.
 */
// First, as in the engine worker: the built-ins EdgeHTML 18 lacks.
import '../../taskpane/legacy-builtins';
import { INCOMPLETE, PieceReceiver, postPiecesNow } from '../../taskpane/engine/message-pieces';
import type { WorkbookRequest, WorkbookResponse } from './workbook-protocol';
import { WorkbookService } from './workbook-service';

/** The few members of DedicatedWorkerGlobalScope used here (tsconfig carries the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const service = new WorkbookService();
const pieces = new PieceReceiver();

function post(response: WorkbookResponse): void {
  // The downloaded workbook's bytes move to the page without a copy.
  if (response.type === 'done' && response.value instanceof Uint8Array) {
    scope.postMessage(response, [response.value.buffer]);
    return;
  }
  postPiecesNow((piece) => scope.postMessage(piece), response);
}

scope.onmessage = (event) => {
  const request = pieces.receive(event.data);
  if (request === INCOMPLETE) return;
  void service.handle(request as WorkbookRequest, post);
};
