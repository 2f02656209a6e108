/**
 * The worker's side of the page's workbook, as a plain class so it is testable without a Worker:
 * one request in, responses out through `post`. Holds the opened file workbook (exceljs), the
 * sheets as the grid draws them (built once per change), and the abort switches of running calls.
 * Never throws: every failure becomes `failed`.
 */
import { openDemo } from '../file/demo-file';
import { FileProblem } from '../file/file-problem';
import { joinedName } from '../file/file-names';
import { openFiles } from '../file/open-files';
import { buildSheetView, type SheetView } from '../host/sheet-view';
import type { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { emptyMemory, type WorkbookMemory } from '../../workbook/layout/recon-state';
import { HELD_HEAD_ROWS, type CellBlock, type RunOutputs, type Workbook } from '../../workbook/workbook';
import { widestRow } from '../../workbook/layout/widest-row';
import { failOnPort, receiveFromPort, sendOnPort } from '../../taskpane/engine/worker-ports';
import type { OpenedWorkbook, SheetMeta, SheetWindow, WorkbookRequest, WorkbookResponse, WorkerFailure } from './workbook-protocol';

/** Calls that change the workbook: the sheets the grid draws are built again after them. */
const CHANGING = new Set(['writeRun', 'clearRun', 'saveMemory']);

export function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof FileProblem) return { name: error.name, message: error.message, problem: { id: error.id, params: error.params } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export class WorkbookService {
  private workbook: XlsxWorkbook | null = null;
  private fileName = '';
  private views = new Map<string, Promise<SheetView>>();
  private readonly aborts = new Map<number, AbortController>();
  /** Blocks read for the engine (`hold`), by address, until the workbook changes. */
  private held = new Map<string, CellBlock>();
  /** Outputs on their way from the engine worker (`accept`), by key: only the latest run's. */
  private readonly accepted = new Map<number, Promise<RunOutputs>>();

  /** `workbook`: one opened already (tests; the in-process connection). */
  constructor(workbook?: XlsxWorkbook, fileName = '') {
    this.workbook = workbook ?? null;
    this.fileName = fileName;
  }

  async handle(request: WorkbookRequest, post: (response: WorkbookResponse) => void): Promise<void> {
    const id = request.id;
    if (request.type === 'abort') {
      this.aborts.get(request.target)?.abort();
      return;
    }
    const controller = new AbortController();
    this.aborts.set(id, controller);
    try {
      const value = await this.answer(request, (progress) => post({ id, type: 'progress', progress }), controller.signal);
      post({ id, type: 'done', value });
    } catch (error) {
      post({ id, type: 'failed', error: describeFailure(error) });
    } finally {
      this.aborts.delete(id);
    }
  }

  private async answer(request: Exclude<WorkbookRequest, { type: 'abort' }>, progress: (p: never) => void, signal: AbortSignal): Promise<unknown> {
    switch (request.type) {
      case 'open': {
        const workbook = await openFiles(request.files, progress as (p: unknown) => void);
        return this.adopt(workbook, joinedName(request.files));
      }
      case 'openDemo': {
        const { workbook, fileName } = await openDemo(request.locale);
        return this.adopt(workbook, fileName);
      }
      case 'workbook': {
        const workbook = this.opened();
        const args = [...request.args];
        if (request.method === 'readValues') args[1] = progress;
        if (request.method === 'writeRun') args[0] = await this.outputsOf(args[0] as RunOutputs);
        if (request.method === 'writeRun') {
          args[1] = progress;
          args[2] = signal;
        }
        try {
          const value = await (workbook[request.method] as (...a: unknown[]) => Promise<unknown>).apply(workbook, args);
          // Only what the pane shows crosses to the page (Workbook.readMemory).
          if (request.method === 'readMemory' && args[0] === 'settings') return settingsPart(value as WorkbookMemory);
          return value;
        } finally {
          if (CHANGING.has(request.method)) {
            this.views = new Map();
            this.held = new Map();
          }
        }
      }
      case 'hold': {
        const block = await this.opened().readValues(request.address, (done, total) => (progress as (p: unknown) => void)({ done, total }));
        // Kept for the engine worker's `serve`; a side read again replaces its old block.
        this.held.set(block.address, block);
        if (this.held.size > 4) this.held.delete(this.held.keys().next().value as string);
        const head: CellBlock = { ...block, values: block.values.slice(0, HELD_HEAD_ROWS), held: { holder: 0, rows: block.values.length, width: widestRow(block.values) } };
        return head;
      }
      case 'serve': {
        try {
          const block = this.held.get(request.address) ?? (await this.opened().readValues(request.address));
          sendOnPort(request.port, block.values);
        } catch (error) {
          failOnPort(request.port, error);
          throw error;
        }
        return null;
      }
      case 'accept': {
        this.accepted.clear();
        const outputs = receiveFromPort<RunOutputs>(request.port);
        // A run that fails or is cancelled never asks for them; nobody waits on this one then.
        outputs.catch(() => undefined);
        this.accepted.set(request.key, outputs);
        return null;
      }
      case 'sheetMeta': {
        const view = await this.view(request.sheet);
        const meta: SheetMeta = { sheet: view.sheet, rows: view.rows, columns: view.columns, used: view.used };
        return meta;
      }
      case 'window':
        return windowOf(await this.view(request.sheet), request.top, request.bottom);
      case 'bytes':
        return this.opened().toBytes();
      default:
        throw new Error(`Unknown workbook request: ${JSON.stringify((request as { type?: unknown }).type)}`);
    }
  }

  /** The outputs to write: as given, or the ones the engine worker sent here (RunOutputs.held). */
  private async outputsOf(outputs: RunOutputs): Promise<RunOutputs> {
    if (!outputs?.held) return outputs;
    const sent = this.accepted.get(outputs.held.key);
    if (!sent) throw new Error('The run\'s outputs did not reach the workbook; run again.');
    this.accepted.delete(outputs.held.key);
    return sent;
  }

  private async adopt(workbook: XlsxWorkbook, fileName: string): Promise<OpenedWorkbook> {
    const sheets = await workbook.sheetNames();
    if (sheets.length === 0) throw new FileProblem('problem.noSheets', { name: fileName });
    this.workbook = workbook;
    this.fileName = fileName;
    this.views = new Map();
    this.held = new Map();
    return { fileName, sheets };
  }

  private opened(): Workbook & XlsxWorkbook {
    if (!this.workbook) throw new Error('No workbook is open.');
    return this.workbook;
  }

  private view(sheet: string): Promise<SheetView> {
    let view = this.views.get(sheet);
    if (!view) {
      view = buildSheetView(this.opened(), sheet);
      this.views.set(sheet, view);
      // A failed build is not kept: the next ask tries again.
      view.catch(() => this.views.delete(sheet));
    }
    return view;
  }
}

/** Rows top..bottom (clamped to the sheet) of a view, every column. */
export function windowOf(view: SheetView, top: number, bottom: number): SheetWindow {
  const window: SheetWindow = { top, values: [], texts: [], fills: [], bolds: [] };
  const last = Math.min(bottom, view.rows);
  for (let row = Math.max(1, top); row <= last; row++) {
    const values = [];
    const texts = [];
    const fills = [];
    const bolds = [];
    for (let column = 1; column <= view.columns; column++) {
      values.push(view.value(row, column));
      texts.push(view.text(row, column));
      fills.push(view.fill(row, column));
      bolds.push(view.bold(row, column));
    }
    window.values.push(values);
    window.texts.push(texts);
    window.fills.push(fills);
    window.bolds.push(bolds);
  }
  return window;
}

/** The parts of `memory` a `readMemory('settings')` asks for; the rest empty. */
export function settingsPart(memory: WorkbookMemory): WorkbookMemory {
  return {
    ...emptyMemory(),
    settings: memory.settings,
    signOff: memory.signOff,
    nextMatchNumber: memory.nextMatchNumber,
    ...(memory.userName !== undefined && { userName: memory.userName }),
  };
}
