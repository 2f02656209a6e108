/**
 * A sheet drawn as a spreadsheet grid: column letters, row numbers, each cell's text and colour,
 * and a selection made with the mouse (drag, Shift+click, click a row number, a column letter or
 * the corner) or the keyboard (see selection.ts). Only the rows and columns in view are in the
 * DOM, so a sheet of 100,000 rows scrolls as lightly as one of 50.
 *
 * Accessibility: an ARIA grid with aria-rowcount/colcount and per-row/cell indexes (the DOM holds
 * only a window of it), aria-selected on cells, and the moving corner of the selection as the
 * active descendant, so a screen reader reads the cell the keys just reached.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter } from '../../workbook/layout/a1';
import type { SheetView } from '../host/sheet-view';
import {
  HEADER_HEIGHT,
  ROW_HEIGHT,
  columnAt,
  columnWidth,
  gridGeometry,
  rowAt,
  scrollToShow,
  visibleWindow,
} from './geometry';
import { applyCommand, commandOfKey, isSelected, selectionRect, type Cell, type GridBounds, type GridSelection } from './selection';

/** Excel's selection green. */
const SELECTION_COLOUR = '#217346';
/** A viewport size for the first render and for environments without layout (jsdom). */
const DEFAULT_SIZE = { width: 960, height: 560 };
/** How far one mouse move past the edge scrolls while dragging a selection. */
const DRAG_SCROLL_STEP = 24;

const useStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflow: 'auto',
    height: '100%',
    width: '100%',
    fontSize: '13px',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: '#ffffff',
    color: '#1a1a1a',
    userSelect: 'none',
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  headerRow: { position: 'sticky', top: 0, zIndex: 3, height: `${HEADER_HEIGHT}px` },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 4,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: '#f3f3f3',
    borderRight: '1px solid #c8c8c8',
    borderBottom: '1px solid #c8c8c8',
    boxSizing: 'border-box',
    cursor: 'cell',
  },
  columnHeader: {
    position: 'absolute',
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    lineHeight: `${HEADER_HEIGHT - 1}px`,
    textAlign: 'center',
    backgroundColor: '#f3f3f3',
    color: '#333333',
    borderRight: '1px solid #d4d4d4',
    borderBottom: '1px solid #c8c8c8',
    boxSizing: 'border-box',
    cursor: 's-resize',
  },
  headerSelected: { backgroundColor: '#d3e7dc', color: '#0e4a2a', fontWeight: 600 },
  body: { position: 'relative' },
  row: { position: 'absolute', left: 0, height: `${ROW_HEIGHT}px` },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    textAlign: 'center',
    backgroundColor: '#f3f3f3',
    color: '#333333',
    borderRight: '1px solid #c8c8c8',
    borderBottom: '1px solid #d4d4d4',
    boxSizing: 'border-box',
    cursor: 'e-resize',
  },
  cell: {
    position: 'absolute',
    top: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: '0 6px',
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    cursor: 'cell',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  selectionBox: {
    position: 'absolute',
    zIndex: 1,
    pointerEvents: 'none',
    boxSizing: 'border-box',
    border: `2px solid ${SELECTION_COLOUR}`,
    backgroundColor: 'rgba(33, 115, 70, 0.10)',
  },
  focusCell: { position: 'absolute', zIndex: 1, pointerEvents: 'none', boxSizing: 'border-box', border: `1px solid ${SELECTION_COLOUR}` },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface SheetGridProps {
  view: SheetView;
  selection: GridSelection | null;
  onSelectionChange: (selection: GridSelection) => void;
  /** Ctrl+PageDown / Ctrl+PageUp: the next or previous sheet. */
  onSheetStep?: (step: 1 | -1) => void;
  /** The grid's accessible name ("Sheet 银行流水"). */
  label: string;
  /** Accessible name of the corner cell above the row numbers. */
  cornerLabel: string;
  /** The viewport size to start with (and keep, where nothing can be measured). */
  initialSize?: { width: number; height: number };
  /** Take the focus when drawn (the user moved here from another sheet's grid with the keyboard). */
  autoFocus?: boolean;
}

type DragMode = 'cells' | 'rows' | 'columns';

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

export function SheetGrid({ view, selection, onSelectionChange, onSheetStep, label, cornerLabel, initialSize = DEFAULT_SIZE, autoFocus = false }: SheetGridProps) {
  const styles = useStyles();
  const idPrefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [size, setSize] = useState(initialSize);
  const geometry = useMemo(() => gridGeometry(view.rows, view.columns, view.text), [view]);
  const visible = visibleWindow(geometry, scroll, size);

  // Latest props for the window-level mouse listeners of a drag.
  const latest = useRef({ selection, onSelectionChange, geometry, view });
  latest.current = { selection, onSelectionChange, geometry, view };
  const drag = useRef<DragMode | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0 && element.clientHeight > 0) setSize({ width: element.clientWidth, height: element.clientHeight });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const bounds: GridBounds = {
    rows: geometry.rows,
    columns: geometry.columns,
    used: view.used,
    pageRows: Math.max(1, Math.floor((size.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
    filled: (row, column) => !isBlank(view.value(row, column)),
  };

  /** Scrolls so the cell is in view, and draws that window at once (the active cell must exist). */
  const reveal = useCallback(
    (cell: Cell) => {
      const element = scroller.current;
      const current = element ? { top: element.scrollTop, left: element.scrollLeft } : scroll;
      const next = scrollToShow(geometry, cell, current, size);
      if (next.top === current.top && next.left === current.left) return;
      if (element) {
        element.scrollTop = next.top;
        element.scrollLeft = next.left;
      }
      setScroll(next);
    },
    [geometry, scroll, size],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'PageDown' || event.key === 'PageUp')) {
      if (onSheetStep) {
        event.preventDefault();
        onSheetStep(event.key === 'PageDown' ? 1 : -1);
      }
      return;
    }
    const command = commandOfKey(event);
    if (!command) return;
    event.preventDefault();
    // With nothing selected yet, the first move lands on A1, as in a freshly opened sheet.
    const next =
      selection === null && command.kind !== 'selectAll'
        ? { anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } }
        : applyCommand(selection ?? { anchor: { row: 1, column: 1 }, focus: { row: 1, column: 1 } }, command, bounds);
    onSelectionChange(next);
    reveal(next.focus);
  };

  /** The cell, row or column under a mouse position. */
  const pointAt = (clientX: number, clientY: number): Cell => {
    const rect = body.current!.getBoundingClientRect();
    const { geometry: g } = latest.current;
    return { row: rowAt(g, clientY - rect.top), column: columnAt(g, clientX - rect.left - g.rowHeaderWidth) };
  };

  /** The selection a drag in `mode` from `anchor` to `point` makes. */
  const dragSelection = (mode: DragMode, anchor: Cell, point: Cell): GridSelection => {
    const used = latest.current.view.used;
    if (mode === 'rows') return { anchor: { row: anchor.row, column: used?.left ?? 1 }, focus: { row: point.row, column: used?.right ?? 1 } };
    if (mode === 'columns') return { anchor: { row: used?.top ?? 1, column: anchor.column }, focus: { row: used?.bottom ?? 1, column: point.column } };
    return { anchor, focus: point };
  };

  const onMouseDown = (event: ReactMouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    scroller.current?.focus({ preventScroll: true });
    const target = event.target as HTMLElement;
    if (target.closest('[data-corner]')) {
      if (view.used) onSelectionChange({ anchor: { row: view.used.top, column: view.used.left }, focus: { row: view.used.bottom, column: view.used.right } });
      return;
    }
    const header = target.closest<HTMLElement>('[data-column]');
    const rowHeader = target.closest<HTMLElement>('[data-row]');
    const point = header
      ? { row: 1, column: Number(header.dataset.column) }
      : rowHeader
        ? { row: Number(rowHeader.dataset.row), column: 1 }
        : pointAt(event.clientX, event.clientY);
    const mode: DragMode = header ? 'columns' : rowHeader ? 'rows' : 'cells';
    const anchor = event.shiftKey && selection ? selection.anchor : point;
    onSelectionChange(dragSelection(mode, anchor, point));
    drag.current = mode;

    const move = (moveEvent: MouseEvent) => {
      const element = scroller.current;
      if (!element || !drag.current) return;
      // Past an edge, scroll on, so a drag can reach cells that are not in view (a drag along the
      // column letters only sideways, along the row numbers only up and down).
      const box = element.getBoundingClientRect();
      if (drag.current !== 'columns') {
        if (moveEvent.clientY > box.bottom) element.scrollTop += DRAG_SCROLL_STEP;
        else if (moveEvent.clientY < box.top + HEADER_HEIGHT) element.scrollTop -= DRAG_SCROLL_STEP;
      }
      if (drag.current !== 'rows') {
        if (moveEvent.clientX > box.right) element.scrollLeft += DRAG_SCROLL_STEP;
        else if (moveEvent.clientX < box.left + latest.current.geometry.rowHeaderWidth) element.scrollLeft -= DRAG_SCROLL_STEP;
      }
      const current = latest.current.selection;
      if (!current) return;
      const at = pointAt(moveEvent.clientX, moveEvent.clientY);
      const start = drag.current === 'columns' ? { row: 1, column: current.anchor.column } : drag.current === 'rows' ? { row: current.anchor.row, column: 1 } : current.anchor;
      latest.current.onSelectionChange(dragSelection(drag.current, start, at));
    };
    const up = () => {
      drag.current = null;
      globalThis.removeEventListener('mousemove', move);
      globalThis.removeEventListener('mouseup', up);
    };
    globalThis.addEventListener('mousemove', move);
    globalThis.addEventListener('mouseup', up);
  };

  useEffect(() => {
    if (autoFocus) scroller.current?.focus({ preventScroll: true });
    // Only when first drawn: later renders must not pull the focus back.
  }, []);

  // A drag that outlives the grid (the sheet changed mid-drag) must not keep listening.
  useEffect(() => () => void (drag.current = null), []);

  const rect = selection ? selectionRect(selection) : null;
  const cellId = (row: number, column: number) => `${idPrefix}-r${row}c${column}`;
  const focus = selection?.focus;
  const focusDrawn =
    focus && focus.row >= visible.firstRow && focus.row <= visible.lastRow && focus.column >= visible.firstColumn && focus.column <= visible.lastColumn;
  const x = (column: number) => geometry.rowHeaderWidth + geometry.offsets[column - 1];

  const columns: number[] = [];
  for (let c = visible.firstColumn; c <= visible.lastColumn; c++) columns.push(c);
  const rows: number[] = [];
  for (let r = visible.firstRow; r <= visible.lastRow; r++) rows.push(r);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-rowcount={geometry.rows + 1}
      aria-colcount={geometry.columns + 1}
      aria-multiselectable="true"
      aria-activedescendant={focusDrawn ? cellId(focus.row, focus.column) : undefined}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onScroll={(event) => setScroll({ top: event.currentTarget.scrollTop, left: event.currentTarget.scrollLeft })}
    >
      <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: `${geometry.width}px` }}>
        <div role="columnheader" aria-colindex={1} data-corner="" className={styles.corner} style={{ width: `${geometry.rowHeaderWidth}px` }}>
          <span className={styles.hidden}>{cornerLabel}</span>
        </div>
        {columns.map((column) => {
          const selected = rect !== null && column >= rect.left && column <= rect.right;
          return (
            <div
              key={column}
              role="columnheader"
              aria-colindex={column + 1}
              data-column={column}
              className={selected ? `${styles.columnHeader} ${styles.headerSelected}` : styles.columnHeader}
              style={{ left: `${x(column)}px`, width: `${columnWidth(geometry, column)}px` }}
            >
              {columnLetter(column)}
            </div>
          );
        })}
      </div>
      <div ref={body} role="rowgroup" className={styles.body} style={{ height: `${geometry.rows * ROW_HEIGHT}px`, width: `${geometry.width}px` }}>
        {rows.map((row) => {
          const rowSelected = rect !== null && row >= rect.top && row <= rect.bottom;
          return (
            <div key={row} role="row" aria-rowindex={row + 1} className={styles.row} style={{ top: `${(row - 1) * ROW_HEIGHT}px`, width: `${geometry.width}px` }}>
              <div
                role="rowheader"
                aria-colindex={1}
                data-row={row}
                className={rowSelected ? `${styles.rowHeader} ${styles.headerSelected}` : styles.rowHeader}
                style={{ width: `${geometry.rowHeaderWidth}px` }}
              >
                {row}
              </div>
              {columns.map((column) => {
                const value = view.value(row, column);
                const fill = view.fill(row, column);
                return (
                  <div
                    key={column}
                    id={cellId(row, column)}
                    role="gridcell"
                    aria-colindex={column + 1}
                    aria-selected={isSelected(selection, row, column)}
                    className={typeof value === 'number' ? `${styles.cell} ${styles.number}` : styles.cell}
                    style={{
                      left: `${x(column)}px`,
                      width: `${columnWidth(geometry, column)}px`,
                      backgroundColor: fill ?? undefined,
                      fontWeight: view.bold(row, column) ? 600 : undefined,
                    }}
                  >
                    {view.text(row, column)}
                  </div>
                );
              })}
            </div>
          );
        })}
        {rect && (
          <div
            className={styles.selectionBox}
            style={{
              top: `${(rect.top - 1) * ROW_HEIGHT}px`,
              left: `${x(rect.left)}px`,
              height: `${(rect.bottom - rect.top + 1) * ROW_HEIGHT}px`,
              width: `${geometry.offsets[rect.right] - geometry.offsets[rect.left - 1]}px`,
            }}
          />
        )}
        {focus && (
          <div
            className={styles.focusCell}
            style={{ top: `${(focus.row - 1) * ROW_HEIGHT}px`, left: `${x(focus.column)}px`, height: `${ROW_HEIGHT}px`, width: `${columnWidth(geometry, focus.column)}px` }}
          />
        )}
      </div>
    </div>
  );
}
