/**
 * The standalone page's host: the Workbook interface over a file workbook (XlsxWorkbook), plus
 * what Excel would otherwise provide: the user's selection (made in the page's grid) and the
 * active sheet. The pane talks to it exactly as it talks to Excel; the page's grid subscribes to
 * it and redraws after every change a run or Clear makes.
 */
import type { WorkbookMemory } from '../../workbook/layout/recon-state';
import type { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { parseAddress } from '../../workbook/layout/a1';
import type { CellBlock, RunOutputs, RunRecord, Workbook, WriteProgress } from '../../workbook/workbook';
import { buildSheetView, type SheetView } from './sheet-view';

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
  private views = new Map<string, Promise<SheetView>>();

  private constructor(
    readonly file: XlsxWorkbook,
    /** The name the file came with, e.g. `工行流水 2025-03.csv`. */
    readonly fileName: string,
    names: string[],
  ) {
    this.names = names;
    this.active = names[0];
  }

  static async open(file: XlsxWorkbook, fileName: string): Promise<StandaloneWorkbook> {
    const names = await file.sheetNames();
    if (names.length === 0) throw new Error(`${fileName} has no sheets.`);
    return new StandaloneWorkbook(file, fileName, names);
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

  /** The sheet as the grid shows it, built once per change. */
  sheetView(sheet: string): Promise<SheetView> {
    let view = this.views.get(sheet);
    if (!view) {
      view = buildSheetView(this.file, sheet);
      this.views.set(sheet, view);
    }
    return view;
  }

  /** `对账示例.xlsx` → `对账示例-reconciled.xlsx`; a .csv becomes an .xlsx too. */
  get downloadName(): string {
    const base = this.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'workbook';
    return `${base}-reconciled.xlsx`;
  }

  toBytes(): Promise<Uint8Array> {
    return this.file.toBytes();
  }

  // ---- Workbook ----

  sheetNames(): Promise<string[]> {
    return this.file.sheetNames();
  }

  async selectedAddress(): Promise<string> {
    if (this.selection === null) throw noSelectionError();
    return this.selection;
  }

  readValues(address: string, onProgress?: WriteProgress): Promise<CellBlock> {
    return this.file.readValues(address, onProgress);
  }

  async writeRun(outputs: RunOutputs, onProgress?: WriteProgress, signal?: AbortSignal): Promise<void> {
    try {
      await this.file.writeRun(outputs, onProgress, signal);
    } finally {
      // Written or rolled back, the sheets are drawn again from what the file now holds.
      await this.changed();
    }
  }

  lastRun(): Promise<RunRecord | null> {
    return this.file.lastRun();
  }

  readMemory(): Promise<WorkbookMemory> {
    return this.file.readMemory();
  }

  saveMemory(memory: WorkbookMemory): Promise<void> {
    return this.file.saveMemory(memory);
  }

  async clearRun(): Promise<void> {
    try {
      await this.file.clearRun();
    } finally {
      await this.changed();
    }
  }

  async activateSheet(name: string): Promise<void> {
    if (!this.names.includes(name)) throw new Error(`There is no sheet named "${name}" in ${this.fileName}.`);
    await this.file.activateSheet(name);
    this.active = name;
    this.notify();
  }

  private async changed(): Promise<void> {
    this.names = await this.file.sheetNames();
    if (!this.names.includes(this.active)) this.active = this.names[0];
    this.views = new Map();
    // A selection on a sheet that is gone would point nowhere.
    if (this.selection !== null && !this.names.includes(parseAddress(this.selection).sheet ?? '')) this.selection = null;
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
