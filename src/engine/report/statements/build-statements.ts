/**
 * A reconcile result over a receivables ledger (and the ledger's own cells, for opening lines, due
 * dates and e-mails) → one statement per customer and the index's totals and notes. Pure.
 *
 * Per customer: opening = its 期初余额 line(s) + its lines dated before the period; the period's
 * lines with a running balance; closing = opening + lines, which is also the ledger's own
 * receivable for that customer up to the period's end (checked against a second, independent sum).
 */
import Decimal from 'decimal.js';
import { compareNames, nameInText, normalizeName, normalizeText, type NormalizedName } from '../../match/normalize-name';
import { partyAt } from '../../read/section-headings';
import { cellText } from '../../read/text';
import { currencyNamedIn } from '../../read/currency';
import { writtenCurrency } from '../reconciliation';
import type { CellsSource, Entry, Match, ReconcileResult } from '../../types';
import { ageBalance, type Credit, type Debit } from './aging';
import { customerKey, groupByCustomer, type CustomerLedger } from './customer-ledgers';
import { customerLanguage } from './customer-language';
import { invoiceOf, readLedgerExtras, type LedgerExtras, type OpeningLine } from './ledger-extras';
import { dayOf, isoOfDay, lastFullMonth } from './period';
import { allocateTabNames } from './sheet-names';
import type { CustomerStatement, DisputedItem, LineKind, StatementLine, StatementNote, StatementOptions, StatementSet } from './statement-model';

export class StatementsError extends Error {
  override name = 'StatementsError';
}

export interface StatementRequest {
  result: ReconcileResult;
  /** The ledger's cells exactly as they were read (for opening lines, due dates, e-mails). */
  ledger: CellsSource;
  options?: Partial<StatementOptions>;
  /** Sheet names already in use (the user's sheets, the other output sheets). */
  takenSheetNames?: string[];
  /** Tab name for a customer whose name leaves nothing usable: `Statement 3`. */
  fallbackSheetName?: (n: number) => string;
}

export const DEFAULT_TERMS_DAYS = 30;
const ZERO = new Decimal(0);

