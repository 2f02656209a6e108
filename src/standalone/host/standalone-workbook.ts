/**
 * The standalone page's host: the Workbook interface over the file workbook that lives in the
 * page's workbook worker (worker/), plus what Excel would otherwise provide: the user's selection
 * (made in the page's grid) and the active sheet. The pane talks to it exactly as it talks to
 * Excel; the page's grid subscribes to it and redraws after every change a run or Clear makes, and
 * asks the worker only for the rows in view (host/windowed-sheet-view.ts).
 */
import type { WorkbookMemory } from '../../workbook/layout/recon-state';
import { parseAddress } from '../../workbook/layout/a1';
import type { CellBlock, RunOutputs, RunRecord, Workbook, WriteProgress } from '../../workbook/workbook';
import type { WorkbookClient } from '../worker/workbook-client';
import type { OpenedWorkbook, SheetMeta, SheetWindow, WorkbookMethod } from '../worker/workbook-protocol';
import type { SheetView } from './sheet-view';
import { WindowedSheetView } from './windowed-sheet-view';

/** An error the pane words as "select a range first" (Office.js uses the same code). */
export function noSelectionError(): Error {
  const error = new Error('Select a range in the grid first.') as Error & { code: string };
  error.code = 'InvalidSelection';
  return error;
}

export class StandaloneWorkbook implements Workbook {
  private selection: string | null = null;
  private names: string[];
  private active: string;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private views = new Map<string, Promise<WindowedSheetView>>();

  constructor(
    private readonly client: WorkbookClient,
    opened: OpenedWorkbook,
  ) {
    if (opened.sheets.length === 0) throw new Error(`${opened.fileName} has no sheets.`);
    this.fileName = opened.fileName;
    this.names = opened.sheets;
    this.active = opened.sheets[0];
  }

  /** The name the file came with, e.g. `工行流水 2025-03.csv` (several: `ledger.csv + bank.csv`). */
  readonly fileName: string;

  /** Stops the worker holding the workbook (another workbook took its place). */
  dispose(): void {
    this.client.dispose(new Error('This workbook was closed.'));
  }

  // ---- for the page ----

  /** Calls `listener` after every change to the workbook or its active sheet; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes with every change the page should redraw for (useSyncExternalStore's snapshot). */
  getVersion = (): number => this.version;

  /** Sheet names as of the last change (tabs draw from this without waiting). */
  get sheets(): readonly string[] {
    return this.names;
  }

  get activeSheet(): string {
    return this.active;
  }

  /** What the grid has selected (`'Bank'!A1:H61`), or null for nothing. */
  select(address: string | null): void {
    this.selection = address;
  }

  /** The sheet as the grid shows it, built once per change (its rows come as the grid asks). */
  sheetView(sheet: string): Promise<SheetView & { subscribe(listener: () => void): () => void }> {
    let view = this.views.get(sheet);
    if (!view) {
      const fetchRows = (name: string, top: number, bottom: number) => this.client.call<SheetWindow>({ type: 'window', sheet: name, top, bottom });
      view = this.client.call<SheetMeta>({ type: 'sheetMeta', sheet }).then((meta) => WindowedSheetView.load(meta, fetchRows));
      this.views.set(sheet, view);
    }
    return view;
  }

  /** `对账示例.xlsx` → `对账示例-reconciled.xlsx`; a .csv becomes an .xlsx too (several files: the first's name). */
  get downloadName(): string {
    const first = this.fileName.split(' + ')[0];
    const base = first.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'workbook';
    return `${base}-reconciled.xlsx`;
  }

  /** The reconciled workbook's bytes, made in the worker. */
  toBytes(): Promise<Uint8Array> {
    return this.client.call<Uint8Array>({ type: 'bytes' });
  }

  // ---- Workbook ----

  private forward<T>(method: WorkbookMethod, args: unknown[], onProgress?: WriteProgress, signal?: AbortSignal): Promise<T> {
    const progress = onProgress && ((p: { done: number; total: number }) => onProgress(p.done, p.total));
    return this.client.call<T>({ type: 'workbook', method, args }, progress as ((p: never) => void) | undefined, signal);
  }

  sheetNames(): Promise<string[]> {
    return this.forward('sheetNames', []);
  }

  async selectedAddress(): Promise<string> {
    if (this.selection === null) throw noSelectionError();
    return this.selection;
  }

  readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    return this.forward('readValues', [address], onProgress);
  }

  /**
   * The cells of a side the engine reads: with the page's engine linked to this worker, they stay in
   * the worker (the page gets the first rows and the size); otherwise read as readValues does.
   */
  async holdValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    const holder = this.client.holder;
    if (holder === null) return this.readValues(address, onProgress);
    const progress = onProgress && ((p: { done: number; total: number }) => onProgress(p.done, p.total));
    const block = await this.client.call<CellBlock>({ type: 'hold', address }, progress as ((p: never) => void) | undefined);
    return { ...block, held: { ...block.held!, holder } };
  }

  /** Outputs the engine sent straight to the worker (`outputs.held`) are written from there. */
  async writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    try {
      await this.forward('writeRun', [outputs], onProgress, signal);
    } finally {
      // Written or rolled back, the sheets are drawn again from what the file now holds.
      await this.changed();
    }
  }

  lastRun(): Promise<RunRecord | null> {
    return this.forward('lastRun', []);
  }

  readMemory(parts?: 'settings'): Promise<WorkbookMemory> {
    return this.forward('readMemory', parts ? [parts] : []);
  }

  saveMemory(memory: WorkbookMemory): Promise<void> {
    return this.forward('saveMemory', [memory]);
  }

  async clearRun(): Promise<void> {
    try {
      await this.forward('clearRun', []);
    } finally {
      await this.changed();
    }
  }

  async activateSheet(name: string): Promise<void> {
    if (!this.names.includes(name)) throw new Error(`There is no sheet named "${name}" in ${this.fileName}.`);
    await this.forward('activateSheet', [name]);
    this.active = name;
    this.notify();
  }

  private async changed(): Promise<void> {
    this.views = new Map();
    try {
      this.names = await this.sheetNames();
    } catch {
      // The worker is gone (closed, or stopped): the names stay as they were; the pane shows the error.
    }
    if (!this.names.includes(this.active)) this.active = this.names[0];
    // A selection on a sheet that is gone would point nowhere.
    if (this.selection !== null && !this.names.includes(parseAddress(this.selection).sheet ?? '')) this.selection = null;
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
