/**
 * The grid's keys on the demo's bank sheet (title lines, a blank line, the table, a 合计 line):
 * what an accountant presses to select the table, and where each key lands.
 */
import type { CellValue } from '../../src/engine/types';
import { demoWorkbook } from '../../src/generator/demo';
import {
  applyCommand,
  commandOfKey,
  edgeOf,
  selectionAddress,
  selectionRange,
  type GridBounds,
  type GridSelection,
  type KeyLike,
} from '../../src/standalone/grid/selection';

const bank = demoWorkbook('zh-CN').sheets[1];
const values: CellValue[][] = bank.values;
const ROWS = values.length; // 61: 4 title lines, a blank line, the header, 54 lines, 合计
const COLUMNS = values[0].length; // 8
const HEADER_ROW = 6;
const filled = (row: number, column: number) => {
  const v = values[row - 1]?.[column - 1];
  return v !== null && v !== undefined && v !== '';
};
const bounds: GridBounds = {
  rows: ROWS + 20,
  columns: COLUMNS + 4,
  used: { top: 1, left: 1, bottom: ROWS, right: COLUMNS },
  pageRows: 20,
  filled,
};

const key = (key: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, ...modifiers });
const at = (row: number, column: number): GridSelection => ({ anchor: { row, column }, focus: { row, column } });

function press(selection: GridSelection, ...keys: KeyLike[]): GridSelection {
  return keys.reduce((current, k) => {
    const command = commandOfKey(k);
    if (!command) throw new Error(`no command for ${k.key}`);
    return applyCommand(current, command, bounds);
  }, selection);
}

describe('grid selection keys', () => {
  test('the demo bank sheet is laid out as these tests assume', () => {
    expect(values[0][0]).toBe('中国工商银行账户明细');
    expect(values[4].every((v) => v === null)).toBe(true);
    expect(values[HEADER_ROW - 1][0]).toBe('交易日期');
    expect(values[ROWS - 1][0]).toBe('合计');
  });

  test('arrows move one cell and stop at the edges', () => {
    expect(press(at(6, 1), key('ArrowDown'), key('ArrowRight'))).toEqual(at(7, 2));
    expect(press(at(1, 1), key('ArrowUp'), key('ArrowLeft'))).toEqual(at(1, 1));
    expect(press(at(bounds.rows, bounds.columns), key('ArrowDown'), key('ArrowRight'))).toEqual(at(bounds.rows, bounds.columns));
  });

  test('Shift+arrows extend from the anchor, which stays put', () => {
    const selection = press(at(HEADER_ROW, 1), key('ArrowRight', { shiftKey: true }), key('ArrowRight', { shiftKey: true }), key('ArrowDown', { shiftKey: true }));
    expect(selection).toEqual({ anchor: { row: HEADER_ROW, column: 1 }, focus: { row: HEADER_ROW + 1, column: 3 } });
    expect(selectionAddress('银行流水', selection)).toBe('银行流水!A6:C7');
    // Back past the anchor: the range flips, the anchor stays.
    const back = press(selection, key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true }), key('ArrowLeft', { shiftKey: true }));
    expect(selectionRange(back)).toBe('A6:A7');
    expect(back.anchor).toEqual({ row: HEADER_ROW, column: 1 });
  });

  test('Ctrl+Shift+Down then Ctrl+Shift+End from the header selects the table through its 合计 line', () => {
    const down = press(at(HEADER_ROW, 1), key('ArrowDown', { ctrlKey: true, shiftKey: true }));
    expect(selectionRange(down)).toBe(`A${HEADER_ROW}:A${ROWS}`);
    const table = press(down, key('End', { ctrlKey: true, shiftKey: true }));
    expect(selectionAddress('银行流水', table)).toBe(`银行流水!A${HEADER_ROW}:H${ROWS}`);
    // As in Excel, Ctrl+Shift+Down down the 附言 column stops where its notes stop (row 8 has none).
    const alongNotes = press(at(HEADER_ROW, 1), key('ArrowRight', { ctrlKey: true, shiftKey: true }), key('ArrowDown', { ctrlKey: true, shiftKey: true }));
    expect(selectionRange(alongNotes)).toBe(`A${HEADER_ROW}:H${HEADER_ROW + 1}`);
  });

  test('Ctrl+arrow stops at the edge of a block, jumps a gap to the next one, and goes to the sheet edge past the last', () => {
    // Column A: titles in rows 1-4, blank row 5, the table from row 6.
    expect(edgeOf({ row: 1, column: 1 }, 'down', bounds)).toEqual({ row: 4, column: 1 });
    expect(edgeOf({ row: 4, column: 1 }, 'down', bounds)).toEqual({ row: HEADER_ROW, column: 1 });
    expect(edgeOf({ row: HEADER_ROW, column: 1 }, 'down', bounds)).toEqual({ row: ROWS, column: 1 });
    expect(edgeOf({ row: ROWS, column: 1 }, 'down', bounds)).toEqual({ row: bounds.rows, column: 1 });
    expect(edgeOf({ row: ROWS, column: 1 }, 'up', bounds)).toEqual({ row: HEADER_ROW, column: 1 });
    // Cmd on a Mac counts as Ctrl.
    expect(press(at(HEADER_ROW, 1), key('ArrowRight', { metaKey: true }))).toEqual(at(HEADER_ROW, COLUMNS));
  });

  test('Ctrl+A selects all the data; Home, End, Ctrl+Home, Ctrl+End and the page keys move as in a spreadsheet', () => {
    expect(selectionAddress('银行流水', press(at(30, 4), key('a', { ctrlKey: true })))).toBe(`银行流水!A1:H${ROWS}`);
    expect(press(at(30, 4), key('Home'))).toEqual(at(30, 1));
    expect(press(at(30, 4), key('End'))).toEqual(at(30, COLUMNS));
    expect(press(at(30, 4), key('Home', { ctrlKey: true }))).toEqual(at(1, 1));
    expect(press(at(30, 4), key('End', { ctrlKey: true }))).toEqual(at(ROWS, COLUMNS));
    expect(press(at(30, 4), key('PageDown'))).toEqual(at(50, 4));
    expect(press(at(30, 4), key('PageUp'), key('PageUp'))).toEqual(at(1, 4));
    expect(selectionRange(press(at(30, 4), key('PageDown', { shiftKey: true })))).toBe('D30:D50');
  });

  test('Shift+Space selects the row and Ctrl+Space the column, across the data', () => {
    expect(selectionRange(press(at(30, 4), key(' ', { shiftKey: true })))).toBe(`A30:H30`);
    expect(selectionRange(press(at(30, 4), key(' ', { ctrlKey: true })))).toBe(`D1:D${ROWS}`);
  });

  test('keys the grid leaves to the page: Tab, Enter, letters, Ctrl+PageDown, Alt+arrows', () => {
    for (const k of [key('Tab'), key('Enter'), key('x'), key('a'), key('PageDown', { ctrlKey: true }), key('ArrowDown', { altKey: true }), key('a', { ctrlKey: true, shiftKey: true })]) {
      expect(commandOfKey(k)).toBeNull();
    }
  });
});
