/**
 * The grid's selection and the keys that move it, as in a spreadsheet: arrows move, Shift+arrows
 * extend, Ctrl+arrows jump to the edge of the data, Ctrl+A selects all the data, Shift+Space and
 * Ctrl+Space a row or a column of it, Home/End/PageUp/PageDown. Pure: the grid component only
 * turns events into these commands and draws the result.
 */
import { rectAddress, sheetAddress, type CellRect } from '../../workbook/layout/a1';

/** A 1-based sheet cell. */
export interface Cell {
  row: number;
  column: number;
}

/** `anchor` stays where the selection started; `focus` is the corner that moves with Shift. */
export interface GridSelection {
  anchor: Cell;
  focus: Cell;
}

/** What the keys need to know about the sheet. */
export interface GridBounds {
  /** Rows and columns the grid lets the selection reach. */
  rows: number;
  columns: number;
  /** The data's bounding box (Ctrl+A, Ctrl+End, End), or null for an empty sheet. */
  used: CellRect | null;
  /** Rows one PageUp/PageDown moves. */
  pageRows: number;
  filled(row: number, column: number): boolean;
}

type Direction = 'up' | 'down' | 'left' | 'right';

export type GridCommand =
  | { kind: 'step'; direction: Direction; extend: boolean; toEdge: boolean }
  | { kind: 'page'; direction: 'up' | 'down'; extend: boolean }
  | { kind: 'rowStart'; extend: boolean; sheetStart: boolean }
  | { kind: 'rowEnd'; extend: boolean; sheetEnd: boolean }
  | { kind: 'selectAll' }
  | { kind: 'selectRow' }
  | { kind: 'selectColumn' };

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const STEP: Record<Direction, Cell> = { up: { row: -1, column: 0 }, down: { row: 1, column: 0 }, left: { row: 0, column: -1 }, right: { row: 0, column: 1 } };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey?: boolean;
}

/** A key press → the grid command it means, or null for keys the grid leaves alone (Tab). */
export function commandOfKey(event: KeyLike): GridCommand | null {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  const extend = event.shiftKey;
  const direction = ARROWS[event.key];
  if (direction) return { kind: 'step', direction, extend, toEdge: ctrl };
  switch (event.key) {
    case 'PageUp':
    case 'PageDown':
      // Ctrl+PageUp/PageDown change sheets; that is the page's business, not the selection's.
      return ctrl ? null : { kind: 'page', direction: event.key === 'PageUp' ? 'up' : 'down', extend };
    case 'Home':
      return { kind: 'rowStart', extend, sheetStart: ctrl };
    case 'End':
      return { kind: 'rowEnd', extend, sheetEnd: ctrl };
    case 'a':
    case 'A':
      return ctrl && !extend ? { kind: 'selectAll' } : null;
    case ' ':
      if (extend && !ctrl) return { kind: 'selectRow' };
      if (ctrl && !extend) return { kind: 'selectColumn' };
      return null;
    default:
      return null;
  }
}

function clamp(cell: Cell, bounds: GridBounds): Cell {
  return {
    row: Math.min(Math.max(1, cell.row), Math.max(1, bounds.rows)),
    column: Math.min(Math.max(1, cell.column), Math.max(1, bounds.columns)),
  };
}

/**
 * Ctrl+arrow, as Excel does it: inside a block of data, to its last cell; from an empty cell or
 * a block's edge, to the next cell with data, or the sheet's edge when there is none.
 */
export function edgeOf(from: Cell, direction: Direction, bounds: GridBounds): Cell {
  const { row: dr, column: dc } = STEP[direction];
  const inside = (cell: Cell) => cell.row >= 1 && cell.column >= 1 && cell.row <= bounds.rows && cell.column <= bounds.columns;
  const next = (cell: Cell) => ({ row: cell.row + dr, column: cell.column + dc });
  let cell = next(from);
  if (!inside(cell)) return from;
  if (bounds.filled(from.row, from.column) && bounds.filled(cell.row, cell.column)) {
    while (inside(next(cell)) && bounds.filled(next(cell).row, next(cell).column)) cell = next(cell);
    return cell;
  }
  while (inside(next(cell)) && !bounds.filled(cell.row, cell.column)) cell = next(cell);
  return cell;
}

function moveTo(selection: GridSelection, target: Cell, extend: boolean, bounds: GridBounds): GridSelection {
  const cell = clamp(target, bounds);
  return extend ? { anchor: selection.anchor, focus: cell } : { anchor: cell, focus: cell };
}

/** The selection after a command. */
export function applyCommand(selection: GridSelection, command: GridCommand, bounds: GridBounds): GridSelection {
  const { focus } = selection;
  const used = bounds.used;
  switch (command.kind) {
    case 'step': {
      const target = command.toEdge
        ? edgeOf(focus, command.direction, bounds)
        : { row: focus.row + STEP[command.direction].row, column: focus.column + STEP[command.direction].column };
      return moveTo(selection, target, command.extend, bounds);
    }
    case 'page': {
      const rows = Math.max(1, bounds.pageRows) * (command.direction === 'up' ? -1 : 1);
      return moveTo(selection, { row: focus.row + rows, column: focus.column }, command.extend, bounds);
    }
    case 'rowStart':
      return moveTo(selection, command.sheetStart ? { row: 1, column: 1 } : { row: focus.row, column: 1 }, command.extend, bounds);
    case 'rowEnd': {
      const lastColumn = used?.right ?? 1;
      return moveTo(selection, command.sheetEnd ? { row: used?.bottom ?? 1, column: lastColumn } : { row: focus.row, column: lastColumn }, command.extend, bounds);
    }
    case 'selectAll':
      return used ? rectSelection(used) : selection;
    case 'selectRow':
      return rectSelection({ top: focus.row, bottom: focus.row, left: used?.left ?? 1, right: used?.right ?? 1 });
    case 'selectColumn':
      return rectSelection({ top: used?.top ?? 1, bottom: used?.bottom ?? 1, left: focus.column, right: focus.column });
  }
}

/** The selection covering `rect`, anchored at its top left. */
export function rectSelection(rect: CellRect): GridSelection {
  return { anchor: { row: rect.top, column: rect.left }, focus: { row: rect.bottom, column: rect.right } };
}

export function selectionRect(selection: GridSelection): CellRect {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.column, focus.column),
    right: Math.max(anchor.column, focus.column),
  };
}

export function isSelected(selection: GridSelection | null, row: number, column: number): boolean {
  if (!selection) return false;
  const rect = selectionRect(selection);
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

/** `'银行流水'!A1:H61`, what the pane reads for "Use current selection". */
export function selectionAddress(sheet: string, selection: GridSelection): string {
  return sheetAddress(sheet, selectionRect(selection));
}

/** `A1:H61` without the sheet, for the grid's own label. */
export function selectionRange(selection: GridSelection): string {
  return rectAddress(selectionRect(selection));
}
