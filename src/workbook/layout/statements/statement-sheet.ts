/**
 * One customer's statement (客户对账单) as a SheetSpec, in the customer's language: heading block,
 * the period's lines between opening and closing balance, aging with its method, open items,
 * disputed items, the confirmation block, and print setup (A4 portrait, one page wide, the lines'
 * header repeated, company in the page header, page x of y in the footer).
 * The styles are a fixed list (one area per block and format), never one per line, so a host
 * spends the same number of format operations on a statement of 3 lines or 3,000.
 */
import Decimal from 'decimal.js';
import type { CustomerStatement, StatementOptions } from '../../../engine/report/statements/statement-model';
import { AGING_BUCKETS } from '../../../engine/report/statements/statement-model';
import { dayOf, isoOfDay } from '../../../engine/report/statements/period';
import type { CellValue } from '../../../engine/types';
import { agingText, disputeText, methodText, statementText } from '../../../i18n/statements';
import type { AreaStyle, CellFormat, SheetSpec } from '../../workbook';
import { excelSerial } from '../excel-dates';
import { moneyText } from './money-text';

/** Columns of the lines table; the other blocks reuse these columns. */
export const STATEMENT_WIDTH = 9;
const WIDTHS = [11, 11, 14, 22, 14, 14, 15, 13, 9];
/** Days a customer is given to return the confirmation. */
export const REPLY_DAYS = 14;

const amount = (d: Decimal): number => d.toDecimalPlaces(2).toNumber();
const date = (iso: string): number => excelSerial(iso);

export function replyBy(options: StatementOptions): string {
  return isoOfDay(dayOf(options.statementDate) + REPLY_DAYS);
}

export function periodText(options: StatementOptions, locale: CustomerStatement['language']): string {
  return statementText('statement.periodRange', locale, { from: options.period.from, to: options.period.to });
}

export function currencyText(statement: CustomerStatement): string {
  return statement.currency || statementText('statement.localCurrency', statement.language);
}

/** A grid built row by row, with styles on whole blocks. */
class Grid {
  readonly rows: CellValue[][] = [];
  readonly styles: AreaStyle[] = [];

  add(...cells: CellValue[]): number {
    const row = Array<CellValue>(STATEMENT_WIDTH).fill(null);
    cells.forEach((v, i) => (row[i] = v));
    this.rows.push(row);
    return this.rows.length - 1;
  }

  style(row: number, rows: number, column: number, columns: number, look: Omit<AreaStyle, 'area'>): void {
    if (rows > 0 && columns > 0) this.styles.push({ area: { row, column, rows, columns }, ...look });
  }

  format(row: number, rows: number, column: number, format: CellFormat): void {
    this.style(row, rows, column, 1, { format });
  }
}

