/** @jest-environment jsdom */
/** The sheet tabs: one tab stop (the active sheet), arrows and Home/End move the focus, a click opens. */
import { fireEvent, render, screen } from '@testing-library/react';
import { SheetTabs } from '../../src/standalone/grid/SheetTabs';

const SHEETS = ['银行日记账', '银行流水', '匹配结果'];

test('one tab stop, arrow keys move round the tabs, Home and End to the ends, a click opens a sheet', () => {
  const opened: string[] = [];
  render(<SheetTabs sheets={SHEETS} active="银行流水" label="工作表" onSelect={(sheet) => opened.push(sheet)} />);
  const tabs = screen.getAllByRole('tab');
  expect(screen.getByRole('tablist', { name: '工作表' })).toBeTruthy();
  expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
    ['银行日记账', 'false', -1],
    ['银行流水', 'true', 0],
    ['匹配结果', 'false', -1],
  ]);
  tabs[1].focus();
  fireEvent.keyDown(tabs[1], { key: 'ArrowRight' });
  expect(document.activeElement).toBe(tabs[2]);
  fireEvent.keyDown(tabs[2], { key: 'ArrowRight' });
  expect(document.activeElement).toBe(tabs[0]);
  fireEvent.keyDown(tabs[0], { key: 'ArrowLeft' });
  expect(document.activeElement).toBe(tabs[2]);
  fireEvent.keyDown(tabs[2], { key: 'Home' });
  expect(document.activeElement).toBe(tabs[0]);
  fireEvent.keyDown(tabs[0], { key: 'End' });
  expect(document.activeElement).toBe(tabs[2]);
  // Moving the focus opens nothing; a click (or Enter/Space on the button) does.
  expect(opened).toEqual([]);
  fireEvent.click(tabs[2]);
  expect(opened).toEqual(['匹配结果']);
});
