/**
 * What statements need from the receivables ledger beyond the reader's entries, read additively
 * from the same cells: each customer's 期初余额 (opening balance) line, a due-date column, a contact
 * e-mail column, the voucher-number and invoice-number columns. The reader sets opening lines aside
 * as totals (right for matching); here they are taken back, by row, with their amount.
 */
import { balanceLabelKind } from '../../read/balance-lines';
import Decimal from 'decimal.js';
import { parseAmount } from '../../read/amount';
import { parseDate } from '../../read/date';
import { partyAt } from '../../read/section-headings';
import { cellText, normalizeLabel } from '../../read/text';
import type { CellsSource, CellValue, Entry, ReadResult } from '../../types';

/** Column headers statements look for, as table rows: exact words first, then words a header contains. */
const EXTRA_HEADERS: Record<ExtraColumn, { exact: string[]; contains: string[] }> = {
  dueDate: { exact: ['到期日', '到期日期', '应收日期', '應收日期', '付款到期日', 'duedate', 'paymentduedate', 'due'], contains: ['到期', 'duedate'] },
  email: { exact: ['邮箱', '电子邮箱', '電子郵箱', '電郵', '电子邮件', '電子郵件', 'email', 'e-mail', 'mail', 'contactemail'], contains: ['邮箱', '郵箱', '邮件', '郵件', 'email', 'e-mail'] },
  voucher: { exact: ['凭证号', '凭证字号', '凭证编号', '憑證號', '憑證字號', 'voucher', 'voucherno', 'journalno', 'docno', 'documentno'], contains: ['凭证', '憑證', 'voucher'] },
  invoice: { exact: ['发票号', '发票号码', '發票號', '發票號碼', '订单号', '訂單號', 'invoiceno', 'invoice', 'invoicenumber', 'orderno'], contains: ['发票', '發票', '订单', '訂單', 'invoice'] },
};

type ExtraColumn = 'dueDate' | 'email' | 'voucher' | 'invoice';


export interface OpeningLine {
  row: number;
  /** '' when the line names no customer. */
  customer: string;
  /** ISO date when the line carries one. */
  date: string;
  amount: Decimal;
}

export interface LedgerExtras {
  openings: OpeningLine[];
  /** Source row → due date (ISO) where the ledger has a due-date column. */
  dueDates: Map<number, string>;
  /** Source row → voucher number, invoice number. */
  vouchers: Map<number, string>;
  invoices: Map<number, string>;
  /** Customer name → first e-mail address found on its lines. */
  emails: Map<string, string>;
  /** Which extra columns were found (0-based, within the cells). */
  columns: Partial<Record<ExtraColumn, number>>;
}

/** Due dates and opening-line dates are written like the ledger's own dates; ISO and 年月日 forms are unambiguous. */
const DATE_RULES = { order: 'YMD' as const };

const EMAIL = /[^\s@<>()（），,;；]+@[^\s@<>()（），,;；]+\.[A-Za-z]{2,}/;

export function readLedgerExtras(source: CellsSource, read: ReadResult, customerKey: (name: string) => string): LedgerExtras {
  const firstRow = source.firstRow ?? 1;
  const cells = source.cells;
  const header = read.headerRow > 0 ? cells[read.headerRow - firstRow] ?? [] : [];
  const taken = new Set(Object.values(read.columns));
  const columns: Partial<Record<ExtraColumn, number>> = {};
  for (const key of Object.keys(EXTRA_HEADERS) as ExtraColumn[]) {
    const found = findColumn(header, EXTRA_HEADERS[key], key === 'invoice' || key === 'voucher' ? new Set<number>() : taken);
    if (found !== undefined) columns[key] = found;
  }
  const cellAt = (row: number, column: number | undefined): CellValue => (column === undefined ? null : cells[row - firstRow]?.[column]);

  const dueDates = new Map<number, string>();
  const vouchers = new Map<number, string>();
  const invoices = new Map<number, string>();
  const emails = new Map<string, string>();
  for (const entry of read.entries) {
    const due = cellAt(entry.row, columns.dueDate);
    if (due !== null && due !== undefined && due !== '') {
      const parsed = parseDate(due, DATE_RULES);
      if (parsed.kind === 'ok') dueDates.set(entry.row, parsed.iso);
    }
    const voucher = cellText(cellAt(entry.row, columns.voucher));
    if (voucher !== '') vouchers.set(entry.row, voucher);
    const invoice = cellText(cellAt(entry.row, columns.invoice));
    if (invoice !== '') invoices.set(entry.row, invoice);
    const key = customerKey(entry.counterparty);
    if (columns.email !== undefined && !emails.has(key)) {
      const mail = EMAIL.exec(cellText(cellAt(entry.row, columns.email)));
      if (mail) emails.set(key, mail[0]);
    }
  }

  const openings: OpeningLine[] = [];
  for (const line of read.skipped) {
    if (line.kind !== 'total') continue;
    const values = cells[line.row - firstRow];
    // An opening line by the reader's own balance words (read/balance-lines.ts); totals and closings are not.
    if (!values || !values.some((v) => balanceLabelKind(cellText(v)) === 'opening')) continue;
    const amount = openingAmount(values, read);
    if (amount === null) continue;
    const date = parseDate(cellAt(line.row, read.columns.date), DATE_RULES);
    // A ledger exported by customer names it in the block's heading (客户：…), not on the line.
    const customer = cellText(cellAt(line.row, read.columns.counterparty)) || partyAt(read.sections ?? [], line.row);
    openings.push({ row: line.row, customer, date: date.kind === 'ok' ? date.iso : '', amount });
    const mail = columns.email === undefined ? null : EMAIL.exec(cellText(cellAt(line.row, columns.email)));
    if (mail && !emails.has(customerKey(customer))) emails.set(customerKey(customer), mail[0]);
  }
  return { openings, dueDates, vouchers, invoices, emails, columns };
}