export function buildStatementSheet(statement: CustomerStatement, options: StatementOptions): SheetSpec {
  const t = (id: Parameters<typeof statementText>[0], params?: Record<string, string | number>) => statementText(id, statement.language, params);
  const company = options.company.trim() || t('statement.noCompany');
  const g = new Grid();

  // Heading: title, then two label/value pairs per row.
  g.add(`${t('statement.title')}`);
  g.style(0, 1, 0, STATEMENT_WIDTH, { merge: true, bold: true, align: 'center' });
  const info = g.rows.length;
  g.add(t('statement.company'), company, null, null, null, t('statement.currency'), currencyText(statement));
  g.add(t('statement.customer'), statement.customer, null, null, null, t('statement.terms'), t('statement.termsDays', { days: statement.termsDays }));
  g.add(t('statement.period'), periodText(options, statement.language), null, null, null, t('statement.date'), date(options.statementDate));
  for (let r = info; r < info + 3; r++) {
    g.style(r, 1, 1, 4, { merge: true });
    g.style(r, 1, 6, 3, { merge: true, align: 'left' });
  }
  g.style(info, 3, 0, 1, { bold: true });
  g.style(info, 3, 5, 1, { bold: true });
  g.format(info + 2, 1, 6, 'date');
  g.add();

  // Lines between opening and closing.
  const header = g.add(
    t('column.date'), t('column.voucher'), t('column.reference'), t('column.description'),
    t('column.invoiced'), t('column.received'), t('column.balance'), t('column.bankDate'), t('column.matchId'),
  );
  g.style(header, 1, 0, STATEMENT_WIDTH, { bold: true, fill: 'header', border: 'box', wrap: true, align: 'center' });
  const opening = g.add(date(options.period.from), null, null, t('row.opening'), null, null, amount(statement.opening));
  const firstLine = g.rows.length;
  for (const line of statement.lines) {
    g.add(
      date(line.date),
      line.voucher,
      line.reference,
      line.kind === 'credit-note' && line.description === '' ? t('kind.credit-note') : line.description,
      line.invoiced.isZero() ? null : amount(line.invoiced),
      line.received.isZero() ? null : amount(line.received),
      amount(line.balance),
      line.bankDate ? date(line.bankDate) : null,
      line.matchId ?? null,
    );
  }
  if (statement.lines.length === 0) g.add(null, null, null, t('row.noLines'));
  const lastLine = g.rows.length - 1;
  const total = g.add(null, null, null, t('row.periodTotal'), amount(statement.totalInvoiced), amount(statement.totalReceived));
  const closing = g.add(date(options.period.to), null, null, t('row.closing'), null, null, amount(statement.closing));
  g.format(opening, closing - opening + 1, 0, 'date');
  g.style(firstLine, lastLine - firstLine + 1, 1, 3, { format: 'text' });
  g.format(opening, closing - opening + 1, 4, 'amount');
  g.format(opening, closing - opening + 1, 5, 'amount');
  g.format(opening, closing - opening + 1, 6, 'amount');
  g.format(firstLine, lastLine - firstLine + 1, 7, 'date');
  g.style(firstLine, lastLine - firstLine + 1, 8, 1, { format: 'text' });
  g.style(opening, 1, 0, STATEMENT_WIDTH, { bold: true });
  g.style(total, 2, 0, STATEMENT_WIDTH, { bold: true, fill: 'total' });
  g.style(total, 1, 0, STATEMENT_WIDTH, { border: 'top' });
  g.add();

  // Aging: labels over amounts, across columns D–I; the method in words under it.
  const agingTitle = g.add(t('aging.title', { date: options.statementDate }));
  g.style(agingTitle, 1, 0, 3, { merge: true, bold: true });
  const agingLabels = g.add(null, null, null, ...AGING_BUCKETS.map((b) => agingText(b, statement.language)), agingText('total', statement.language));
  const agingTotal = AGING_BUCKETS.reduce((s, b) => s.plus(statement.aging[b]), new Decimal(0));
  const agingAmounts = g.add(null, null, null, ...AGING_BUCKETS.map((b) => amount(statement.aging[b])), amount(agingTotal));
  g.style(agingLabels, 1, 3, 6, { bold: true, fill: 'header', border: 'box', align: 'center' });
  g.style(agingAmounts, 1, 3, 6, { format: 'amount', border: 'box' });
  for (const sentence of splitSentences(methodText(statement.agingMethod, statement.language, statement.termsDays))) {
    const r = g.add(sentence);
    g.style(r, 1, 0, STATEMENT_WIDTH, { merge: true });
  }
  g.add();

  // Open items: invoices not yet paid, receipts not yet applied; their total is the balance.
  const openTitle = g.add(t('open.title'));
  g.style(openTitle, 1, 0, 3, { merge: true, bold: true });
  const openHeader = g.add(t('column.date'), null, t('column.reference'), t('open.dueDate'), t('open.amount'), t('open.open'), t('open.daysOverdue'));
  g.style(openHeader, 1, 0, 7, { bold: true, fill: 'header', border: 'bottom' });
  const openFirst = g.rows.length;
  for (const item of statement.openInvoices) {
    g.add(date(item.date), null, item.reference, date(item.dueDate), amount(item.amount), amount(item.open), item.daysOverdue);
  }
  for (const receipt of statement.unappliedReceipts) {
    g.add(date(receipt.date), null, receipt.reference, t('open.unapplied'), null, amount(receipt.amount.negated()), null);
  }
  if (g.rows.length === openFirst) g.add(null, null, t('open.none'));
  const openLast = g.rows.length - 1;
  const openTotal = g.add(null, null, null, t('aging.total'), null, amount(statement.closing));
  g.format(openFirst, openLast - openFirst + 1, 0, 'date');
  g.style(openFirst, openLast - openFirst + 1, 2, 1, { format: 'text' });
  g.format(openFirst, statement.openInvoices.length, 3, 'date');
  g.format(openFirst, openTotal - openFirst + 1, 4, 'amount');
  g.format(openFirst, openTotal - openFirst + 1, 5, 'amount');
  g.format(openFirst, openLast - openFirst + 1, 6, 'integer');
  g.style(openTotal, 1, 0, 7, { bold: true, border: 'top' });
  g.add();

  // Disputed items: a match whose amounts differ, a receipt the bank does not show.
  const disputedTitle = g.add(t('disputed.title'));
  g.style(disputedTitle, 1, 0, 3, { merge: true, bold: true });
  const disputedHeader = g.add(t('column.date'), null, t('column.reference'), t('disputed.kind'), t('column.received'), t('disputed.difference'), null, null, t('column.matchId'));
  g.style(disputedHeader, 1, 0, STATEMENT_WIDTH, { bold: true, fill: 'header', border: 'bottom' });
  const disputedFirst = g.rows.length;
  for (const item of statement.disputed) {
    g.add(date(item.date), null, item.reference, disputeText(item.kind, statement.language), amount(item.amount), item.difference ? amount(item.difference) : null, null, null, item.matchId ?? null);
  }
  if (g.rows.length === disputedFirst) g.add(null, null, t('open.none'));
  const disputedLast = g.rows.length - 1;
  g.format(disputedFirst, disputedLast - disputedFirst + 1, 0, 'date');
  g.style(disputedFirst, disputedLast - disputedFirst + 1, 2, 2, { format: 'text' });
  g.format(disputedFirst, disputedLast - disputedFirst + 1, 4, 'amount');
  g.format(disputedFirst, disputedLast - disputedFirst + 1, 5, 'amount');
  g.add();

  // The confirmation block, for the customer to tick, sign, stamp and return.
  const confirmTitle = g.add(t('confirm.title'));
  g.style(confirmTitle, 1, 0, STATEMENT_WIDTH, { merge: true, bold: true, align: 'center', border: 'top' });
  // A credit balance is ours to repay: the sentence turns round rather than showing a minus sign.
  const owedByUs = statement.closing.isNegative();
  const balanceText = moneyText(statement.closing.abs());
  const intro = g.add(t(owedByUs ? 'confirm.introCredit' : 'confirm.intro', { date: options.statementDate, company, currency: currencyText(statement), balance: balanceText }));
  g.add(t('confirm.agree'));
  g.add(t('confirm.disagree'));
  const blanks = g.rows.length;
  g.add();
  g.add();
  g.add();
  for (let r = intro; r < blanks; r++) g.style(r, 1, 0, STATEMENT_WIDTH, { merge: true });
  g.style(blanks, 3, 0, STATEMENT_WIDTH, { border: 'bottom' });
  g.add();
  const signature = g.add(t('confirm.stamp'), null, null, t('confirm.signature'), null, t('confirm.date'));
  g.style(signature, 1, 0, STATEMENT_WIDTH, { bold: true });
  g.add();
  // Our own contact address is not known to Recon: the reply names the company and the date.
  const reply = g.add(t('confirm.reply', { replyBy: replyBy(options), company: options.company.trim() || t('confirm.ourCompany'), contact: '' }));
  g.style(reply, 1, 0, STATEMENT_WIDTH, { merge: true });

  const values = g.rows;
  return {
    key: `statement:${statement.customer}`,
    name: statement.sheetName,
    values,
    columnWidths: WIDTHS,
    styles: g.styles,
    page: {
      orientation: 'portrait',
      paper: 'A4',
      fitToPagesWide: 1,
      printArea: { row: 0, column: 0, rows: values.length, columns: STATEMENT_WIDTH },
      repeatRows: { first: header, last: header },
      headerCenter: t('page.header', { company: options.company.trim(), period: periodText(options, statement.language) }).trim(),
      footerCenter: t('page.footer'),
    },
  };
}

/**
 * A long method sentence split after each semicolon (kept, the spaces after it dropped), so each
 * part fits one printed line. A scan, not a lookbehind split: Safari before 16.4 (Excel on Mac)
 * cannot parse a script holding a lookbehind at all (issue 9).
 */
function splitSentences(text: string): string[] {
  const parts: string[] = [];
  const semicolon = /[；;]\s*/g;
  let start = 0;
  for (let found = semicolon.exec(text); found; found = semicolon.exec(text)) {
    parts.push(text.slice(start, found.index + 1));
    start = found.index + found[0].length;
  }
  parts.push(text.slice(start));
  return parts.filter((s) => s !== '');
}
