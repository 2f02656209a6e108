/**
 * A value sent from one worker to another on a MessagePort, in pieces (message-pieces.ts), so no
 * thread makes one long clone of it; then closed. Used for a side's cells (workbook worker → engine
 * worker) and a run's outputs (engine worker → workbook worker) on the standalone page
 * (linked-cells.ts says why). Nothing here imports the engine: the workbook worker uses it too.
 */
import { INCOMPLETE, PieceReceiver, postPiecesNow } from './message-pieces';

/** The part of a MessagePort used here (Node's MessagePort stands in for tests). */
export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** Ports sent with a request, ahead of it (its own message, so the request itself can go in pieces). */
export interface EngineLinks {
  /** The cells of a detect's held source. */
  source?: PortLike;
  ledger?: PortLike;
  bank?: PortLike;
  /** Where a run's outputs go, and the name the page writes them by. */
  outputs?: { port: PortLike; holder: number; key: number };
}

/** The message carrying a request's links: posted just before the request with the same id. */
export interface LinksMessage {
  reconLinks: EngineLinks;
  id: number;
}

export function isLinksMessage(data: unknown): data is LinksMessage {
  return data !== null && typeof data === 'object' && 'reconLinks' in data;
}

export interface Failure {
  name: string;
  message: string;
}

export function failureOf(error: unknown): Failure {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

export function errorOf(failure: Failure): Error {
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

/** What comes on a port, after its pieces are put together. */
type PortMessage<T> = { value: T } | { failed: Failure };

/** Posts `value` on `port` in pieces (a worker's side: each piece its own message). */
export function sendOnPort(port: PortLike, value: unknown): void {
  postPiecesNow((piece) => port.postMessage(piece), { value });
}

/** Says on `port` that what it was to carry cannot come. */
export function failOnPort(port: PortLike, error: unknown): void {
  port.postMessage({ failed: failureOf(error) });
}

/** The one value `port` carries (put back together from its pieces); the port is closed after it. */
export function receiveFromPort<T>(port: PortLike): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const pieces = new PieceReceiver();
    port.onmessage = (event) => {
      const message = pieces.receive(event.data);
      if (message === INCOMPLETE) return;
      port.onmessage = null;
      port.close();
      const got = message as PortMessage<T>;
      if ('value' in got) resolve(got.value);
      else reject(errorOf(got.failed));
    };
  });
}

