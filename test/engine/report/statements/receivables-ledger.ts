/**
 * Generated receivables ledgers (应收账款明细账) whose answers are known by construction: every
 * customer's balance at the period's end and what of it lies in each aging bucket. Each customer
 * has a 期初余额 line (due at its own date), invoices with a due date in the ledger or due by the
 * customer's terms, receipts that name the invoice they pay (in full or in part), a receipt naming
 * nothing that pays exactly the opening balance (always the oldest item, so FIFO takes it whole),
 * and lines after the period that must not count. Deterministic (seeded).
 */
import type { CellValue } from '../../../../src/engine/types';

export interface KnownCustomer {
  name: string;
  terms: number;
  /** Balance at the period's end, in cents. */
  closingCents: number;
  buckets: Record<'current' | 'days1to30' | 'days31to60' | 'days61to90' | 'over90', number>;
  overdueCents: number;
  oldestOverdueDays: number;
  quiet: boolean;
}

export interface KnownLedger {
  cells: CellValue[][];
  customers: KnownCustomer[];
  /** The ledger's total receivable at the period's end (customers with statements), cents. */
  totalCents: number;
  customerTerms: Record<string, number>;
}

const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

const money = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};

const PREFIXES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京', '苏州', '天津'];
const TRADES = ['明辉贸易', '星河科技', '南方物流', '华强电子', '云帆网络', '天府食品', '长江机械', '金陵化工', '东方纺织', '海河建材'];

export function generateKnownLedger(options: { customers: number; seed: number; linesPerCustomer?: number; statementDate?: string }): KnownLedger {
  const rand = rng(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const start = dayOf('2025-01-01');
  const periodFrom = dayOf('2025-03-01');
  const periodTo = dayOf('2025-03-31');
  const statementDay = dayOf(options.statementDate ?? '2025-03-31');
  const perCustomer = options.linesPerCustomer ?? 8;
  type Line = { day: number; customer: string; voucher: string; invoice: string; summary: string; debit?: number; credit?: number; due?: string; opening?: number };
  const lines: Line[] = [];
  const customers: KnownCustomer[] = [];
  const customerTerms: Record<string, number> = {};
  let voucher = 0;
  let invoiceNo = 10_000_000 + int(0, 1000);

  for (let c = 0; c < options.customers; c++) {
    const name = `${PREFIXES[c % PREFIXES.length]}${TRADES[Math.floor(c / PREFIXES.length) % TRADES.length]}${c >= 100 ? `第${Math.floor(c / 100) + 1}分公司` : ''}有限公司`;
    const terms = c % 7 === 0 ? 60 : 30;
    if (terms !== 30) customerTerms[name] = terms;
    const quiet = c % 23 === 5; // zero balance, no movement: left out
    const buckets = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
    const add = (cents: number, dueDay: number) => {
      const overdue = Math.max(0, statementDay - dueDay);
      const key = overdue <= 0 ? 'current' : overdue <= 30 ? 'days1to30' : overdue <= 60 ? 'days31to60' : overdue <= 90 ? 'days61to90' : 'over90';
      buckets[key] += cents;
      return overdue;
    };
    if (quiet) {
      lines.push({ day: start, customer: name, voucher: '', invoice: '', summary: '期初余额', opening: 0 });
      customers.push({ name, terms, closingCents: 0, buckets, overdueCents: 0, oldestOverdueDays: 0, quiet });
      continue;
    }
    let closing = 0;
    let oldest = 0;
    const opening = c % 5 === 0 ? 0 : int(1_000_00, 50_000_00);
    lines.push({ day: start, customer: name, voucher: '', invoice: '', summary: '期初余额', opening });
    closing += opening;
    const payOpening = opening > 0 && c % 3 !== 0;
    if (payOpening) {
      lines.push({ day: int(start + 20, periodTo), customer: name, voucher: `记-${++voucher}`, invoice: '', summary: '收到货款', credit: opening });
      closing -= opening;
    } else if (opening > 0) {
      oldest = Math.max(oldest, add(opening, start));
    }
    for (let k = 0; k < perCustomer; k++) {
      const day = int(start + 1, periodTo);
      const cents = int(100_00, 99_999_99);
      const invoice = String(++invoiceNo).padStart(8, '0');
      const explicitDue = k % 4 === 0 ? day + int(10, 90) : undefined;
      const dueDay = explicitDue ?? day + terms;
      lines.push({ day, customer: name, voucher: `记-${++voucher}`, invoice, summary: '销售货款', debit: cents, due: explicitDue === undefined ? undefined : iso(explicitDue) });
      closing += cents;
      const fate = k % 3; // 0 paid in full, 1 paid in part (two instalments), 2 open
      let open = cents;
      if (fate === 0) {
        lines.push({ day: int(day, periodTo), customer: name, voucher: `记-${++voucher}`, invoice, summary: '收到货款', credit: cents });
        open = 0;
      } else if (fate === 1) {
        const first = Math.floor(cents / 3);
        const second = Math.floor(cents / 4);
        lines.push({ day: int(day, periodTo), customer: name, voucher: `记-${++voucher}`, invoice, summary: '收到货款（分期）', credit: first });
        lines.push({ day: int(day, periodTo), customer: name, voucher: `记-${++voucher}`, invoice, summary: '收到货款（分期）', credit: second });
        open = cents - first - second;
      }
      closing -= cents - open;
      if (open > 0) {
        const overdue = add(open, dueDay);
        oldest = Math.max(oldest, overdue);
      }
    }
    // After the period: never counted.
    lines.push({ day: periodTo + int(1, 20), customer: name, voucher: `记-${++voucher}`, invoice: String(++invoiceNo), summary: '销售货款', debit: int(100_00, 9_999_99) });
    const overdueCents = buckets.days1to30 + buckets.days31to60 + buckets.days61to90 + buckets.over90;
    customers.push({ name, terms, closingCents: closing, buckets, overdueCents, oldestOverdueDays: oldest, quiet });
  }
  void periodFrom;

  lines.sort((a, b) => a.day - b.day || (a.opening !== undefined ? -1 : 0) - (b.opening !== undefined ? -1 : 0));
  const cells: CellValue[][] = [
    ['应收账款明细账'],
    ['期间：2025年1月1日 至 2025年4月20日'],
    ['日期', '凭证号', '发票号', '客户名称', '摘要', '借方金额', '贷方金额', '余额', '到期日'],
  ];
  for (const l of lines) {
    if (l.opening !== undefined) {
      cells.push([iso(l.day), '', '', l.customer, '期初余额', '', '', money(l.opening), '']);
      continue;
    }
    cells.push([iso(l.day), l.voucher, l.invoice, l.customer, l.summary, l.debit === undefined ? '' : money(l.debit), l.credit === undefined ? '' : money(l.credit), '', l.due ?? '']);
  }
  const totalCents = customers.filter((c) => !c.quiet).reduce((s, c) => s + c.closingCents, 0);
  return { cells, customers, totalCents, customerTerms };
}
