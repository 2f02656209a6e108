/**
 * The pane's set-up ↔ the settings kept in the workbook (state.memory.settings), so a teammate who
 * opens the workbook finds the same ranges, roles, kinds, options, balances and company name.
 * A side keeps what the user set (range and corrections); detection does the rest the same way.
 */
import { parseMatchOptions, type OptionKey } from '../../engine/match/option-definitions';
import type { ColumnMapping, SideKind } from '../../engine/types';
import { DATE_ORDERS, type DateOrder } from '../../engine/read/calendar-day';
import type { SideSettings, WorkbookSettings } from '../../workbook/layout/recon-state';
import type { MatchSettings } from '../engine/engine-client';
import type { OptionsDraft } from './options-draft';
import { draftOf } from './options-draft';
import type { SideCorrections, SideSetupState } from './use-side-setup';

export interface PaneSetUp {
  ledger: SideSetupState;
  bank: SideSetupState;
  /** Period end and balances as typed. */
  statementTexts: Partial<Record<'periodEnd' | 'bookBalance' | 'bankBalance', string>>;
  company?: string;
}

function sideSettings(side: SideSetupState, balance: string | undefined): SideSettings {
  const c = side.corrections;
  return {
    range: side.block?.address ?? side.address,
    ...(c.kind !== undefined && { kind: c.kind }),
    ...(c.headerRow !== undefined && { headerRow: c.headerRow }),
    ...(c.columns !== undefined && { columns: { ...c.columns } as Record<string, number>, columnsComplete: true }),
    ...(c.oppositeSigns !== undefined && { oppositeSigns: c.oppositeSigns }),
    ...(c.dateOrder !== undefined && { dateOrder: c.dateOrder }),
    ...(balance !== undefined && balance.trim() !== '' && { balance: balance.trim() }),
  };
}

/** What a run keeps in the workbook (the match options are kept by the run from what it used). */
export function settingsOf(setUp: PaneSetUp): WorkbookSettings {
  return {
    ledger: sideSettings(setUp.ledger, setUp.statementTexts.bookBalance),
    bank: sideSettings(setUp.bank, setUp.statementTexts.bankBalance),
    ...(setUp.company !== undefined && setUp.company.trim() !== '' && { company: setUp.company.trim() }),
  };
}

const isDateOrder = (value: unknown): value is DateOrder => DATE_ORDERS.includes(value as DateOrder);

/** A kept side → the corrections to read it with again. */
export function correctionsOf(side: SideSettings | undefined): SideCorrections {
  if (!side) return {};
  return {
    ...(side.kind !== undefined && { kind: side.kind as SideKind }),
    ...(side.headerRow !== undefined && { headerRow: side.headerRow }),
    ...(side.columns !== undefined && { columns: { ...side.columns } as ColumnMapping }),
    ...(side.oppositeSigns !== undefined && { oppositeSigns: side.oppositeSigns }),
    // a kept order this version does not know is left to the data, never guessed at
    ...(isDateOrder(side.dateOrder) && { dateOrder: side.dateOrder }),
  };
}

/** Kept options over the defaults; a kept value this version refuses leaves the default (never clamped). */
export function draftFromSettings(defaults: MatchSettings, kept: Record<string, string> | undefined): OptionsDraft {
  const draft = draftOf(defaults);
  if (!kept) return draft;
  for (const [key, text] of Object.entries(kept)) {
    if (!(key in draft)) continue;
    try {
      const value = parseMatchOptions({ [key]: text })[key as OptionKey];
      if (value === undefined) continue;
      (draft as unknown as Record<string, unknown>)[key] = typeof value === 'boolean' || key === 'nameStrictness' ? value : text;
    } catch {
      // Left at the default: the options form shows it, and the run record says what was used.
    }
  }
  return draft;
}

/** Kept balances → the reconciliation statement's texts. */
export function statementTextsOf(settings: WorkbookSettings): PaneSetUp['statementTexts'] {
  return {
    ...(settings.ledger?.balance !== undefined && { bookBalance: settings.ledger.balance }),
    ...(settings.bank?.balance !== undefined && { bankBalance: settings.bank.balance }),
  };
}
