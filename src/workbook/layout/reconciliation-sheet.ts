/**
 * The bank reconciliation statement (银行存款余额调节表) in its usual two-column form: the book
 * column on the left (A–D), the bank column on the right (E–H), each adjustment's total on its own
 * line with its items under it (date, row linked to the source, amount), the two adjusted balances
 * on one line, then the verdict: equal, or the unexplained difference in red with its likely causes.
 * Where each balance came from is written under it. Sized for one A4 page with 40 items.
 */
import type Decimal from 'decimal.js';
import type { SideBalance } from '../../engine/report/balances';
import type { Reconciliation } from '../../engine/report/reconciliation';
import type { Explanation, ReconciliationStatement, StatementAdjustment, StatementItem, StatementKind } from '../../engine/report/reconciliation-statement';
import type { RECONCILIATION_OPTIONS } from '../../engine/report/reconciliation-options';
import type { CellValue, Side, SideKind } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { kindText } from '../../i18n/pane';
import { amountUnit, reportText, reportTextOf, type ReportMessageId } from '../../i18n/report-sheets';
import type { AreaStyle, CellLink, SheetSpec } from '../workbook';
import { excelSerial } from './excel-dates';
import { moneyCell, moneyText } from './money';
import { sourceLink, type SourcePositions } from './source-links';

export const STATEMENT_SHEET_KEY = 'reconciliation-statement';

const WIDTH = 8;
/** Item, date, row, amount; the same four for the bank column. */
const COLUMN_WIDTHS = [28, 11, 7, 14, 28, 11, 7, 14];
/** Command-line flags that set each balance (named where a balance is missing). */
const BALANCE_FLAG: Record<Side, (typeof RECONCILIATION_OPTIONS)[number]['flag']> = { ledger: '--book-balance', bank: '--bank-balance' };

/** The words that differ between a bank reconciliation and a balance reconciliation with a counterparty (往来). */
export const STATEMENT_WORDS = {
  bank: { title: 'st.title', ourSide: 'st.bookSide', theirSide: 'st.bankSide', ourBalance: 'st.bookBalance', theirBalance: 'st.bankBalance', unexplained: 'st.unexplained', ours: 'side.ledger', theirs: 'side.bank' },
  counterparty: {
    title: 'st.titleCounterparty', ourSide: 'st.ourSide', theirSide: 'st.theirSide', ourBalance: 'st.ourBalance', theirBalance: 'st.theirBalance',
    unexplained: 'st.unexplainedCounterparty', ours: 'side.ours', theirs: 'side.counterparty',
  },
} as const satisfies Record<StatementKind, Record<string, ReportMessageId>>;

