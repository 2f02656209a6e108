/**
 * The situations a generated pair contains, as a table: how often each occurs by default and which
 * layouts have it. Every kind with a positive weight appears at least once, however small the pair.
 */
import type { Layout } from './layouts';

/** Kinds that end as a group of rows that belong together (the matcher should find them). */
export type GroupKind =
  | 'receipt' // one customer receipt, 1:1, bank 0–5 days before or after the ledger
  | 'fee-deducted' // the bank received 0.50–25.00 less than the invoice (its fee), 1:1 with a difference
  | 'many-to-one' // one transfer paying 2–4 invoices of one customer (N ledger : 1 bank)
  | 'one-to-many' // one invoice paid in 2–3 instalments (1 ledger : N bank)
  | 'supplier-payment' // money out to a supplier, 1:1
  | 'same-amount' // two customers paying the same amount in the same week, dates crossed; names decide
  | 'name-variant' // the bank shows the name truncated, with another legal form, in 繁体, or a person's name
  | 'reference-typo'; // the bank's 附言/reference has the invoice number one character wrong

/** Kinds that exist on one side only (the matcher should leave them unmatched). */
export type OneSidedKind =
  | 'deposit-in-transit' // 企收银未收: receipt booked at period end, reaches the bank next period
  | 'outstanding-cheque' // 企付银未付: cheque issued, not yet presented
  | 'ledger-only' // adjustments (cash journal) or allowances/write-offs (receivables): no cash
  | 'bank-interest' // 银收企未收: 利息 credited by the bank
  | 'bank-charge' // 银付企未付: 手续费 and other charges
  | 'unrecorded-receipt' // 银收企未收: a customer paid, not yet booked
  | 'supplier-payment'; // receivables layout only: the AR ledger has no payments to suppliers

/** What a scenario mix weights: every group kind, every one-sided kind, and open invoices. */
export type ScenarioKind = GroupKind | Exclude<OneSidedKind, 'supplier-payment'> | 'open-invoice';
export type ScenarioMix = Partial<Record<ScenarioKind, number>>;

export const GROUP_KINDS: readonly GroupKind[] = ['receipt', 'fee-deducted', 'many-to-one', 'one-to-many', 'supplier-payment', 'same-amount', 'name-variant', 'reference-typo'];
export const ONE_SIDED_KINDS: readonly OneSidedKind[] = ['deposit-in-transit', 'outstanding-cheque', 'ledger-only', 'bank-interest', 'bank-charge', 'unrecorded-receipt', 'supplier-payment'];

/** Instances per 100, roughly a trading company's month. */
export const DEFAULT_MIX: Record<ScenarioKind, number> = {
  receipt: 30,
  'fee-deducted': 5,
  'many-to-one': 4,
  'one-to-many': 3,
  'supplier-payment': 22,
  'same-amount': 2,
  'name-variant': 10,
  'reference-typo': 5,
  'deposit-in-transit': 2,
  'outstanding-cheque': 2,
  'ledger-only': 1.5,
  'bank-interest': 0.3,
  'bank-charge': 3,
  'unrecorded-receipt': 1,
  'open-invoice': 8,
};

/** Kinds a layout cannot have (an AR ledger issues no cheques; open invoices exist only in an AR ledger). */
export const NOT_IN_LAYOUT: Record<Layout, ScenarioKind[]> = {
  'zh-bank-cash-journal': ['open-invoice'],
  'zh-receivables': ['outstanding-cheque'],
  'en-bank': ['open-invoice'],
};

export const SCENARIO_KINDS = Object.keys(DEFAULT_MIX) as ScenarioKind[];
