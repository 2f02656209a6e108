/**
 * Cells and outputs that go worker → worker, never through the page's thread.
 *
 * On the standalone page the sides' cells live in the workbook worker and a run's outputs are
 * written there too; carried through the page (workbook worker → page → engine worker → page →
 * workbook worker) they were about a million cells held and cloned on the page's thread, tasks of
 * 0.2–1.3 s, mostly garbage collection. So the page hands the engine worker only a reference to
 * held cells (`SourceCells.held`) with a MessagePort whose other end the page gave the workbook
 * worker (`serve`); the workbook worker posts the cells on it, the engine worker reads them. A run's
 * outputs go back the same way, on a port the workbook worker listens on (`accept`), under a key
 * the page then asks it to write (`RunOutputs.held`); the page receives only the summary.
 *
 * Everything large on a port travels in pieces (message-pieces.ts), so neither worker's thread
 * makes one long clone either. Without a link (the Excel pane, tests, a host without workers)
 * nothing here is used: the cells cross the page as before, in slices.
 */
import type { CellValue } from '../../engine/types';
import type { RunOutputs } from '../../workbook/workbook';
import type { ReconcileOutcome } from './engine-client';
import type { EngineRequest, EngineResponse } from './engine-protocol';
import { handleEngineRequest } from './engine-worker-handler';
import { INCOMPLETE, PieceReceiver, postPiecesNow } from './message-pieces';
import { errorOf, failOnPort, failureOf, isLinksMessage, receiveFromPort, sendOnPort, type EngineLinks, type PortLike } from './worker-ports';

export type { EngineLinks, LinksMessage, PortLike } from './worker-ports';

/** The request with its held sources' cells in place, received from their holder. */
export async function withLinkedCells(request: EngineRequest, links: EngineLinks | undefined): Promise<EngineRequest> {
  if (!links) return request;
  const cellsFrom = (port: PortLike | undefined, what: string) => {
    if (!port) return Promise.reject(new Error(`The engine was given held cells for ${what} without a way to get them.`));
    return receiveFromPort<CellValue[][]>(port);
  };
  switch (request.type) {
    case 'detect':
      if (!request.source.held) return request;
      return { ...request, source: { ...request.source, cells: await cellsFrom(links.source, 'a side'), held: undefined } };
    case 'reconcile': {
      const { ledger, bank } = request.request;
      const [ledgerCells, bankCells] = await Promise.all([
        ledger.held ? cellsFrom(links.ledger, 'the ledger') : Promise.resolve(ledger.cells),
        bank.held ? cellsFrom(links.bank, 'the bank') : Promise.resolve(bank.cells),
      ]);
      return {
        ...request,
        request: { ...request.request, ledger: { ...ledger, cells: ledgerCells, held: undefined }, bank: { ...bank, cells: bankCells, held: undefined } },
      };
    }
    default:
      return request;
  }
}

/**
 * `outputs` as the page gets them when they went to the holder: the run record and sign-off, not the
 * sheets, annotations and memory (its match groups run to a line per row).
 */
export function heldOutputs(outputs: RunOutputs, holder: number, key: number): RunOutputs {
  const { memory: _memory, ...rest } = outputs;
  return { ...rest, sheets: [], annotations: [], held: { holder, key } };
}

/**
 * The engine worker's side: resolves the request's held cells, runs it, and sends a run's outputs to
 * their holder (the page gets the summary and `heldOutputs`). Never throws: failures become `failed`.
 */
export async function handleLinkedRequest(request: EngineRequest, links: EngineLinks | undefined, post: (response: EngineResponse) => void): Promise<void> {
  let resolved: EngineRequest;
  try {
    resolved = await withLinkedCells(request, links);
  } catch (error) {
    if (links?.outputs) failOnPort(links.outputs.port, error);
    post({ id: request.id, type: 'failed', error: failureOf(error) });
    return;
  }
  const outputs = resolved.type === 'reconcile' ? links?.outputs : undefined;
  if (!outputs) {
    handleEngineRequest(resolved, post);
    return;
  }
  handleEngineRequest(resolved, (response) => {
    if (response.type === 'failed') failOnPort(outputs.port, errorOf(response.error));
    if (response.type !== 'done') {
      post(response);
      return;
    }
    const outcome = response.value as ReconcileOutcome;
    sendOnPort(outputs.port, outcome.outputs);
    post({ ...response, value: { summary: outcome.summary, outputs: heldOutputs(outcome.outputs, outputs.holder, outputs.key) } });
  });
}

/**
 * The engine worker's onmessage, given how it posts to the page: a request's links arrive just
 * before it, a large request in pieces; large answers leave in pieces.
 */
export function engineWorkerHandler(post: (message: unknown) => void): (data: unknown) => void {
  const pieces = new PieceReceiver();
  const linksById = new Map<number, EngineLinks>();
  return (data) => {
    if (isLinksMessage(data)) {
      linksById.set(data.id, data.reconLinks);
      return;
    }
    const request = pieces.receive(data) as EngineRequest | typeof INCOMPLETE;
    if (request === INCOMPLETE) return;
    const links = linksById.get(request.id);
    linksById.delete(request.id);
    void handleLinkedRequest(request, links, (response) => postPiecesNow(post, response));
  };
}