/**
 * The invoice number a statement shows for a line: the ledger's invoice column, else an invoice number
 * its 摘要 writes (销售商品 发票44120865, "Invoice INV-2231"), else its reference unless that is the
 * voucher number (记-0008 is ours, not a number the customer can look up).
 */
export function invoiceOf(extras: LedgerExtras, entry: Entry): string {
  const column = extras.invoices.get(entry.row);
  if (column !== undefined) return column;
  for (const pattern of INVOICE_IN_TEXT) {
    const written = pattern.exec(entry.description);
    if (written) return written[1];
  }
  return entry.reference !== '' && entry.reference === extras.vouchers.get(entry.row) ? '' : entry.reference;
}

/** One invoice number or several joined by / 、 , (44120890/44120893). */
const NUMBERS = String.raw`([A-Za-z]{0,4}-?\d{3,}(?:\s*[/、,，]\s*[A-Za-z]{0,4}-?\d{3,})*)`;
/** 发票44120865, 发票号：44120865, 發票號碼 AB12345678; Invoice no. 2231; INV-2231, Inv 2244. First that matches wins. */
const INVOICE_IN_TEXT = [
  new RegExp(String.raw`(?:发票|發票)(?:号码|號碼|号|號)?\s*[:：#]?\s*` + NUMBERS),
  new RegExp(String.raw`\binvoice\b\.?\s*(?:no\.?|number|#)?\s*[:：]?\s*` + NUMBERS, 'i'),
  /\b(inv-?\s?\d{3,}(?:\s*[/,]\s*(?:inv-?\s?)?\d{3,})*)/i,
];

function findColumn(header: readonly CellValue[], words: { exact: string[]; contains: string[] }, taken: Set<number>): number | undefined {
  const labels = header.map((v) => normalizeLabel(cellText(v)));
  const exact = words.exact.map(normalizeLabel);
  const contains = words.contains.map(normalizeLabel);
  for (const word of exact) {
    const i = labels.findIndex((l, c) => l === word && !taken.has(c));
    if (i >= 0) return i;
  }
  for (const word of contains) {
    const i = labels.findIndex((l, c) => l.indexOf(word) >= 0 && !taken.has(c));
    if (i >= 0) return i;
  }
  return undefined;
}

/**
 * An opening line's amount: the balance column where it has one (what the clerk carried forward),
 * else debit − credit, else the amount column. A 贷 direction word makes it a credit balance.
 */
function openingAmount(values: readonly CellValue[], read: ReadResult): Decimal | null {
  const amountAt = (column: number | undefined): Decimal | null => {
    if (column === undefined) return null;
    const parsed = parseAmount(values[column]);
    return parsed.kind === 'ok' ? parsed.value : null;
  };
  const { balance, inflow, outflow, amount, direction } = read.columns;
  let value = amountAt(balance);
  if (value === null && (inflow !== undefined || outflow !== undefined)) {
    const debit = amountAt(inflow);
    const credit = amountAt(outflow);
    value = debit === null && credit === null ? null : (debit ?? new Decimal(0)).minus(credit ?? 0);
  }
  if (value === null) value = amountAt(amount);
  if (value === null) return null;
  const word = direction === undefined ? '' : cellText(values[direction]);
  return /贷|貸|^cr/i.test(word) ? value.abs().negated() : value;
}
