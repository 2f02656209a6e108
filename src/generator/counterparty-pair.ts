/**
 * 往来对账: our receivables ledger for one customer (应收账款明细账) against that customer's own payables
 * ledger for us (应付账款明细账), with the known answer. Their 贷方 is our 借方 (a bill they received is an
 * invoice we raised), their 借方 our 贷方 (their payment, our receipt): opposite signs.
 *
 * Scenarios: invoice ↔ bill (they book it 0–10 days later, quoting the invoice number), receipt ↔
 * payment (a payment of an earlier invoice, the same amount as that invoice: only the class tells them
 * apart), one payment for several invoices (N:1, their memo lists them), an invoice they have not
 * booked yet and a payment we have not received yet (one side only).
 */
import Decimal from 'decimal.js';
import type { CellValue } from '../engine/types';
import { excelSerial, isoDate } from './days';
import type { GeneratedPair } from './generate-pair';
import { centsToDecimal, centsToNumber, drawAmountCents } from './money';
import { companyPool } from './names';
import { Random } from './random';
import type { Truth, TruthGroup, TruthItem, TruthLine } from './truth';

export interface CounterpartySpec {
  seed: number;
  /** Rows per side, roughly. */
  rows: number;
  /** First day, as days since 1970-01-01. */
  start: number;
  days: number;
}

interface Line {
  day: number;
  cents: number;
  /** Our 借方 (invoice) / their 贷方 (bill), or our 贷方 (receipt) / their 借方 (payment). */
  document: boolean;
  invoice: string;
  summary: string;
  /** Group index, or -1 with `item` for a one-sided line. */
  group: number;
  item: number;
}

/** How often each scenario occurs, per 100 instances. */
const MIX: Array<['invoice-bill' | 'receipt-payment' | 'many-to-one' | 'invoice-in-transit' | 'payment-in-transit', number]> = [['invoice-bill', 48], ['receipt-payment', 36], ['many-to-one', 8], ['invoice-in-transit', 4], ['payment-in-transit', 4]];

/** Days two equal amounts must lie apart within one class, so the truth stays the one best explanation. */
const AMOUNT_GAP = 20;