export function buildStatementSheet(reconciliation: Reconciliation, ledgerKind: SideKind, positions: SourcePositions, locale: Locale, name: string): SheetSpec {
  const values: CellValue[][] = [];
  const styles: AreaStyle[] = [];
  const links: CellLink[] = [];
  const blank = (): CellValue[] => Array<CellValue>(WIDTH).fill(null);
  const whole = (row: number) => ({ row, column: 0, rows: 1, columns: WIDTH });
  const line = (text: string, style: Partial<AreaStyle> = {}) => {
    const row = blank();
    row[0] = text;
    values.push(row);
    styles.push({ area: whole(values.length - 1), merge: true, ...style });
  };

  const statement = reconciliation.statement;
  const words = STATEMENT_WORDS[statement?.kind ?? 'bank'];
  line(reportText(words.title, locale), { bold: true, align: 'center' });
  const unit = amountUnit(reconciliation.currency, locale);
  line(reportText('st.asAt', locale, { date: reconciliation.periodEnd, unit }), { align: 'center' });
  if (!statement) {
    line(reconciliation.statementMissing === 'not-cash' ? reportText('st.notCash', locale, { kind: kindText(ledgerKind, locale) }) : reportText('st.noEntries', locale), { wrap: true });
    return finish(name, values, styles, links, locale, reconciliation.periodEnd, unit, 0, words.title);
  }

  // Column heads.
  const head = blank();
  head[0] = reportText(words.ourSide, locale);
  head[4] = reportText(words.theirSide, locale);
  values.push(head);
  styles.push({ area: { row: values.length - 1, column: 0, rows: 1, columns: 4 }, merge: true, bold: true, fill: 'header', align: 'center' });
  styles.push({ area: { row: values.length - 1, column: 4, rows: 1, columns: 4 }, merge: true, bold: true, fill: 'header', align: 'center' });
  // Items under the book adjust it from the other side's lines, and the other way round: say whose row each number is.
  const rowOf = (side: ReportMessageId) => reportText('st.rowOf', locale, { side: reportText(side, locale) });
  values.push([
    reportText('st.item', locale), reportText('st.date', locale), rowOf(words.theirs), reportText('st.amount', locale),
    reportText('st.item', locale), reportText('st.date', locale), rowOf(words.ours), reportText('st.amount', locale),
  ]);
  styles.push({ area: whole(values.length - 1), bold: true, fill: 'header', border: 'bottom' });
  const headerRows = values.length - 1;

  // Balances.
  const balanceRow = blank();
  balanceRow[0] = reportText(words.ourBalance, locale);
  balanceRow[3] = amountOrNull(statement.book.balance.amount);
  balanceRow[4] = reportText(words.theirBalance, locale);
  balanceRow[7] = amountOrNull(statement.bank.balance.amount);
  values.push(balanceRow);
  styles.push({ area: whole(values.length - 1), bold: true });

  // Adjustments: add, then subtract, each side by side with its items.
  const adjustmentBlock = (left: StatementAdjustment, right: StatementAdjustment) => {
    const totals = blank();
    totals[0] = reportText(`st.${left.key}`, locale);
    totals[3] = moneyCell(left.total);
    totals[4] = reportText(`st.${right.key}`, locale);
    totals[7] = moneyCell(right.total);
    values.push(totals);
    styles.push({ area: whole(values.length - 1), bold: true });
    const count = Math.max(left.items.length, right.items.length, 1);
    for (let i = 0; i < count; i++) {
      const row = blank();
      const at = values.length;
      itemCells(row, 0, left.items[i], left.items.length === 0 && i === 0, at, positions, links, locale, statement.kind);
      itemCells(row, 4, right.items[i], right.items.length === 0 && i === 0, at, positions, links, locale, statement.kind);
      values.push(row);
    }
  };
  adjustmentBlock(statement.book.add, statement.bank.add);
  adjustmentBlock(statement.book.subtract, statement.bank.subtract);

  const adjusted = blank();
  adjusted[0] = reportText('st.adjusted', locale);
  adjusted[3] = amountOrNull(statement.book.adjusted);
  adjusted[4] = reportText('st.adjusted', locale);
  adjusted[7] = amountOrNull(statement.bank.adjusted);
  values.push(adjusted);
  styles.push({ area: whole(values.length - 1), bold: true, border: 'top', fill: 'total' });
  const bodyLast = values.length - 1;
  styles.push({ area: { row: headerRows + 1, column: 1, rows: bodyLast - headerRows, columns: 1 }, format: 'date' });
  styles.push({ area: { row: headerRows + 1, column: 5, rows: bodyLast - headerRows, columns: 1 }, format: 'date' });
  styles.push({ area: { row: headerRows + 1, column: 3, rows: bodyLast - headerRows, columns: 1 }, format: 'amount' });
  styles.push({ area: { row: headerRows + 1, column: 7, rows: bodyLast - headerRows, columns: 1 }, format: 'amount' });

  // The verdict, and what it stands on that nobody has confirmed.
  values.push(blank());
  verdict(statement, values, styles, locale);
  // one row, written (empty) when there is nothing to say: the statement's formats stay a fixed few, whatever the month holds
  line(caveats(reconciliation, statement, locale).join(locale === 'en' ? ' ' : ''), { wrap: true, alert: true });

  // Where the balances came from, and balance columns that break.
  line(`${reportText(words.ours, locale)} ${reportText('st.source', locale)}${sourceText(statement.book.balance, locale)}`, { wrap: true });
  line(`${reportText(words.theirs, locale)} ${reportText('st.source', locale)}${sourceText(statement.bank.balance, locale)}`, { wrap: true });
  for (const b of statement.breaks) {
    line(reportText('break', locale, {
      side: sideText(statement, b.side, locale), row: b.row, previous: b.previousRow, expected: moneyText(b.expected), stated: moneyText(b.stated), off: moneyText(b.off), breaks: b.breaks,
    }), { wrap: true, alert: true });
  }
  values.push(blank());
  const signatures = blank();
  signatures[0] = reportText('st.preparedBy', locale);
  signatures[4] = reportText('st.reviewedBy', locale);
  values.push(signatures);
  return finish(name, values, styles, links, locale, reconciliation.periodEnd, unit, headerRows, words.title);
}

/**
 * Rows that could not be read, matches still waiting for a decision, and items that look like a line
 * booked twice: the statement balances without them being settled, so it says it is not final.
 */
function caveats(reconciliation: Reconciliation, statement: ReconciliationStatement, locale: Locale): string[] {
  const found: string[] = [];
  const { discrepancies } = reconciliation;
  const unread = (side: Side) => discrepancies.unreadable.filter((l) => l.side === side).length;
  if (discrepancies.unreadable.length > 0) found.push(reportText('st.caveatUnreadable', locale, { ledger: unread('ledger'), bank: unread('bank') }));
  const suggested = discrepancies.sections.find((s) => s.section === 'suggested')?.count ?? 0;
  if (suggested > 0) found.push(reportText('st.caveatSuggested', locale, { count: suggested }));
  const items = [...statement.book.add.items, ...statement.book.subtract.items, ...statement.bank.add.items, ...statement.bank.subtract.items];
  const listed = discrepancies.duplicates.filter((d) => items.some((item) => item.side === d.side && item.rows.includes(d.entry.row)));
  // one line however many (a busy month can have hundreds; the Discrepancies sheet lists them all)
  if (listed.length === 1) {
    const [d] = listed;
    found.push(reportText('st.caveatDuplicate', locale, { side: sideText(statement, d.side, locale), row: d.entry.row, copyOf: d.copyOf.row }));
  } else if (listed.length > 1) {
    const rows = listed.slice(0, 3).map((d) => `${sideText(statement, d.side, locale)} ${d.entry.row}`).join(locale === 'en' ? ', ' : '、');
    found.push(reportText('st.caveatDuplicates', locale, { count: listed.length, rows }));
  }
  return found;
}

