/** @jest-environment jsdom */
/**
 * axe-core over the pane at its busiest (both sides detected, options shown, a result on screen):
 * every control named, tables and regions well formed. Colour contrast needs a real renderer and
 * is not judged here.
 */
import './jsdom-structured-clone';
import { fireEvent, render, screen, within, configure } from '@testing-library/react';
import axe from 'axe-core';
import { App } from '../../src/taskpane/components/App';
import { InProcessEngineClient } from '../../src/taskpane/engine/in-process-engine-client';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';
import { BANK_RANGE, LEDGER_RANGE, marchBooks } from './march-books';

// A bound on waiting, not a timing assertion: a loaded machine may take a while to detect and match.
configure({ asyncUtilTimeout: 15000 });

it('has no accessibility violations with a result on screen', async () => {
  const workbook = new MemoryWorkbook(marchBooks());
  const { container } = render(<App workbook={workbook} engine={new InProcessEngineClient()} initialLocale="zh-CN" />);
  for (const [name, range] of [['1. 账簿', LEDGER_RANGE], ['2. 银行流水', BANK_RANGE]] as const) {
    const side = screen.getByRole('region', { name });
    fireEvent.change(within(side).getByRole('textbox', { name: '区域' }), { target: { value: range } });
    fireEvent.click(within(side).getByRole('button', { name: '读取' }));
    await within(side).findByText(/读到 9 笔记录/);
  }
  await screen.findByRole('textbox', { name: /金额容差/ });
  fireEvent.click(screen.getByRole('button', { name: '开始对账' }));
  await screen.findByText(/^匹配率/);

  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.passes.length).toBeGreaterThan(10);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // A bound, not a timing assertion: axe over the whole pane (now with the decisions section) in jsdom
  // takes minutes on a loaded 2-core machine.
}, 600_000);