export function generateCounterpartyPair(spec: CounterpartySpec): GeneratedPair {
  const rng = new Random(spec.seed);
  const taken = new Set<string>();
  const [us, them] = companyPool(rng, 'zh', 2, taken);
  const end = spec.start + spec.days - 1;
  const ours: Line[] = [];
  const theirs: Line[] = [];
  const groups: TruthGroup[] = [];
  const ledgerItems: Array<{ kind: TruthItem['kind']; cents: number }> = [];
  const bankItems: Array<{ kind: TruthItem['kind']; cents: number }> = [];
  const used = [new Map<number, number>(), new Map<number, number>()]; // per class: cents → last day
  const unpaid: Array<{ invoice: string; cents: number; day: number }> = [];
  let counter = rng.int(10_000_000, 90_000_000);
  const nextInvoice = (): string => String((counter += rng.chance(0.8) ? 1 : rng.int(2, 4))).padStart(8, '0');

  const fresh = (document: boolean, day: number, draw: () => number): number => {
    const map = used[document ? 1 : 0];
    let cents = draw();
    for (let i = 0; i < 200; i++) {
      const last = map.get(cents);
      if (last === undefined || Math.abs(day - last) > AMOUNT_GAP) break;
      cents = i < 20 ? draw() : draw() + rng.int(1, 99);
    }
    map.set(cents, day);
    return cents;
  };
  const group = (kind: TruthGroup['kind']): number => {
    groups.push({ kind, ledgerRows: [], bankRows: [], difference: new Decimal(0) });
    return groups.length - 1;
  };
  const clampDay = (day: number): number => Math.min(end, Math.max(spec.start, day));

  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const weights = MIX.map(([, w]) => w);
  while ((ours.length + theirs.length) / 2 < spec.rows) {
    const kind = MIX[rng.weighted(weights, total)][0];
    const day = rng.int(spec.start, end);
    switch (kind) {
      case 'invoice-bill': {
        const cents = fresh(true, day, () => drawAmountCents(rng, 12_000));
        const invoice = nextInvoice();
        const g = group(kind);
        ours.push({ day, cents, document: true, invoice, summary: rng.pick(['销售商品', '开具增值税专用发票', '销售货款']), group: g, item: -1 });
        theirs.push({ day: clampDay(day + rng.int(0, 10)), cents, document: true, invoice, summary: `采购${us.short}货物 发票${invoice}`, group: g, item: -1 });
        unpaid.push({ invoice, cents, day });
        break;
      }
      case 'receipt-payment': {
        // Pays an invoice raised at least ten days before, when there is one; else one from last period.
        const k = unpaid.findIndex((u) => u.day <= day - 10);
        const paid = k >= 0 ? unpaid.splice(k, 1)[0] : { invoice: nextInvoice(), cents: drawAmountCents(rng, 12_000), day: day - 30 };
        const cents = fresh(false, day, () => paid.cents);
        const g = group(kind);
        const memo = rng.chance(0.7) ? `支付${us.short}货款 发票${paid.invoice}` : `支付${us.short}货款`;
        theirs.push({ day, cents, document: false, invoice: '', summary: memo, group: g, item: -1 });
        ours.push({ day: clampDay(day + rng.int(0, 3)), cents, document: false, invoice: paid.invoice, summary: rng.pick(['收回货款', '收到货款', '银行收款']), group: g, item: -1 });
        break;
      }
      case 'many-to-one': {
        const count = rng.int(2, 4);
        const parts = Array.from({ length: count }, () => fresh(false, day, () => Math.max(drawAmountCents(rng, 6000), 10_000)));
        const invoices = parts.map(() => nextInvoice());
        const sum = fresh(false, day, () => parts.reduce((a, b) => a + b, 0));
        if (sum !== parts.reduce((a, b) => a + b, 0)) break; // the total collided with another payment: skip this one
        const g = group(kind);
        const receiptDay = clampDay(day + rng.int(0, 3));
        parts.forEach((cents, i) => ours.push({ day: receiptDay, cents, document: false, invoice: invoices[i], summary: '收回货款', group: g, item: -1 }));
        theirs.push({ day, cents: sum, document: false, invoice: '', summary: `支付${us.short}货款 发票${invoices.join(rng.pick([',', '、', ' ']))}`, group: g, item: -1 });
        break;
      }
      case 'invoice-in-transit': {
        const at = clampDay(end - rng.int(0, 4));
        const cents = fresh(true, at, () => drawAmountCents(rng, 12_000));
        ledgerItems.push({ kind, cents });
        ours.push({ day: at, cents, document: true, invoice: nextInvoice(), summary: '销售商品', group: -1, item: ledgerItems.length - 1 });
        break;
      }
      case 'payment-in-transit': {
        const at = clampDay(end - rng.int(0, 2));
        const cents = fresh(false, at, () => drawAmountCents(rng, 12_000));
        bankItems.push({ kind, cents });
        theirs.push({ day: at, cents, document: false, invoice: '', summary: `支付${us.short}货款`, group: -1, item: bankItems.length - 1 });
        break;
      }
    }
  }

  const byDay = (a: Line, b: Line) => a.day - b.day;
  ours.sort(byDay);
  theirs.sort(byDay);
  const ledgerOnly: TruthItem[] = [];
  const bankOnly: TruthItem[] = [];

  // Ours: 借方 = invoice raised, 贷方 = receipt; the balance is what they owe us.
  const ledgerCells: CellValue[][] = [['应收账款明细账', '', '', '', '', '', '', ''], [`客户：${them.name}`, '', '', '', '', '', '', '']];
  const ledgerLines: TruthLine[] = [{ row: 1, kind: 'title', what: 'title' }, { row: 2, kind: 'title', what: 'holder' }];
  ledgerCells.push(['日期', '凭证号', '发票号', '客户名称', '摘要', '借方金额', '贷方金额', '余额']);
  ledgerLines.push({ row: 3, kind: 'header', what: 'header' });
  let owed = rng.int(20_000, 200_000) * 100;
  const opening = owed;
  ledgerCells.push([excelSerial(spec.start), '', '', '', '期初余额', '', '', centsToNumber(owed)]);
  ledgerLines.push({ row: 4, kind: 'total', what: 'opening-balance' });
  ours.forEach((line, i) => {
    owed += line.document ? line.cents : -line.cents;
    ledgerCells.push([excelSerial(line.day), `记-${String(i + 1).padStart(4, '0')}`, line.invoice, them.name, line.summary, line.document ? centsToNumber(line.cents) : '', line.document ? '' : centsToNumber(line.cents), centsToNumber(owed)]);
    const row = ledgerCells.length;
    if (line.group >= 0) groups[line.group].ledgerRows.push(row);
    else ledgerOnly.push({ kind: ledgerItems[line.item].kind, row, amount: centsToDecimal(ledgerItems[line.item].cents) });
  });

  // Theirs: 贷方 = bill received, 借方 = payment made; the balance (贷) is what they owe us.
  const bankCells: CellValue[][] = [['应付账款明细账', '', '', '', '', '', '', ''], [`供应商：${us.name}`, '', '', '', '', '', '', '']];
  const bankLines: TruthLine[] = [{ row: 1, kind: 'title', what: 'title' }, { row: 2, kind: 'title', what: 'holder' }];
  bankCells.push(['日期', '凭证字号', '摘要', '发票号码', '借方', '贷方', '方向', '余额']);
  bankLines.push({ row: 3, kind: 'header', what: 'header' });
  let theirBalance = opening;
  // the balance's side as a 明细账 writes it: 贷 what they owe us, 借 when they have paid ahead, 平 at nil
  const sided = (cents: number): [string, string] => [cents > 0 ? '贷' : cents < 0 ? '借' : '平', (Math.abs(cents) / 100).toFixed(2)];
  bankCells.push([isoDate(spec.start), '', '期初余额', '', '', '', ...sided(theirBalance)]);
  bankLines.push({ row: 4, kind: 'total', what: 'opening-balance' });
  theirs.forEach((line, i) => {
    theirBalance += line.document ? line.cents : -line.cents;
    bankCells.push([isoDate(line.day), `付-${i + 1}`, line.summary, line.invoice, line.document ? '' : (line.cents / 100).toFixed(2), line.document ? (line.cents / 100).toFixed(2) : '', ...sided(theirBalance)]);
    const row = bankCells.length;
    if (line.group >= 0) groups[line.group].bankRows.push(row);
    else bankOnly.push({ kind: bankItems[line.item].kind, row, amount: centsToDecimal(bankItems[line.item].cents) });
  });
  const kept = groups.filter((g) => g.ledgerRows.length > 0 && g.bankRows.length > 0);
  const zero = new Decimal(0);
  const truth: Truth = {
    layout: 'zh-receivables',
    ledgerKind: 'receivables-ledger',
    bankStyle: 'icbc',
    ledgerLabel: 'zh-receivables · 往来对账 (our 应收账款明细账 for one customer)',
    bankLabel: "customer's 应付账款明细账 (their payables: opposite signs)",
    counterpartyLedger: true,
    period: { from: isoDate(spec.start), to: isoDate(end) },
    groups: kept,
    ledgerOnly,
    bankOnly,
    ledgerOnlyRows: ledgerOnly.map((i) => i.row),
    bankOnlyRows: bankOnly.map((i) => i.row),
    ledgerDocuments: [],
    ledgerDocumentRows: [],
    ledgerLines,
    bankLines,
    balances: {
      ledgerOpening: centsToDecimal(opening), ledgerClosing: centsToDecimal(owed), bankOpening: centsToDecimal(opening), bankClosing: centsToDecimal(theirBalance),
      ledgerOnlyIn: zero, ledgerOnlyOut: zero, bankOnlyIn: zero, bankOnlyOut: zero, matchedDifference: zero, adjustedLedger: null, adjustedBank: null,
    },
  };
  return { ledger: { cells: ledgerCells, firstRow: 1, firstColumn: 0 }, bank: { cells: bankCells, firstRow: 1, firstColumn: 0 }, truth };
}
