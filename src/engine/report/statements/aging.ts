/**
 * Aging at the statement date. Receipts (and credit notes, and a credit opening balance) are set
 * against invoices first where the ledger links them (the receipt carries the invoice's number, as
 * a receipt booked per settled invoice does: N:1 transfers and instalments alike), then oldest
 * due first (FIFO). What is left of each invoice falls in a bucket by days past its due date; a
 * credit nothing could take stays as an unapplied receipt and lowers the current bucket, so the
 * buckets always add up to the balance.
 */
import Decimal from 'decimal.js';
import type { AgingBucket, AgingMethod, OpenInvoice, UnappliedReceipt } from './statement-model';
import { AGING_BUCKETS } from './statement-model';

export interface Debit {
  row: number;
  date: string;
  day: number;
  reference: string;
  dueDate: string;
  dueDay: number;
  dueFrom: 'ledger' | 'terms';
  amount: Decimal;
}

export interface Credit {
  row: number;
  date: string;
  day: number;
  reference: string;
  /** Free text that may name the invoice settled (summary, description). */
  text: string;
  amount: Decimal;
  /** A receipt (counts for "receipt larger than everything open"); credit notes and openings are not. */
  isReceipt: boolean;
}

export interface AgingResult {
  buckets: Record<AgingBucket, Decimal>;
  method: AgingMethod;
  openInvoices: OpenInvoice[];
  unapplied: UnappliedReceipt[];
  /** Receipts with a part no open invoice could take: row and that part. */
  exceeding: { row: number; amount: Decimal }[];
}

/** Days overdue → bucket, as a table: the first row whose upper bound holds. */
const BUCKET_LIMITS: { upTo: number; bucket: AgingBucket }[] = [
  { upTo: 0, bucket: 'current' },
  { upTo: 30, bucket: 'days1to30' },
  { upTo: 60, bucket: 'days31to60' },
  { upTo: 90, bucket: 'days61to90' },
  { upTo: Infinity, bucket: 'over90' },
];

export function bucketOf(daysOverdue: number): AgingBucket {
  return BUCKET_LIMITS.find((b) => daysOverdue <= b.upTo)!.bucket;
}

/** An invoice or order number as a key: half-width, letters and digits only, upper case, no leading zeros. */
export function referenceKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase()
    .replace(/^0+(?=\d)/, '');
}

/** Invoice numbers shorter than this are too common to find inside a receipt's text. */
const MIN_TEXT_LINK = 6;

export function ageBalance(debits: readonly Debit[], credits: readonly Credit[], statementDay: number): AgingResult {
  const open = [...debits]
    .sort((a, b) => a.dueDay - b.dueDay || a.day - b.day || a.row - b.row)
    .map((d) => ({ debit: d, left: d.amount }));
  const byReference = new Map<string, typeof open>();
  for (const item of open) {
    const key = referenceKey(item.debit.reference);
    if (key === '') continue;
    const list = byReference.get(key) ?? [];
    list.push(item);
    byReference.set(key, list);
  }
  const remaining = [...credits].sort((a, b) => a.day - b.day || a.row - b.row).map((c) => ({ credit: c, left: c.amount }));

  // 1. Linked: the receipt names the invoice it settles.
  let linked = false;
  for (const c of remaining) {
    for (const item of linkedInvoices(c.credit, byReference)) {
      if (c.left.isZero()) break;
      const take = Decimal.min(c.left, item.left);
      if (take.lte(0)) continue;
      item.left = item.left.minus(take);
      c.left = c.left.minus(take);
      linked = true;
    }
  }
  // 2. FIFO: what is left, oldest due first.
  let cursor = 0;
  for (const c of remaining) {
    while (c.left.gt(0) && cursor < open.length) {
      const item = open[cursor];
      const take = Decimal.min(c.left, item.left);
      if (take.gt(0)) {
        item.left = item.left.minus(take);
        c.left = c.left.minus(take);
      }
      if (item.left.lte(0)) cursor++;
    }
  }

  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, new Decimal(0)])) as Record<AgingBucket, Decimal>;
  const openInvoices: OpenInvoice[] = [];
  for (const { debit, left } of open) {
    if (left.isZero()) continue;
    const daysOverdue = Math.max(0, statementDay - debit.dueDay);
    const bucket = bucketOf(daysOverdue);
    buckets[bucket] = buckets[bucket].plus(left);
    openInvoices.push({ row: debit.row, date: debit.date, reference: debit.reference, dueDate: debit.dueDate, dueFrom: debit.dueFrom, amount: debit.amount, open: left, daysOverdue, bucket });
  }
  openInvoices.sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  const unapplied: UnappliedReceipt[] = [];
  const exceeding: { row: number; amount: Decimal }[] = [];
  for (const { credit, left } of remaining) {
    if (left.lte(0)) continue;
    buckets.current = buckets.current.minus(left);
    unapplied.push({ row: credit.row, date: credit.date, reference: credit.reference, amount: left });
    if (credit.isReceipt) exceeding.push({ row: credit.row, amount: left });
  }
  return { buckets, method: linked ? 'linked-then-fifo' : 'fifo', openInvoices, unapplied, exceeding };
}

function linkedInvoices<T extends { debit: Debit; left: Decimal }>(credit: Credit, byReference: Map<string, T[]>): T[] {
  const key = referenceKey(credit.reference);
  const direct = key === '' ? undefined : byReference.get(key);
  if (direct) return direct;
  const text = referenceKey(credit.text);
  if (text.length < MIN_TEXT_LINK) return [];
  const found: T[] = [];
  for (const [reference, items] of byReference) {
    if (reference.length >= MIN_TEXT_LINK && text.indexOf(reference) >= 0) found.push(...items);
  }
  return found;
}
