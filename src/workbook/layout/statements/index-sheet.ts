/**
 * The index of statements (对账单目录), in the run's language: an Excel table with one row per
 * customer (balance, overdue, oldest overdue days, its tab, e-mail, a ready subject and body in the
 * customer's own language) starting at A1, so Word's or Outlook's mail merge reads it as it is;
 * under it the totals, the ledger's own receivable beside them as a check, and the notes on input
 * that needs a look, each with its ledger rows.
 */
import type { CustomerStatement, StatementSet } from '../../../engine/report/statements/statement-model';
import type { CellValue } from '../../../engine/types';
import type { Locale } from '../../../i18n/locale';
import { noteText, statementText } from '../../../i18n/statements';
import type { AreaStyle, SheetSpec } from '../../workbook';
import { quoteSheetName } from '../a1';
import { moneyText } from './money-text';
import { currencyText, periodText, replyBy } from './statement-sheet';

export const STATEMENT_INDEX_KEY = 'statements:index';
export const STATEMENT_INDEX_TABLE = 'ReconStatements';
const WIDTHS = [30, 24, 15, 15, 14, 28, 44, 80, 12];
const WIDTH = WIDTHS.length;

export function buildStatementIndexSheet(set: StatementSet, locale: Locale, name: string): SheetSpec {
  const t = (id: Parameters<typeof statementText>[0], params?: Record<string, string | number>) => statementText(id, locale, params);
  const rows: CellValue[][] = [];
  const styles: AreaStyle[] = [];
  const add = (...cells: CellValue[]) => {
    const row = Array<CellValue>(WIDTH).fill(null);
    cells.forEach((v, i) => (row[i] = v));
    rows.push(row);
    return rows.length - 1;
  };

  add(t('index.customer'), t('index.sheetLink'), t('index.balance'), t('index.overdue'), t('index.oldest'), t('index.email'), t('index.subject'), t('index.body'), t('index.language'));
  for (const s of set.statements) {
    const mail = mailText(s, set);
    add(s.customer, s.sheetName, s.closing.toNumber(), s.overdue.toNumber(), s.oldestOverdueDays, s.email, mail.subject, mail.body, statementText(`language.${s.language}`, locale));
  }
  const customers = set.statements.length;
  const hasRows = customers > 0;
  if (!hasRows) add(t('open.none'));
  const last = rows.length - 1;
  const total = add(t('index.total'), null, set.totalBalance.toNumber(), set.totalOverdue.toNumber());
  const check = add(t('index.ledgerTotal'), null, set.ledgerReceivable.toNumber());
  styles.push(
    { area: { row: 0, column: 0, rows: 1, columns: WIDTH }, bold: true, fill: 'header' },
    { area: { row: 1, column: 0, rows: Math.max(1, last), columns: 2 }, format: 'text' },
    { area: { row: 1, column: 2, rows: check, columns: 2 }, format: 'amount' },
    { area: { row: 1, column: 4, rows: Math.max(1, last), columns: 1 }, format: 'integer' },
    { area: { row: 1, column: 5, rows: Math.max(1, last), columns: 4 }, format: 'text' },
    { area: { row: total, column: 0, rows: 2, columns: WIDTH }, bold: true, fill: 'total' },
    { area: { row: total, column: 0, rows: 1, columns: WIDTH }, border: 'top' },
  );
  if (set.leftOut > 0) add(t('index.leftOut', { count: set.leftOut }));
  add();

  const notesTitle = add(t('index.notes'));
  const notesHeader = add(t('index.noteRows'), t('index.customer'));
  // Each note on two lines: its rows and customer, then what is wrong across the printed width.
  for (const note of set.notes) {
    add(note.rows.join(', '), note.customer ?? '');
    add(noteText(note.kind, locale, note.params));
  }
  if (set.notes.length === 0) add(t('index.noNotes'));
  styles.push(
    { area: { row: notesTitle, column: 0, rows: 1, columns: 1 }, bold: true },
    { area: { row: notesHeader, column: 0, rows: 1, columns: 6 }, bold: true, fill: 'header' },
    { area: { row: notesHeader + 1, column: 0, rows: rows.length - notesHeader - 1, columns: 6 }, format: 'text', fill: set.notes.length > 0 ? 'note' : undefined },
  );

  return {
    key: STATEMENT_INDEX_KEY,
    name,
    values: rows,
    columnWidths: WIDTHS,
    styles,
    table: hasRows ? { name: STATEMENT_INDEX_TABLE, area: { row: 0, column: 0, rows: 1 + customers, columns: WIDTH } } : undefined,
    links: set.statements.map((s, i) => ({ row: 1 + i, column: 1, target: `${quoteSheetName(s.sheetName)}!A1` })),
    freezeRows: 1,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToPagesWide: 1,
      // Up to the e-mail address: subject and body are for the mail merge, not for paper.
      printArea: { row: 0, column: 0, rows: rows.length, columns: 6 },
      repeatRows: { first: 0, last: 0 },
      headerCenter: `${set.options.company} ${t('index.title', { period: periodText(set.options, locale) })}`.trim(),
      footerCenter: statementText('page.footer', locale),
    },
  };
}

/** The mail-merge subject and body, in the customer's language. */
export function mailText(s: CustomerStatement, set: StatementSet): { subject: string; body: string } {
  const locale = s.language;
  const company = set.options.company.trim() || statementText('confirm.ourCompany', locale);
  const params = {
    company,
    customer: s.customer,
    period: periodText(set.options, locale),
    date: set.options.statementDate,
    currency: currencyText(s),
    balance: moneyText(s.closing),
    overdue: moneyText(s.overdue),
    replyBy: replyBy(set.options),
  };
  return { subject: statementText('mail.subject', locale, params), body: statementText('mail.body', locale, params) };
}
