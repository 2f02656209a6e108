/** @jest-environment jsdom */
/**
 * A run's 200 suggestions are added to the pane 25 at a time (one commit of all of them was a task of
 * 100-500 ms on a loaded machine): the first ones at once, every one in the end, in order, and the
 * heading counts them all from the start.
 */
import { render, screen, waitFor, configure } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import DecisionsPanel from '../../src/taskpane/components/DecisionsPanel';
import type { GroupSummary, RunSummary } from '../../src/taskpane/engine/engine-client';
import { PaneTextProvider } from '../../src/taskpane/pane-text';
import { MemoryWorkbook } from '../../src/workbook/memory/memory-workbook';

// A bound on waiting, not a timing assertion.
configure({ asyncUtilTimeout: 30000 });

const suggestions: GroupSummary[] = Array.from({ length: 200 }, (_, i) => ({
  id: `M${i + 1}`,
  ledgerRows: [i + 2],
  bankRows: [i + 5],
  ledgerTotal: '100.00',
  bankTotal: '99.00',
  difference: '1.00',
  counterparty: `Customer ${i + 1}`,
  date: '2025-03-03',
}));

it('draws the first suggestions at once and all 200 in the end', async () => {
  const summary = { suggestions, suggestedCount: 200, groupOrigins: suggestions.map((g) => `${g.id} suggested`).join('\n') } as unknown as RunSummary;
  const block = { sheet: 'Ledger', top: 1, left: 1, values: [['Date']], address: 'Ledger!A1:A1' };
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneTextProvider locale="en">
        <DecisionsPanel
          workbook={new MemoryWorkbook([{ name: 'Ledger', values: [['Date']] }])}
          summary={summary}
          sides={[{ side: 'ledger', block, headerRow: 1 }, { side: 'bank', block, headerRow: 1 }]}
          user="Ann"
          disabled={false}
          standingSignOff={null}
          onDecide={() => undefined}
          onSignOff={() => undefined}
        />
      </PaneTextProvider>
    </FluentProvider>,
  );
  const list = screen.getByRole('list', { name: 'Suggested matches (200)' });
  // Counted by selector: getAllByRole walks the whole tree's accessibility and is slow in jsdom.
  const items = () => list.querySelectorAll('[role=listitem]');
  const first = items().length;
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(200);
  await waitFor(() => expect(items()).toHaveLength(200), { interval: 200 });
  expect(items()[0].textContent).toContain('M1:');
  expect(items()[199].textContent).toContain('M200:');
});