export function buildStatements(request: StatementRequest): StatementSet {
  const { result } = request;
  if (result.ledger.kind !== 'receivables-ledger') {
    throw new StatementsError(
      `Statements need a receivables ledger (应收账款明细账: invoices and receipts per customer); the ledger was read as a ${result.ledger.kind}. Choose "receivables ledger" as the ledger's kind, then run again.`,
    );
  }
  const entries = result.ledger.entries;
  const period = request.options?.period ?? lastFullMonth(entries.map((e) => e.date));
  if (!period) throw new StatementsError('The ledger has no dated lines, so there is no period to make statements for.');
  const options: StatementOptions = {
    period,
    statementDate: request.options?.statementDate ?? period.to,
    company: request.options?.company ?? '',
    termsDays: request.options?.termsDays ?? DEFAULT_TERMS_DAYS,
    customerTerms: request.options?.customerTerms ?? {},
    customerLanguages: request.options?.customerLanguages ?? {},
    language: request.options?.language ?? 'zh-CN',
    includeZero: request.options?.includeZero ?? false,
    bankCompared: request.options?.bankCompared ?? result.bank.entries.length > 0,
  };

  const extras = readLedgerExtras(request.ledger, result.ledger, customerKey);
  const notes: StatementNote[] = [];
  const { customers, nameless } = groupByCustomer(entries);
  if (nameless.length > 0) notes.push({ kind: 'no-customer-name', rows: nameless.map((e) => e.row), params: { amount: sum(nameless.map(balanceEffect)).toFixed(2) } });
  // Lines the reader could not take (an invoice without a date, an amount that is not one): named
  // with their customer where the line has one, so the clerk knows whose statement is short.
  const firstRow = request.ledger.firstRow ?? 1;
  const customerColumn = result.ledger.columns.counterparty;
  for (const line of result.ledger.skipped) {
    if (line.kind !== 'unparseable') continue;
    const customer = (customerColumn === undefined ? '' : cellText(request.ledger.cells[line.row - firstRow]?.[customerColumn])) || partyAt(result.ledger.sections ?? [], line.row);
    notes.push({ kind: 'unreadable-line', rows: [line.row], ...(customer !== '' && { customer }), params: { reason: line.reason } });
  }

  const openingsByKey = new Map<string, OpeningLine[]>();
  for (const line of extras.openings) {
    const key = customerKey(line.customer);
    if (key === '') {
      notes.push({ kind: 'no-customer-name', rows: [line.row], params: { amount: line.amount.toFixed(2) } });
      continue;
    }
    openingsByKey.set(key, [...(openingsByKey.get(key) ?? []), line]);
  }
  // A customer that has only an opening line still gets a statement.
  for (const [key, lines] of openingsByKey) {
    if (!customers.some((c) => c.key === key)) customers.push({ key, name: lines[0].customer.trim(), entries: [] });
  }
  customers.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  const matchOf = new Map<number, Match>();
  for (const m of result.matches) for (const i of m.ledger) matchOf.set(i, m);
  const unmatched = new Set(result.unmatched.ledger);
  const bankSpan = result.bank.entries.reduce<{ from: number; to: number } | null>(
    (span, e) => (span ? { from: Math.min(span.from, e.day), to: Math.max(span.to, e.day) } : { from: e.day, to: e.day }),
    null,
  );

  // Bank lines left unmatched that brought money in: each may be a customer's payment not yet booked.
  const bankReceipts = result.unmatched.bank.map((i) => result.bank.entries[i]).filter((e): e is Entry => e !== undefined && e.amount.isPositive() && !e.amount.isZero());
  const context: CustomerContext = { options, extras, notes, matchOf, unmatched, bankSpan, bankReceipts, result, hasOpenings: extras.openings.length > 0, currency: runCurrency(result) };
  const built: CustomerStatement[] = [];
  let leftOut = 0;
  let ledgerReceivable = ZERO;
  for (const customer of customers) {
    const statement = customerStatement(customer, openingsByKey.get(customer.key) ?? [], context);
    const quiet = statement.closing.isZero() && statement.lines.length === 0;
    if (quiet && !options.includeZero) {
      leftOut++;
      continue;
    }
    ledgerReceivable = ledgerReceivable.plus(independentReceivable(customer, openingsByKey.get(customer.key) ?? [], options.period.to));
    built.push(statement);
  }

  const names = allocateTabNames(
    built.map((s) => s.customer),
    request.takenSheetNames ?? [],
    request.fallbackSheetName ?? ((n) => `Statement ${n}`),
  );
  built.forEach((s, i) => (s.sheetName = names[i]));

  return {
    options,
    statements: built,
    notes,
    totalBalance: sum(built.map((s) => s.closing)),
    totalOverdue: sum(built.map((s) => s.overdue)),
    ledgerReceivable,
    leftOut,
  };
}

interface CustomerContext {
  options: StatementOptions;
  extras: LedgerExtras;
  notes: StatementNote[];
  matchOf: Map<number, Match>;
  unmatched: Set<number>;
  bankSpan: { from: number; to: number } | null;
  bankReceipts: readonly Entry[];
  result: ReconcileResult;
  hasOpenings: boolean;
  /** The currency of a customer whose lines name none (runCurrency). */
  currency: string;
}

/**
 * The currency a statement names when the customer's own lines write none: the one both files write
 * (a bank's 记账币种), else the one the ledger's title names (应收账款明细账（美金戶）), else '' (the sheet
 * then says 人民币 / 本位幣 / Local currency). Never the output language's money: a USD ledger's
 * confirmation must not ask a customer to confirm 人民币 6,500.00.
 */
