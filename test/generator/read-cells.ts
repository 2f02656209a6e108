/**
 * Test helpers that read generated cells back independently of the engine's reader, so generator
 * tests do not depend on the code they help to test.
 */
import Decimal from 'decimal.js';
import type { CellValue } from '../../src/engine/types';
import { dayFromCivil } from '../../src/generator/days';
import type { BankField, LedgerField } from '../../src/generator/layouts';
import { BANK_LAYOUTS, LEDGER_LAYOUTS } from '../../src/generator/layouts';
import type { GeneratedPair } from '../../src/generator/generate-pair';

/** An amount cell: a number, or text such as "1,234.50" / "¥1,234.50"; empty → null. */
export function amountOf(cell: CellValue): Decimal | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return new Decimal(String(cell));
  const text = String(cell).replace(/[¥,]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new Error(`not an amount: ${JSON.stringify(cell)}`);
  return new Decimal(text);
}

/** A date cell as whole days since 1970-01-01: Excel serials, 2025-03-05, 20250305, 2025/3/5, 05/03/2025. */
export function dayOf(cell: CellValue): number {
  if (typeof cell === 'number') return cell - 25569;
  const text = String(cell);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (m) return dayFromCivil(Number(m[3]), Number(m[2]), Number(m[1]));
  throw new Error(`not a date: ${JSON.stringify(cell)}`);
}

export interface Columns {
  ledger: Record<LedgerField, number>;
  bank: Record<BankField, number>;
}

export function columnsOf(pair: GeneratedPair): Columns {
  const ledger = {} as Record<LedgerField, number>;
  LEDGER_LAYOUTS[pair.truth.layout].fields.forEach((f, i) => (ledger[f] = i));
  const bank = {} as Record<BankField, number>;
  BANK_LAYOUTS[pair.truth.bankStyle].fields.forEach((f, i) => (bank[f] = i));
  return { ledger, bank };
}

/** Signed cash effect of a data row as `Entry.amount` would hold it (an invoice: positive). */
export function ledgerAmount(pair: GeneratedPair, row: number): Decimal {
  const c = columnsOf(pair).ledger;
  const cells = pair.ledger.cells[row - 1];
  const debit = amountOf(cells[c.debit]);
  const credit = amountOf(cells[c.credit]);
  if (LEDGER_LAYOUTS[pair.truth.layout].book === 'receivables-ledger') return (debit ?? credit) as Decimal;
  return debit ?? (credit as Decimal).neg();
}

export function bankAmount(pair: GeneratedPair, row: number): Decimal {
  const c = columnsOf(pair).bank;
  const cells = pair.bank.cells[row - 1];
  const inflow = amountOf(cells[c.in]);
  return inflow ?? (amountOf(cells[c.out]) as Decimal).neg();
}

/** Every data row of a side with the bucket it is in; throws when a row is in two buckets. */
export function bucketsOf(pair: GeneratedPair, side: 'ledger' | 'bank'): Map<number, string> {
  const t = pair.truth;
  const buckets = new Map<number, string>();
  const put = (row: number, what: string) => {
    if (buckets.has(row)) throw new Error(`${side} row ${row} is in ${buckets.get(row)} and in ${what}`);
    buckets.set(row, what);
  };
  t.groups.forEach((g, i) => (side === 'ledger' ? g.ledgerRows : g.bankRows).forEach((r) => put(r, `group ${i} (${g.kind})`)));
  (side === 'ledger' ? t.ledgerOnly : t.bankOnly).forEach((it) => put(it.row, `one-sided ${it.kind}`));
  if (side === 'ledger') t.ledgerDocuments.forEach((it) => put(it.row, 'document'));
  (side === 'ledger' ? t.ledgerLines : t.bankLines).forEach((l) => put(l.row, `line ${l.what}`));
  return buckets;
}
