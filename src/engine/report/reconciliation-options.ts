/**
 * The statement's own options, defined once: the period end and the balances a user may enter.
 * The command line's flags (--period-end, --book-balance, --bank-balance) and the pane's inputs
 * are both drawn from RECONCILIATION_OPTIONS, and both read values with `parseReconciliationOption`.
 */
import Decimal from 'decimal.js';
import { parseAmount } from '../read/amount';
import { makeDate } from '../read/calendar-day';

export interface ReconciliationOptions {
  /** ISO date the statement is drawn up at; default the latest date on either side. */
  periodEnd?: string;
  /** 企业银行存款日记账余额 as the user states it (overrides the ledger's own balances). */
  bookBalance?: Decimal;
  /** 银行对账单余额 as the user states it (overrides the bank export's balances). */
  bankBalance?: Decimal;
}

export type ReconciliationOptionKey = keyof ReconciliationOptions;

export interface ReconciliationOptionDefinition {
  key: ReconciliationOptionKey;
  /** The command-line flag. */
  flag: string;
  kind: 'date' | 'amount';
  /** What the command line's help says (English, like the rest of the usage text). */
  help: string;
}

export const RECONCILIATION_OPTIONS: readonly ReconciliationOptionDefinition[] = [
  { key: 'periodEnd', flag: '--period-end', kind: 'date', help: 'date of the reconciliation statement, e.g. 2025-03-31 (default: where both sides end; the last day of the earlier side’s month when one runs into the next)' },
  { key: 'bookBalance', flag: '--book-balance', kind: 'amount', help: "the ledger's balance at the period end, where the file has no balance column or line" },
  { key: 'bankBalance', flag: '--bank-balance', kind: 'amount', help: "the bank's balance at the period end, where the export has no balance column or line" },
];

export type OptionParse = { ok: true; value: string | Decimal } | { ok: false; expected: string };

/** A typed value → the option's value, or what was expected instead. */
export function parseReconciliationOption(kind: ReconciliationOptionDefinition['kind'], text: string): OptionParse {
  const trimmed = text.trim();
  if (kind === 'date') {
    const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
    const date = m ? makeDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    return date ? { ok: true, value: date.iso } : { ok: false, expected: 'a date such as 2025-03-31' };
  }
  const amount = parseAmount(trimmed);
  return amount.kind === 'ok' ? { ok: true, value: amount.value } : { ok: false, expected: 'an amount such as 125,890.00 or -300.50' };
}

/** Sets one option from text; returns the problem in words, or null when it was set. */
export function setReconciliationOption(options: ReconciliationOptions, key: ReconciliationOptionKey, text: string): string | null {
  const definition = RECONCILIATION_OPTIONS.find((d) => d.key === key)!;
  const parsed = parseReconciliationOption(definition.kind, text);
  if (!parsed.ok) return `${definition.flag}: expected ${parsed.expected}, found "${text}"`;
  if (key === 'periodEnd') options.periodEnd = parsed.value as string;
  else options[key] = parsed.value as Decimal;
  return null;
}