function runCurrency(result: ReconcileResult): string {
  const written = writtenCurrency(result);
  if (written !== '') return written;
  const titles = new Set(result.ledger.skipped.filter((l) => l.kind === 'title').map((l) => currencyNamedIn(String(l.why?.params.found ?? l.reason))));
  titles.delete('');
  return titles.size === 1 ? [...titles][0] : '';
}

/** What a ledger line does to the customer's balance: an invoice raises it, a receipt lowers it. */
function balanceEffect(entry: Entry): Decimal {
  return entry.document === 'invoice' ? entry.amount : entry.amount.negated();
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** The ledger's receivable for a customer at `to`, summed straight from its lines (a cross-check). */
function independentReceivable(customer: CustomerLedger, openings: readonly OpeningLine[], to: string): Decimal {
  let total = ZERO;
  for (const line of openings) if (line.date === '' || line.date <= to) total = total.plus(line.amount);
  for (const e of customer.entries) if (e.date <= to) total = total.plus(balanceEffect(e));
  return total;
}

function customerStatement(customer: CustomerLedger, openingLines: readonly OpeningLine[], ctx: CustomerContext): CustomerStatement {
  const { options, extras } = ctx;
  const { from, to } = options.period;
  const terms = options.customerTerms[customer.name] ?? options.termsDays;
  const statementDay = dayOf(options.statementDate);

  const openingsUsed = openingLines.filter((l) => l.date === '' || l.date <= to);
  const earlier = customer.entries.filter((e) => e.date < from);
  const inPeriod = customer.entries.filter((e) => e.date >= from && e.date <= to);
  const upToEnd = customer.entries.filter((e) => e.date <= to);
  const opening = sum([...openingsUsed.map((l) => l.amount), ...earlier.map(balanceEffect)]);
  const openingFrom = openingsUsed.length > 0 ? (earlier.length > 0 ? 'line-and-earlier' : 'line') : earlier.length > 0 ? 'earlier-lines' : 'none';
  if (ctx.hasOpenings && openingsUsed.length === 0) {
    const first = customer.entries[0];
    ctx.notes.push({ kind: 'opening-missing', rows: first ? [first.row] : [], customer: customer.name, params: { opening: opening.toFixed(2) } });
  }

  let balance = opening;
  const lines: StatementLine[] = inPeriod.map((e) => {
    const effect = balanceEffect(e);
    balance = balance.plus(effect);
    const match = ctx.matchOf.get(e.index);
    const kind: LineKind = e.document === 'invoice' ? (e.amount.isNegative() ? 'credit-note' : 'invoice') : 'receipt';
    return {
      row: e.row,
      date: e.date,
      kind,
      voucher: extras.vouchers.get(e.row) ?? '',
      reference: invoiceOf(extras, e),
      description: e.description,
      invoiced: e.document === 'invoice' ? e.amount : ZERO,
      received: e.document === 'invoice' ? ZERO : e.amount,
      balance,
      ...(match ? { matchId: match.id, bankDate: bankDate(match, ctx.result) } : {}),
    };
  });
  const closing = balance;

  // Aging over everything up to the period's end (earlier invoices are what makes old debt old).
  const debits: Debit[] = [];
  const credits: Credit[] = [];
  for (const line of openingsUsed) {
    const date = line.date || isoOfDay(dayOf(from) - 1);
    const item = { row: line.row, date, day: dayOf(date), reference: '' };
    if (line.amount.gt(0)) debits.push({ ...item, dueDate: date, dueDay: item.day, dueFrom: 'ledger', amount: line.amount });
    else if (line.amount.lt(0)) credits.push({ ...item, text: '', amount: line.amount.negated(), isReceipt: false });
  }
  for (const e of upToEnd) {
    const reference = invoiceOf(extras, e);
    const effect = balanceEffect(e);
    if (effect.gt(0)) {
      const ledgerDue = extras.dueDates.get(e.row);
      const dueDay = ledgerDue ? dayOf(ledgerDue) : e.day + (e.document === 'invoice' ? terms : 0);
      debits.push({ row: e.row, date: e.date, day: e.day, reference, dueDate: isoOfDay(dueDay), dueDay, dueFrom: ledgerDue ? 'ledger' : 'terms', amount: effect });
    } else if (effect.lt(0)) {
      credits.push({ row: e.row, date: e.date, day: e.day, reference, text: `${e.description} ${e.reference}`, amount: effect.negated(), isReceipt: e.document !== 'invoice' });
    }
  }
  const aging = ageBalance(debits, credits, statementDay);
  for (const x of aging.exceeding) {
    ctx.notes.push({ kind: 'receipt-exceeds-open', rows: [x.row], customer: customer.name, params: { amount: x.amount.toFixed(2) } });
  }

  const disputed: DisputedItem[] = [];
  for (const e of inPeriod) {
    if (e.document === 'invoice') continue;
    const match = ctx.matchOf.get(e.index);
    const reference = invoiceOf(extras, e);
    if (match && !match.difference.isZero()) {
      disputed.push({ row: e.row, date: e.date, reference, kind: 'matched-with-difference', amount: e.amount, difference: match.difference, matchId: match.id });
    } else if (options.bankCompared && ctx.unmatched.has(e.index) && ctx.bankSpan && e.day >= ctx.bankSpan.from && e.day <= ctx.bankSpan.to) {
      disputed.push({ row: e.row, date: e.date, reference, kind: 'not-in-bank', amount: e.amount });
    }
  }
  // The other way round: money the bank received from this customer that the ledger has not booked.
  // Sent as it stands, the statement would ask for money already paid.
  if (options.bankCompared) {
    const name = normalizeName(customer.name);
    for (const b of ctx.bankReceipts) {
      if (name === null || b.date < from || b.date > to || !paidBy(name, b)) continue;
      disputed.push({ row: b.row, date: b.date, reference: b.reference, kind: 'bank-not-booked', amount: b.amount });
    }
  }

  const currencies = [...new Set(customer.entries.map((e) => e.currency).filter((c) => c !== ''))];
  if (currencies.length > 1) ctx.notes.push({ kind: 'currency-mixed', rows: customer.entries.slice(0, 1).map((e) => e.row), customer: customer.name, params: { currencies: currencies.join(', ') } });

  const overdue = aging.openInvoices.filter((i) => i.bucket !== 'current').reduce((a, i) => a.plus(i.open), ZERO);
  return {
    customer: customer.name,
    sheetName: '',
    language: customerLanguage(customer.name, options.customerLanguages, options.language),
    currency: currencies[0] ?? ctx.currency,
    termsDays: terms,
    email: extras.emails.get(customer.key) ?? '',
    opening,
    openingFrom,
    lines,
    totalInvoiced: sum(lines.map((l) => l.invoiced)),
    totalReceived: sum(lines.map((l) => l.received)),
    closing,
    aging: aging.buckets,
    agingMethod: aging.method,
    overdue,
    oldestOverdueDays: aging.openInvoices.reduce((m, i) => Math.max(m, i.daysOverdue), 0),
    openInvoices: aging.openInvoices,
    unappliedReceipts: aging.unapplied,
    disputed,
  };
}

/** A bank receipt is this customer's when the bank names it (agreeing or cut short) or its memo does. */
function paidBy(customer: NormalizedName, receipt: Entry): boolean {
  const payer = normalizeName(receipt.counterparty);
  if (payer !== null) {
    const verdict = compareNames(customer, payer, 'normal');
    if (verdict === 'agree' || verdict === 'similar') return true;
  }
  return nameInText(customer, normalizeText(receipt.description), 'normal');
}

function bankDate(match: Match, result: ReconcileResult): string | undefined {
  const dates = match.bank.map((i) => result.bank.entries[i]?.date).filter((d): d is string => d !== undefined);
  return dates.sort()[0];
}
