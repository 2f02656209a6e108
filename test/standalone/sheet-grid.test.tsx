/** @jest-environment jsdom */
/**
 * The grid on a bank export of 100,000 lines: only the rows in view are in the DOM, scrolling and
 * keys bring the right rows in, and the mouse and the keyboard make the selections a user expects.
 * (jsdom has no layout: every element's box is at 0,0, so mouse positions are grid coordinates.)
 */
import { useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/engine/types';
import { HEADER_HEIGHT, ROW_HEIGHT, gridGeometry } from '../../src/standalone/grid/geometry';
import { SheetGrid } from '../../src/standalone/grid/SheetGrid';
import { selectionRange, type GridSelection } from '../../src/standalone/grid/selection';
import type { SheetView } from '../../src/standalone/host/sheet-view';
import { HIGHLIGHT_COLOURS } from '../../src/workbook/colours';

const LINES = 100_000;
const HEADER = ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额', '对账状态'];

/** A bank export: a title line, a blank line, the header, 100,000 lines; every 7th line unmatched. */
function bankView(): SheetView {
  const cell = (row: number, column: number): CellValue => {
    if (row === 1) return column === 1 ? '中国工商银行账户明细' : null;
    if (row === 2) return null;
    if (row === 3) return HEADER[column - 1] ?? null;
    const line = row - 3;
    if (line > LINES || column > HEADER.length) return null;
    switch (column) {
      case 1:
        return `2025-03-${String(1 + (line % 28)).padStart(2, '0')}`;
      case 2:
        return '网银转账';
      case 3:
        return `客户${line}`;
      case 4:
        return line % 2 === 0 ? line : null;
      case 5:
        return line % 2 === 1 ? line : null;
      case 6:
        return 1_000_000 + line;
      default:
        return line % 7 === 0 ? '未匹配' : `M${line} 已匹配`;
    }
  };
  return {
    sheet: '银行流水',
    rows: LINES + 3,
    columns: HEADER.length,
    used: { top: 1, left: 1, bottom: LINES + 3, right: HEADER.length - 1 },
    value: cell,
    text: (row, column) => {
      const v = cell(row, column);
      return v === null ? '' : String(v);
    },
    fill: (row, column) => (row > 3 && column <= HEADER.length ? (cell(row, 7) === '未匹配' ? HIGHLIGHT_COLOURS.unmatched : HIGHLIGHT_COLOURS.auto) : null),
    bold: (row) => row === 3,
  };
}

const SIZE = { width: 900, height: 480 };

function Harness({ view, onStep, initial = null }: { view: SheetView; onStep?: (step: 1 | -1) => void; initial?: GridSelection | null }) {
  const [selection, setSelection] = useState<GridSelection | null>(initial);
  return (
    <>
      <output data-testid="selection">{selection ? selectionRange(selection) : ''}</output>
      <SheetGrid view={view} selection={selection} onSelectionChange={setSelection} onSheetStep={onStep} label="Sheet 银行流水" cornerLabel="Row" initialSize={SIZE} />
    </>
  );
}

const grid = () => screen.getByRole('grid', { name: 'Sheet 银行流水' });
const selection = () => screen.getByTestId('selection').textContent;
const renderedRowNumbers = () => within(grid()).queryAllByRole('rowheader').map((h) => Number(h.textContent));
const key = (key: string, modifiers: Record<string, boolean> = {}) => act(() => void fireEvent.keyDown(grid(), { key, ...modifiers }));
const activeCell = () => {
  const id = grid().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

describe('the sheet grid', () => {
  const view = bankView();
  const geometry = gridGeometry(view.rows, view.columns, view.text);
  /** The middle of a cell, as a mouse position (the grid's boxes are all at 0,0 in jsdom). */
  const point = (row: number, column: number) => ({
    clientX: geometry.rowHeaderWidth + (geometry.offsets[column - 1] + geometry.offsets[column]) / 2,
    clientY: (row - 0.5) * ROW_HEIGHT,
  });

  test('holds only the rows in view, while telling assistive technology the full size', () => {
    render(<Harness view={view} />);
    expect(grid().getAttribute('aria-rowcount')).toBe(String(geometry.rows + 1));
    const rows = renderedRowNumbers();
    const inView = Math.ceil((SIZE.height - HEADER_HEIGHT) / ROW_HEIGHT);
    expect(rows[0]).toBe(1);
    expect(rows.length).toBeGreaterThanOrEqual(inView);
    expect(rows.length).toBeLessThan(inView + 15);
    // The header row, the title, and the first line with its text, number and colour.
    expect(within(grid()).getAllByRole('columnheader').map((h) => h.textContent).slice(1, 4)).toEqual(['A', 'B', 'C']);
    const firstLine = within(grid()).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '5')!;
    const cells = within(firstLine).getAllByRole('gridcell');
    expect(cells.slice(0, 4).map((c) => c.textContent)).toEqual(['2025-03-02', '网银转账', '客户1', '']);
    expect(cells[0].getAttribute('aria-colindex')).toBe('2');
    expect(cells[0].style.backgroundColor).toBe('rgb(198, 239, 206)'); // HIGHLIGHT_COLOURS.auto
  });

  test('scrolling to the middle of 100,000 lines draws the rows there and no others', () => {
    render(<Harness view={view} />);
    const scroller = grid();
    act(() => {
      scroller.scrollTop = 50_000 * ROW_HEIGHT;
      fireEvent.scroll(scroller);
    });
    const rows = renderedRowNumbers();
    expect(rows).toContain(50_001);
    expect(Math.min(...rows)).toBeGreaterThan(49_990);
    expect(Math.max(...rows)).toBeLessThan(50_040);
    // Sheet row 50,004 holds line 50,001 (three rows above the lines); ARIA counts the header row too.
    const row = within(scroller).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === String(50_004 + 1))!;
    expect(within(row).getAllByRole('gridcell')[2].textContent).toBe('客户50001');
  });

  test('keys: the first arrow lands on A1, Shift+arrows extend, Ctrl+A takes all the data', () => {
    render(<Harness view={view} />);
    expect(grid().getAttribute('aria-activedescendant')).toBeNull();
    key('ArrowDown');
    expect(selection()).toBe('A1');
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowRight', { shiftKey: true });
    key('ArrowRight', { shiftKey: true });
    key('ArrowDown', { shiftKey: true });
    expect(selection()).toBe('A3:C4');
    expect(activeCell()?.textContent).toBe('客户1');
    expect(within(grid()).getAllByRole('gridcell').filter((c) => c.getAttribute('aria-selected') === 'true')).toHaveLength(6);
    key('a', { ctrlKey: true });
    expect(selection()).toBe(`A1:F${LINES + 3}`);
  });

  test('Ctrl+Shift+End selects to the last line, scrolling it into view so the active cell exists', () => {
    render(<Harness view={view} />);
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowDown'); // A3, the header
    key('End', { ctrlKey: true, shiftKey: true });
    expect(selection()).toBe(`A3:F${LINES + 3}`);
    expect(activeCell()?.textContent).toBe(String(1_000_000 + LINES));
    expect(renderedRowNumbers()).toContain(LINES + 3);
    key('Home', { ctrlKey: true });
    expect(selection()).toBe('A1');
    expect(activeCell()?.textContent).toBe('中国工商银行账户明细');
  });

  test('Ctrl+PageDown and Ctrl+PageUp ask for the next and previous sheet', () => {
    const steps: number[] = [];
    render(<Harness view={view} onStep={(step) => steps.push(step)} />);
    key('PageDown', { ctrlKey: true });
    key('PageUp', { ctrlKey: true });
    expect(steps).toEqual([1, -1]);
  });

  test('the mouse: drag a range, Shift+click to extend it, click a column letter, a row number, the corner', () => {
    render(<Harness view={view} />);
    const body = within(grid()).getAllByRole('rowgroup')[0];
    act(() => void fireEvent.mouseDown(body, { button: 0, ...point(3, 1) }));
    expect(selection()).toBe('A3');
    act(() => void fireEvent.mouseMove(window, point(8, 3)));
    act(() => void fireEvent.mouseUp(window));
    expect(selection()).toBe('A3:C8');
    // A move after the button is up changes nothing.
    act(() => void fireEvent.mouseMove(window, point(12, 5)));
    expect(selection()).toBe('A3:C8');
    act(() => void fireEvent.mouseDown(body, { button: 0, shiftKey: true, ...point(10, 6) }));
    act(() => void fireEvent.mouseUp(window));
    expect(selection()).toBe('A3:F10');

    const header = (letter: string) => within(grid()).getAllByRole('columnheader').find((h) => h.textContent === letter)!;
    act(() => void fireEvent.mouseDown(header('B'), { button: 0 }));
    act(() => void fireEvent.mouseUp(window));
    expect(selection()).toBe(`B1:B${LINES + 3}`);
    act(() => void fireEvent.mouseDown(header('D'), { button: 0, shiftKey: true }));
    act(() => void fireEvent.mouseUp(window));
    expect(selection()).toBe(`B1:D${LINES + 3}`);

    const rowHeader = within(grid()).getAllByRole('rowheader').find((h) => h.textContent === '5')!;
    act(() => void fireEvent.mouseDown(rowHeader, { button: 0 }));
    act(() => void fireEvent.mouseUp(window));
    expect(selection()).toBe('A5:F5');

    const corner = within(grid()).getAllByRole('columnheader')[0];
    expect(corner.textContent).toBe('Row');
    act(() => void fireEvent.mouseDown(corner, { button: 0 }));
    expect(selection()).toBe(`A1:F${LINES + 3}`);
  });

  test('a right click leaves the selection alone', () => {
    render(<Harness view={view} initial={{ anchor: { row: 4, column: 1 }, focus: { row: 9, column: 2 } }} />);
    act(() => void fireEvent.mouseDown(within(grid()).getAllByRole('rowgroup')[0], { button: 2, ...point(20, 5) }));
    expect(selection()).toBe('A4:B9');
  });
});