function verdict(statement: ReconciliationStatement, values: CellValue[][], styles: AreaStyle[], locale: Locale): void {
  const row = Array<CellValue>(WIDTH).fill(null);
  const at = values.length;
  if (statement.unexplained === null) {
    row[0] = reportText('st.unknown', locale);
    values.push(row);
    styles.push({ area: { row: at, column: 0, rows: 1, columns: WIDTH }, merge: true, alert: true, bold: true });
    return;
  }
  if (statement.unexplained.isZero()) {
    row[0] = reportText('st.agree', locale);
    values.push(row);
    styles.push({ area: { row: at, column: 0, rows: 1, columns: WIDTH }, merge: true, bold: true });
    return;
  }
  row[0] = reportText(STATEMENT_WORDS[statement.kind].unexplained, locale);
  row[7] = moneyCell(statement.unexplained);
  values.push(row);
  styles.push({ area: { row: at, column: 0, rows: 1, columns: 7 }, merge: true, alert: true, bold: true });
  styles.push({ area: { row: at, column: 7, rows: 1, columns: 1 }, alert: true, bold: true, format: 'amount' });
  if (statement.explanations.length === 0) return;
  const head = Array<CellValue>(WIDTH).fill(null);
  head[0] = reportText('st.likely', locale);
  values.push(head);
  styles.push({ area: { row: values.length - 1, column: 0, rows: 1, columns: WIDTH }, merge: true, alert: true });
  for (const e of statement.explanations) {
    const text = Array<CellValue>(WIDTH).fill(null);
    text[0] = `· ${explanationText(statement, e, locale)}`;
    values.push(text);
    styles.push({ area: { row: values.length - 1, column: 0, rows: 1, columns: WIDTH }, merge: true, alert: true });
  }
}

/** 账簿/银行, or 我方/对方 between two ledgers. */
function sideText(statement: ReconciliationStatement, side: Side, locale: Locale): string {
  const words = STATEMENT_WORDS[statement.kind];
  return reportText(side === 'ledger' ? words.ours : words.theirs, locale);
}

function explanationText(statement: ReconciliationStatement, e: Explanation, locale: Locale): string {
  return reportTextOf('explain', e.code, locale, {
    side: e.side ? sideText(statement, e.side, locale) : '',
    row: e.row ?? '',
    amount: e.amount ? moneyText(e.amount) : '',
    id: e.matchId ?? '',
  });
}

function itemCells(
  row: CellValue[], column: number, item: StatementItem | undefined, none: boolean, at: number,
  positions: SourcePositions, links: CellLink[], locale: Locale, kind: StatementKind,
): void {
  if (!item) {
    if (none) row[column] = `　${reportText('none', locale)}`;
    return;
  }
  // Between two ledgers every line is with the same company: what the line is says more than who.
  const who = kind === 'counterparty' ? item.description || item.counterparty : item.counterparty || item.description;
  const label =
    item.why === 'difference'
      ? reportText('st.itemDifference', locale, { id: item.matchId ?? '' }) + (who ? ` ${who}` : '')
      : `${who}${item.why === 'after-period' ? ` ${reportText('st.itemAfter', locale, { id: item.matchId ?? '' })}` : ''}`;
  row[column] = `　${label}`;
  row[column + 1] = excelSerial(item.date);
  row[column + 2] = item.rows.length === 1 ? item.rows[0] : item.rows.join(', ');
  row[column + 3] = moneyCell(item.amount);
  links.push(sourceLink(positions, item.side, item.rows[0], { row: at, column: column + 2 }));
}

function sourceText(balance: SideBalance, locale: Locale): string {
  return reportTextOf('source', balance.source, locale, {
    row: balance.row ?? '',
    date: balance.date ?? '',
    label: balance.label ?? '',
    movements: balance.movements ? moneyText(balance.movements) : '',
    flag: BALANCE_FLAG[balance.side],
  });
}

function amountOrNull(amount: Decimal | null): CellValue {
  return amount === null ? null : moneyCell(amount);
}

function finish(name: string, values: CellValue[][], styles: AreaStyle[], links: CellLink[], locale: Locale, periodEnd: string, unit: string, headerRows: number, title: ReportMessageId): SheetSpec {
  return {
    key: STATEMENT_SHEET_KEY,
    name,
    values,
    columnWidths: COLUMN_WIDTHS,
    styles,
    links,
    page: {
      orientation: 'portrait',
      paper: 'A4',
      fitToPagesWide: 1,
      ...(headerRows > 0 && { repeatRows: { first: headerRows - 1, last: headerRows } }),
      headerCenter: `${reportText(title, locale)}  ${reportText('st.asAt', locale, { date: periodEnd, unit })}`,
      footerCenter: reportText('page.footer', locale),
    },
  };
}
