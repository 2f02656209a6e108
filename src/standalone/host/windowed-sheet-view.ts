/**
 * A sheet as the page's grid draws it, when the workbook lives in the worker: its size comes first,
 * then rows a block at a time as the grid scrolls to them (the page never holds a 100,000-row sheet,
 * only the blocks looked at lately). A cell whose block has not arrived yet draws blank, and the
 * grid draws again when it comes.
 */
import type { CellValue } from '../../engine/types';
import type { CellRect } from '../../workbook/layout/a1';
import type { SheetMeta, SheetWindow } from '../worker/workbook-protocol';
import type { SheetView } from './sheet-view';

/** Rows fetched at a time: a screen is about 40; a block is a few milliseconds to clone. */
export const BLOCK_ROWS = 500;
/** A sheet this short comes whole with its size (the grid then has every cell at once). */
const WHOLE_SHEET_ROWS = 2000;
/** Blocks kept; the oldest go first (a scroll through a long sheet does not pile up in memory). */
const KEPT_BLOCKS = 40;

export type FetchRows = (sheet: string, top: number, bottom: number) => Promise<SheetWindow>;

export class WindowedSheetView implements SheetView {
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
  readonly used: CellRect | null;
  private readonly blocks = new Map<number, SheetWindow>();
  private readonly asked = new Set<number>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    meta: SheetMeta,
    private readonly fetchRows: FetchRows,
  ) {
    this.sheet = meta.sheet;
    this.rows = meta.rows;
    this.columns = meta.columns;
    this.used = meta.used;
  }

  /** The view with its first rows (all of a short sheet) already there. */
  static async load(meta: SheetMeta, fetchRows: FetchRows): Promise<WindowedSheetView> {
    const view = new WindowedSheetView(meta, fetchRows);
    if (meta.rows > 0) {
      const whole = meta.rows <= WHOLE_SHEET_ROWS;
      const first = await fetchRows(meta.sheet, 1, whole ? meta.rows : BLOCK_ROWS);
      if (whole) {
        for (let b = 0; b * BLOCK_ROWS < first.values.length; b++) view.keep(b, sliceWindow(first, b));
      } else view.keep(0, first);
    }
    return view;
  }

  /** Calls `listener` when more rows have arrived; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Arrow functions: the grid hands these around unbound.
  value = (row: number, column: number): CellValue => {
    const block = this.at(row);
    return block?.values[row - block.top]?.[column - 1] ?? null;
  };

  text = (row: number, column: number): string => {
    const block = this.at(row);
    return block?.texts[row - block.top]?.[column - 1] ?? '';
  };

  fill = (row: number, column: number): string | null => {
    const block = this.at(row);
    return block?.fills[row - block.top]?.[column - 1] ?? null;
  };

  bold = (row: number, column: number): boolean => {
    const block = this.at(row);
    return block?.bolds[row - block.top]?.[column - 1] ?? false;
  };

  /** The block holding `row`, or undefined while it is on its way (asked for once). */
  private at(row: number): SheetWindow | undefined {
    if (row < 1 || row > this.rows) return undefined;
    const index = Math.floor((row - 1) / BLOCK_ROWS);
    const block = this.blocks.get(index);
    if (block) return block;
    if (!this.asked.has(index)) {
      this.asked.add(index);
      const top = index * BLOCK_ROWS + 1;
      this.fetchRows(this.sheet, top, top + BLOCK_ROWS - 1).then(
        (window) => {
          this.asked.delete(index);
          this.keep(index, window);
          for (const listener of this.listeners) listener();
        },
        () => this.asked.delete(index),
      );
    }
    return undefined;
  }

  private keep(index: number, window: SheetWindow): void {
    this.blocks.set(index, window);
    while (this.blocks.size > KEPT_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as number);
  }
}

function sliceWindow(window: SheetWindow, block: number): SheetWindow {
  const from = block * BLOCK_ROWS;
  const to = from + BLOCK_ROWS;
  return {
    top: window.top + from,
    values: window.values.slice(from, to),
    texts: window.texts.slice(from, to),
    fills: window.fills.slice(from, to),
    bolds: window.bolds.slice(from, to),
  };
}
