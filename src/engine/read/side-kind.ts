/**
 * What kind of book a side is, and so what 借方/贷方 (debit/credit) mean for it.
 * Entry.amount is always the cash effect on OUR bank account: + money in, − money out.
 */
import type Decimal from 'decimal.js';
import type { DocumentType, Side, SideKind } from '../types';
import { normalizeLabel } from './text';

/**
 * Words in titles or headers that say which ledger this is; the first rule that matches wins.
 * 客户/customer is NOT among them: a cash journal often names the customer too (客户名称, Customer),
 * and reading it as receivables would turn every receipt into an invoice. The user can still choose.
 */
const LEDGER_KIND_WORDS: { kind: SideKind; words: string[]; label: string }[] = [
  { kind: 'cash-journal', words: ['银行存款', '日记账', '銀行存款', '日記帳', 'cashbook', 'cashjournal', 'bankjournal'], label: 'cash journal (银行存款日记账)' },
  { kind: 'payables-ledger', words: ['应付', '應付', '供应商', '供應商', 'payable', 'supplier', 'vendor'], label: 'payables ledger (应付账款明细账)' },
  { kind: 'receivables-ledger', words: ['应收', '應收', '发票', '發票', 'receivable', 'invoice'], label: 'receivables ledger (应收账款明细账)' },
];

export const KIND_LABELS: Record<SideKind, string> = {
  'bank-statement': 'bank statement',
  'cash-journal': 'cash journal (银行存款日记账)',
  'receivables-ledger': 'receivables ledger (应收账款明细账)',
  'payables-ledger': 'payables ledger (应付账款明细账)',
};

/** What a debit column means, per kind, in the words the decisions list uses. */
const DEBIT_MEANING: Record<SideKind, string> = {
  'bank-statement': '借方/Debit read as money out (the bank’s own view)',
  'cash-journal': '借方 read as money in, 贷方 as money out',
  'receivables-ledger': '借方 read as invoices raised, 贷方 as receipts',
  'payables-ledger': '贷方 read as bills received, 借方 as payments made',
};

export interface KindDecision {
  kind: SideKind;
  decision: string;
}

/**
 * The side's kind: the caller's choice, else bank side → bank statement, else the ledger's title and
 * header words (应收/发票 → receivables, 应付/供应商 → payables, otherwise a cash journal).
 */
export function decideKind(side: Side, titles: readonly string[], headers: readonly string[], explicit?: SideKind): KindDecision {
  if (explicit) return { kind: explicit, decision: `Read as a ${KIND_LABELS[explicit]} (chosen): ${DEBIT_MEANING[explicit]}` };
  if (side === 'bank') return { kind: 'bank-statement', decision: `Bank side read as a bank statement: ${DEBIT_MEANING['bank-statement']}` };
  const sources: { texts: readonly string[]; where: string }[] = [
    { texts: titles, where: 'title' },
    { texts: headers, where: 'headers' },
  ];
  for (const source of sources) {
    const joined = source.texts.map(normalizeLabel).join('|');
    for (const rule of LEDGER_KIND_WORDS) {
      const word = rule.words.find((w) => joined.indexOf(w) >= 0);
      if (word) return { kind: rule.kind, decision: `Ledger read as a ${rule.label}: the ${source.where} mention “${word}”; ${DEBIT_MEANING[rule.kind]}` };
    }
  }
  return { kind: 'cash-journal', decision: `Ledger read as a ${KIND_LABELS['cash-journal']} (no 应收/应付 words found): ${DEBIT_MEANING['cash-journal']}` };
}

/**
 * Which way a row's amount goes before the kind gives it a sign:
 * in/out come from 收入/支出 (Deposits/Withdrawals) or 收/支 words; debit/credit from 借方/贷方 or 借/贷 words.
 */
export type Bucket = 'in' | 'out' | 'debit' | 'credit';

export interface Effect {
  amount: Decimal;
  document: DocumentType;
}

/**
 * The signed cash effect of a value written in a bucket. `value` is the amount as written there:
 * positive normally, negative for a reversal (红字), which then flips the effect.
 */
export function effectOf(kind: SideKind, bucket: Bucket, value: Decimal): Effect {
  switch (kind) {
    case 'bank-statement':
      return { amount: bucket === 'in' || bucket === 'credit' ? value : value.negated(), document: 'movement' };
    case 'cash-journal':
      return { amount: bucket === 'in' || bucket === 'debit' ? value : value.negated(), document: 'movement' };
    case 'receivables-ledger':
      if (bucket === 'debit') return { amount: value, document: 'invoice' };
      return { amount: bucket === 'out' ? value.negated() : value, document: 'receipt' };
    case 'payables-ledger':
      if (bucket === 'credit') return { amount: value.negated(), document: 'bill' };
      return { amount: bucket === 'in' ? value : value.negated(), document: 'payment' };
  }
}

/**
 * A single signed amount column with no direction: on a bank statement or cash journal the sign is the
 * cash effect; in a receivables ledger + is an invoice and − a receipt; in a payables ledger + is a bill
 * and − a payment.
 */
export function effectOfSigned(kind: SideKind, value: Decimal): Effect {
  switch (kind) {
    case 'bank-statement':
    case 'cash-journal':
      return { amount: value, document: 'movement' };
    case 'receivables-ledger':
      return value.isNegative() ? effectOf(kind, 'credit', value.negated()) : effectOf(kind, 'debit', value);
    case 'payables-ledger':
      return value.isNegative() ? effectOf(kind, 'debit', value.negated()) : effectOf(kind, 'credit', value);
  }
}

/**
 * The bucket of a split column pair. Ledgers keep their debit column in `inflow` and their credit column
 * in `outflow`; what that means is the kind's business (effectOf).
 */
export function splitBucket(kind: SideKind, column: 'inflow' | 'outflow'): Bucket {
  if (kind === 'receivables-ledger' || kind === 'payables-ledger') return column === 'inflow' ? 'debit' : 'credit';
  return column === 'inflow' ? 'in' : 'out';
}

/** Where a debit/credit header lands for this kind: a bank's debit is its outflow, a ledger's its inflow. */
export function debitCreditRoles(kind: SideKind): { debit: 'inflow' | 'outflow'; credit: 'inflow' | 'outflow' } {
  return kind === 'bank-statement' ? { debit: 'outflow', credit: 'inflow' } : { debit: 'inflow', credit: 'outflow' };
}
