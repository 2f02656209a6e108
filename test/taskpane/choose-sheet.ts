/**
 * The pane's side picked by a whole sheet, as a user does it: waits for the sheet to be offered,
 * chooses it and waits for the reading to say how many entries it read.
 */
import { fireEvent, screen, within } from '@testing-library/react';

export async function chooseSheet(regionName: string, sheet: string, entries: RegExp): Promise<HTMLElement> {
  const side = screen.getByRole('region', { name: regionName });
  await within(side).findByRole('option', { name: sheet });
  fireEvent.change(within(side).getByRole('combobox', { name: 'Or a whole sheet' }), { target: { value: sheet } });
  await within(side).findByText(entries);
  return side;
}
