/**
 * Lines → cells: each side sorted by day, with the titles, header, opening and total lines real files
 * have, running balances, and the truth in source row numbers.
 */
import Decimal from 'decimal.js';
import type { CellValue } from '../engine/types';
import { DATE_WRITERS, civilFromDay, excelSerial, isoDate } from './days';
import type { BankLayout, Layout } from './layouts';
import { GROUP, ONE_SIDED, orderByDay, type PendingItem } from './lines';
import { AMOUNT_WRITERS, centsToDecimal, centsToNumber } from './money';
import type { PairBuilder } from './pair-builder';
import type { GeneratedPair } from './generate-pair';
import type { Truth, TruthGroup, TruthItem, TruthLine } from './truth';

export function writePair(builder: PairBuilder, layout: Layout, start: number, days: number): GeneratedPair {
  const { rng, ledgerLayout, bankLayout } = builder;
  const end = start + days - 1;
  const groups: TruthGroup[] = builder.groups.map((g) => {
    const group: TruthGroup = { kind: g.kind, ledgerRows: [], bankRows: [], difference: g.differenceCents === 0 ? ZERO : centsToDecimal(g.differenceCents) };
    if (g.nameVariant) group.nameVariant = g.nameVariant;
    return group;
  });
  const ledgerOnly: TruthItem[] = new Array(builder.ledgerOnly.length);
  const bankOnly: TruthItem[] = new Array(builder.bankOnly.length);
  const documents: TruthItem[] = new Array(builder.documents.length);
  const ledgerOnlyRows: number[] = [];
  const bankOnlyRows: number[] = [];
  const documentRows: number[] = [];

  // Opening balances: the same on both sides (last period reconciled) for a cash book; an AR ledger opens with what is owed.
  const bankOpening = rng.int(50_000, 500_000) * 100 + builder.ledger.length * rng.int(500, 3000) * 100;
  const ledgerOpening = builder.receivables ? rng.int(200_000, 2_000_000) * 100 + builder.ledger.length * 50_000 : bankOpening;

  // ---- ledger ----
  const ledgerWidth = ledgerLayout.fields.length;
  const ledgerCells: CellValue[][] = [];
  const ledgerLines: TruthLine[] = [];
  const ledgerEmpty = ''; // Excel hands empty cells of a used range as ''
  const ledgerRow = (values: Partial<Record<string, CellValue>>): CellValue[] => ledgerLayout.fields.map((f) => values[f] ?? ledgerEmpty);
  const at = Object.fromEntries(
    ['date', 'voucher', 'invoice', 'party', 'summary', 'debit', 'credit', 'balance', 'amount', 'direction', 'dept', 'note'].map((f) => [f, ledgerLayout.fields.indexOf(f as never)]),
  ) as Record<string, number>;
  if (ledgerLayout.title) {
    const title: CellValue[] = new Array(ledgerWidth).fill(ledgerEmpty);
    title[0] = ledgerLayout.title;
    ledgerCells.push(title);
    ledgerLines.push({ row: ledgerCells.length, kind: 'title', what: 'title' });
  }
  ledgerCells.push(ledgerLayout.headers.slice());
  ledgerLines.push({ row: ledgerCells.length, kind: 'header', what: 'header' });
  ledgerCells.push(ledgerRow({ date: excelSerial(start), summary: ledgerLayout.openingLabel, balance: centsToNumber(ledgerOpening) }));
  ledgerLines.push({ row: ledgerCells.length, kind: 'total', what: 'opening-balance' });
  const ledgerDirection = ledgerLayout.directionWords;
  const departments = ledgerLayout.departments ?? [''];
  const L = builder.ledger;
  const ledgerOrder = orderByDay(L.day, L.length, start, days);
  let balance = ledgerOpening;
  let debitTotal = 0;
  let creditTotal = 0;
  const voucherText: string[] = []; // 记-0001 recurs every month: one string each
  let voucherMonth = -1;
  let voucher = 0;
  for (let i = 0; i < ledgerOrder.length; i++) {
    const k = ledgerOrder[i];
    const day = L.day[k];
    const cents = L.cents[k];
    const debit = L.debit[k];
    const row = ledgerCells.length + 1;
    const civil = civilFromDay(day);
    if (civil.month !== voucherMonth) {
      voucherMonth = civil.month;
      voucher = 0;
    }
    voucher++;
    if (debit) {
      balance += cents;
      debitTotal += cents;
    } else {
      balance -= cents;
      creditTotal += cents;
    }
    // Hot loop (a million rows): fill the row by column index instead of through a record.
    const cells: CellValue[] = new Array(ledgerWidth);
    cells[at.date] = excelSerial(day);
    if (at.voucher >= 0) cells[at.voucher] = voucherText[voucher] ??= `${ledgerLayout.language === 'zh' ? '记' : 'JV'}-${String(voucher).padStart(4, '0')}`;
    if (at.invoice >= 0) cells[at.invoice] = L.invoice[k];
    cells[at.party] = L.party[k];
    cells[at.summary] = L.summary[k];
    if (at.debit >= 0) {
      cells[at.debit] = debit ? centsToNumber(cents) : ledgerEmpty;
      cells[at.credit] = debit ? ledgerEmpty : centsToNumber(cents);
    } else if (ledgerDirection) {
      cells[at.amount] = centsToNumber(cents);
      cells[at.direction] = debit ? ledgerDirection[0] : ledgerDirection[1];
    } else {
      cells[at.amount] = centsToNumber(debit ? cents : -cents);
    }
    if (at.balance >= 0) cells[at.balance] = centsToNumber(balance);
    if (at.dept >= 0) cells[at.dept] = departments[k % departments.length];
    if (at.note >= 0) cells[at.note] = L.note[k] ?? ledgerEmpty;
    ledgerCells.push(cells);
    const ref = L.ref[k];
    if (L.bucket[k] === GROUP) groups[ref].ledgerRows.push(row);
    else if (L.bucket[k] === ONE_SIDED) {
      const item = builder.ledgerOnly[ref];
      ledgerOnly[ref] = { kind: item.kind, row, amount: centsToDecimal(item.cents) };
      ledgerOnlyRows.push(row);
    } else {
      documents[ref] = { kind: 'invoice', row, amount: centsToDecimal(builder.documents[ref].cents) };
      documentRows.push(row);
    }
  }
  const ledgerClosing = balance;
  const multiMonth = civilFromDay(start).month !== civilFromDay(end).month || days > 31;
  ledgerCells.push(
    ledgerRow({
      date: excelSerial(end),
      summary: multiMonth ? ledgerLayout.periodTotalLabel : ledgerLayout.totalLabel,
      debit: centsToNumber(debitTotal),
      credit: centsToNumber(creditTotal),
      amount: at.amount >= 0 && !ledgerDirection ? centsToNumber(debitTotal - creditTotal) : undefined,
      balance: centsToNumber(ledgerClosing),
    }),
  );
  ledgerLines.push({ row: ledgerCells.length, kind: 'total', what: 'closing-total' });
  if (ledgerCells.some((r) => r.length !== ledgerWidth)) throw new Error('ledger rows must be rectangular');

  // ---- bank ----
  const bankWidth = bankLayout.fields.length;
  const empty = bankLayout.empty;
  const writeAmount = AMOUNT_WRITERS[bankLayout.amount];
  const writeDate = DATE_WRITERS[bankLayout.date];
  const bankRow = (values: Partial<Record<string, CellValue>>): CellValue[] => bankLayout.fields.map((f) => values[f] ?? empty);
  const bankAt = Object.fromEntries(
    ['date', 'summary', 'party', 'account', 'in', 'out', 'balance', 'memo', 'amount', 'direction', 'note', 'currency', 'serial', 'kind'].map((f) => [f, bankLayout.fields.indexOf(f as never)]),
  ) as Record<string, number>;
  const bankDirection = bankLayout.directionWords;
  const bankCells: CellValue[][] = [];
  const bankLines: TruthLine[] = [];
  const fill = (template: string): string =>
    template
      .replace('{account}', holderAccount(builder, bankLayout))
      .replace('{holder}', builder.holder.name)
      .replace('{from}', String(DATE_WRITERS[bankLayout.periodDate](start)))
      .replace('{to}', String(DATE_WRITERS[bankLayout.periodDate](end)));
  const titleWhat: TruthLine['what'][] = ['bank-name', 'account', 'holder', 'period'];
  bankLayout.titles.forEach((template, i) => {
    const row: CellValue[] = new Array(bankWidth).fill(empty);
    row[0] = fill(template);
    bankCells.push(row);
    bankLines.push({ row: bankCells.length, kind: 'title', what: titleWhat[i] });
  });
  bankCells.push(new Array(bankWidth).fill(empty));
  bankLines.push({ row: bankCells.length, kind: 'blank', what: 'blank' });
  bankCells.push(bankLayout.headers.slice());
  bankLines.push({ row: bankCells.length, kind: 'header', what: 'header' });
  const B = builder.bank;
  const dateText: Array<string | number> = []; // one string per day, shared by its rows
  const bankOrder = orderByDay(B.day, B.length, start, days);
  let bankBalance = bankOpening;
  let inTotal = 0;
  let outTotal = 0;
  for (let i = 0; i < bankOrder.length; i++) {
    const k = bankOrder[i];
    const cents = B.cents[k];
    const inflow = B.inflow[k];
    const row = bankCells.length + 1;
    if (inflow) {
      bankBalance += cents;
      inTotal += cents;
    } else {
      bankBalance -= cents;
      outTotal += cents;
    }
    const cells: CellValue[] = new Array(bankWidth);
    cells[bankAt.date] = dateText[B.day[k] - start] ??= writeDate(B.day[k]);
    if (bankAt.summary >= 0) cells[bankAt.summary] = B.summary[k];
    cells[bankAt.party] = B.name[k];
    if (bankAt.account >= 0) cells[bankAt.account] = B.account[k];
    if (bankAt.in >= 0) {
      cells[bankAt.in] = inflow ? writeAmount(cents) : empty;
      cells[bankAt.out] = inflow ? empty : writeAmount(cents);
    } else if (bankDirection) {
      cells[bankAt.amount] = writeAmount(cents);
      cells[bankAt.direction] = inflow ? bankDirection[0] : bankDirection[1];
    } else {
      cells[bankAt.amount] = writeAmount(inflow ? cents : -cents);
    }
    if (bankAt.balance >= 0) cells[bankAt.balance] = writeAmount(bankBalance);
    // The customer's memo goes where this export keeps it; some rows carry it in 备注 instead.
    const memoInNote = bankAt.note >= 0 && B.memoInNote[k];
    if (bankAt.memo >= 0) cells[bankAt.memo] = memoInNote ? empty : B.memo[k];
    if (bankAt.note >= 0) cells[bankAt.note] = memoInNote ? B.memo[k] : empty;
    if (bankAt.currency >= 0) cells[bankAt.currency] = bankLayout.language === 'zh' ? '人民币' : 'GBP';
    if (bankAt.serial >= 0) cells[bankAt.serial] = String(i + 1);
    if (bankAt.kind >= 0) cells[bankAt.kind] = inflow ? (bankLayout.language === 'zh' ? '转账' : 'CREDIT') : bankLayout.language === 'zh' ? '转账' : 'DEBIT';
    bankCells.push(cells);
    const ref = B.ref[k];
    if (B.bucket[k] === GROUP) groups[ref].bankRows.push(row);
    else {
      const item = builder.bankOnly[ref];
      bankOnly[ref] = { kind: item.kind, row, amount: centsToDecimal(item.cents) };
      bankOnlyRows.push(row);
    }
  }
  bankCells.push(
    bankRow(
      bankAt.in >= 0
        ? { date: bankLayout.totalLabel, in: writeAmount(inTotal), out: writeAmount(outTotal) }
        : { date: bankLayout.totalLabel, amount: writeAmount(inTotal - outTotal) },
    ),
  );
  bankLines.push({ row: bankCells.length, kind: 'total', what: 'closing-total' });
  if (bankLayout.note) {
    const row: CellValue[] = new Array(bankWidth).fill(empty);
    row[0] = bankLayout.note;
    bankCells.push(row);
    bankLines.push({ row: bankCells.length, kind: 'note', what: 'note' });
  }

  // ---- balances ----
  const sumCents = (items: PendingItem[], sign: 1 | -1): number => items.reduce((s, it) => (Math.sign(it.cents) === sign ? s + Math.abs(it.cents) : s), 0);
  const matchedDifference = builder.groups.reduce((s, g) => s + g.differenceCents, 0);
  const ledgerOnlyIn = sumCents(builder.ledgerOnly, 1);
  const ledgerOnlyOut = sumCents(builder.ledgerOnly, -1);
  const bankOnlyIn = sumCents(builder.bankOnly, 1);
  const bankOnlyOut = sumCents(builder.bankOnly, -1);
  const cash = !builder.receivables;
  const truth: Truth = {
    layout,
    ledgerKind: ledgerLayout.book,
    bankStyle: builder.bankStyle,
    ...(builder.labels && { ledgerLabel: builder.labels.ledger, bankLabel: builder.labels.bank }),
    period: { from: isoDate(start), to: isoDate(end) },
    groups,
    ledgerOnly,
    bankOnly,
    ledgerOnlyRows,
    bankOnlyRows,
    ledgerDocuments: documents,
    ledgerDocumentRows: documentRows,
    ledgerLines,
    bankLines,
    balances: {
      ledgerOpening: centsToDecimal(ledgerOpening),
      ledgerClosing: centsToDecimal(ledgerClosing),
      bankOpening: centsToDecimal(bankOpening),
      bankClosing: centsToDecimal(bankBalance),
      ledgerOnlyIn: centsToDecimal(ledgerOnlyIn),
      ledgerOnlyOut: centsToDecimal(ledgerOnlyOut),
      bankOnlyIn: centsToDecimal(bankOnlyIn),
      bankOnlyOut: centsToDecimal(bankOnlyOut),
      matchedDifference: centsToDecimal(matchedDifference),
      adjustedLedger: cash ? centsToDecimal(ledgerClosing + bankOnlyIn - bankOnlyOut + matchedDifference) : null,
      adjustedBank: cash ? centsToDecimal(bankBalance + ledgerOnlyIn - ledgerOnlyOut) : null,
    },
  };
  return {
    ledger: { cells: ledgerCells, firstRow: 1, firstColumn: 0 },
    bank: { cells: bankCells, firstRow: 1, firstColumn: 0 },
    truth,
  };
}

const ZERO = new Decimal(0);

function holderAccount(builder: PairBuilder, layout: BankLayout): string {
  const digits = builder.holder.account;
  if (layout.language === 'zh') return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  const sortCode = `${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  return `${digits.slice(-8)} (sort code ${sortCode})`;
}
