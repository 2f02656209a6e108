/**
 * Bank exports that name both parties of every line (中国银行, 农业银行, many corporate exports:
 * 付款人名称 and 收款人名称). One of the two is always the account holder, our own company; the
 * counterparty is the other one. Reading the payer column alone makes us the "counterparty" of every
 * payment, and every payment's name then disagrees with the ledger's supplier.
 *
 * The holder is found from the rows, not from the direction: the name on (nearly) every line, in
 * one column or the other. Lines where neither name is the holder's fall back on the direction: money
 * in was paid by the payer, money out went to the payee.
 */
import { cellText, normalizeLabel } from './text';
import type { CellValue } from '../types';

export interface PartyColumns {
  payer: number;
  payee: number;
  /** The account holder's name as written, or '' when no name stands on most lines. */
  holder: string;
}

const PAYER = ['付款人名称', '付款人名稱', '付款人', '付款方', '付款方名称', '付款方名稱', '付款人户名', '付款人戶名', '付款户名', '付款账户名称', '付款人账户名称', '付款帳戶名稱', '付方户名', '付方名称', '汇款人', '汇款人名称', '匯款人', 'payer', 'payername', 'remitter', 'remittername'];
const PAYEE = ['收款人名称', '收款人名稱', '收款人', '收款方', '收款方名称', '收款方名稱', '收款人户名', '收款人戶名', '收款户名', '收款账户名称', '收款人账户名称', '收款帳戶名稱', '收方户名', '收方名称', 'payee', 'payeename', 'beneficiary', 'beneficiaryname'];
const PAYER_WORDS = new Set(PAYER.map(normalizeLabel));
const PAYEE_WORDS = new Set(PAYEE.map(normalizeLabel));

/** Rows looked at to find the holder. */
const SAMPLE_ROWS = 500;
/** Share of named lines the holder's name must stand on. */
const HOLDER_SHARE = 0.6;

/** The payer and payee columns of a header and the holder found in the rows below it, if the header has both. */
export function findPartyColumns(texts: readonly string[], cells: readonly (readonly CellValue[] | undefined)[], dataStart: number): PartyColumns | undefined {
  const labels = texts.map((t) => normalizeLabel(t));
  const payer = labels.findIndex((l) => PAYER_WORDS.has(l));
  const payee = labels.findIndex((l) => PAYEE_WORDS.has(l));
  if (payer < 0 || payee < 0) return undefined;
  const counts = new Map<string, number>();
  let named = 0;
  for (let i = dataStart; i < cells.length && i < dataStart + SAMPLE_ROWS; i++) {
    const row = cells[i];
    if (!row) continue;
    const a = cellText(row[payer]);
    const b = cellText(row[payee]);
    if (a === '' && b === '') continue;
    named++;
    if (a !== '') counts.set(a, (counts.get(a) ?? 0) + 1);
    if (b !== '' && b !== a) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  let holder = '';
  let most = 0;
  for (const [name, count] of counts) {
    if (count > most) {
      holder = name;
      most = count;
    }
  }
  return { payer, payee, holder: named > 0 && most >= named * HOLDER_SHARE ? holder : '' };
}

/** The other party of one line: the name that is not the holder's; else by direction. */
export function otherParty(parties: PartyColumns, row: readonly CellValue[], moneyIn: boolean): string {
  const payer = cellText(row[parties.payer]);
  const payee = cellText(row[parties.payee]);
  if (parties.holder !== '') {
    if (payer === parties.holder && payee !== '') return payee;
    if (payee === parties.holder && payer !== '') return payer;
  }
  return moneyIn ? payer : payee;
}
