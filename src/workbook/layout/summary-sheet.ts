/**
 * The Summary sheet (对账汇总): the run's figures per side (entries, lines set aside and why, matched
 * automatically and suggested, unmatched, match rate), groups per rule, the options used, the
 * period and the balances, and two native charts drawn from small tables on the sheet itself:
 * amounts by status on each side, and unmatched amounts by age.
 */
import type { Reconciliation } from '../../engine/report/reconciliation';
import type { Report } from '../../engine/report/report';
import type { CellValue, ReconcileResult, SkipKind } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { kindText, paneText, strictnessText } from '../../i18n/pane';
import { reportText, reportTextOf } from '../../i18n/report-sheets';
import { ruleText, skippedText, statusText } from '../../i18n/sheets';
import type { AreaStyle, ChartSpec, GridArea, SheetSpec } from '../workbook';
import { moneyCell } from './money';
import { explainedFigures } from '../../engine/report/summary';
import type { SignOffStatus } from './sign-off';
import { STATEMENT_WORDS } from './reconciliation-sheet';

export const SUMMARY_SHEET_KEY = 'summary';
const WIDTH = 3;
/** The charts sit right of the figures, from this column. */
const CHART_COLUMN = 4;
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

export interface SummaryContext {
  ranAt: string;
  ledgerRange: string;
  bankRange: string;
  /** The reviewer's sign-off after this run; absent: the run keeps no memory (no line). */
  signOff?: SignOffStatus;
}

/** The Summary's review line, by the sign-off's state. */
function reviewText(status: SignOffStatus, locale: Locale): string {
  switch (status.state) {
    case 'signed':
      return reportText('review.signed', locale, { by: status.by, at: status.at });
    case 'cleared':
      return reportText('review.cleared', locale, { by: status.by, at: status.at });
    case 'refused':
      return reportText('review.refused', locale, { changes: status.changes });
    case 'none':
      return reportText('review.none', locale);
  }
}

export function buildSummarySheet(result: ReconcileResult, report: Report, reconciliation: Reconciliation, context: SummaryContext, locale: Locale, name: string): SheetSpec {
  const values: CellValue[][] = [];
  const styles: AreaStyle[] = [];
  const push = (...cells: CellValue[]) => {
    values.push([...cells, ...Array<CellValue>(Math.max(0, WIDTH - cells.length)).fill(null)]);
    return values.length - 1;
  };
  const headerRow = (...cells: CellValue[]) => styles.push({ area: { row: push(...cells), column: 0, rows: 1, columns: WIDTH }, bold: true, fill: 'header' });
  const format = (row: number, rows: number, f: AreaStyle['format']) => styles.push({ area: { row, column: 1, rows, columns: 2 }, format: f });
  const { figures } = reconciliation;
  const side = (id: Parameters<typeof reportText>[0]) => reportText(id, locale);
  // The two columns: 账簿/银行, or 我方/对方 when the other side is the counterparty's own ledger (往来对账).
  const againstCounterparty = reconciliation.discrepancies.against === 'counterparty';
  const ours = side(againstCounterparty ? STATEMENT_WORDS.counterparty.ours : STATEMENT_WORDS.bank.ours);
  const theirs = side(againstCounterparty ? STATEMENT_WORDS.counterparty.theirs : STATEMENT_WORDS.bank.theirs);

  styles.push({ area: { row: push(reportText('sum.title', locale)), column: 0, rows: 1, columns: WIDTH }, bold: true });
  push(side('sum.period'), reportText('period', locale, { from: figures.period.from, to: figures.period.to }));
  push(side('sum.periodEnd'), reconciliation.periodEnd);
  push(side('sum.ranAt'), context.ranAt);
  push(side('sum.ranges'), context.ledgerRange, context.bankRange);
  if (context.signOff) {
    const row = push(side('sum.review'), reviewText(context.signOff, locale));
    if (context.signOff.state !== 'signed') styles.push({ area: { row, column: 1, rows: 1, columns: 1 }, alert: true });
  }
  push();

  // Figures per side.
  headerRow(side('sum.figure'), ours, theirs);
  const counts = (what: string, l: number, b: number) => format(push(reportText('sum.lines', locale, { what }), l, b), 1, 'integer');
  const amounts = (what: string, l: Parameters<typeof moneyCell>[0], b: Parameters<typeof moneyCell>[0]) => format(push(reportText('sum.amount', locale, { what }), moneyCell(l), moneyCell(b)), 1, 'amount');
  const L = report.ledger;
  const B = report.bank;
  counts(side('sum.entries'), L.entries.count, B.entries.count);
  amounts(side('sum.entries'), L.entries.sum, B.entries.sum);
  counts(side('sum.auto'), L.auto.count, B.auto.count);
  amounts(side('sum.auto'), L.auto.sum, B.auto.sum);
  counts(side('sum.suggested'), L.suggested.count, B.suggested.count);
  amounts(side('sum.suggested'), L.suggested.sum, B.suggested.sum);
  const explained = explainedFigures(report);
  if (explained.ledger.count + explained.bank.count > 0) {
    counts(side('sum.explained'), explained.ledger.count, explained.bank.count);
    amounts(side('sum.explained'), explained.ledger.sum, explained.bank.sum);
  }
  counts(side('sum.unmatched'), L.unmatched.count, B.unmatched.count);
  amounts(side('sum.unmatched'), L.unmatched.sum, B.unmatched.sum);
  if (L.ledgerDocuments.count > 0) counts(side('sum.documents'), L.ledgerDocuments.count, 0);
  format(push(side('sum.matchRate'), L.matchRate, B.matchRate), 1, 'percent');
  counts(side('sum.skipped'), L.skipped, B.skipped);
  const kinds = [...new Set(report.skipped.map((s) => s.kind))] as SkipKind[];
  for (const kind of kinds) {
    const n = (s: 'ledger' | 'bank') => report.skipped.filter((line) => line.side === s && line.kind === kind).length;
    format(push(`　${skippedText(kind, locale)}`, n('ledger'), n('bank')), 1, 'integer');
  }
  push();

  // Groups per rule.
  headerRow(side('sum.rules'), statusText('auto', locale), statusText('suggested', locale));
  for (const r of figures.byRule) format(push(ruleText(r.rule, locale), r.auto, r.suggested), 1, 'integer');
  push();

  // Options.
  const options = result.options;
  const yesNo = (v: boolean) => reportText(v ? 'yes' : 'no', locale);
  headerRow(side('sum.options'), side('sum.value'));
  push(paneText('options.dateWindow', locale), options.dateWindowDays);
  push(paneText('options.tolerance', locale), moneyCell(options.tolerance));
  push(paneText('options.allowCombined', locale), yesNo(options.allowCombined));
  push(paneText('options.allowInstalments', locale), yesNo(options.allowInstalments));
  push(paneText('options.maxGroupSize', locale), options.maxGroupSize);
  push(paneText('options.nameStrictness', locale), strictnessText(options.nameStrictness, locale));
  push(side('sum.ledgerKind'), kindText(result.ledger.kind, locale));
  push(side('sum.bankKind'), kindText(result.bank.kind, locale));
  push();

  // Balances.
  const statement = reconciliation.statement;
  headerRow(side('sum.balances'), ours, theirs);
  if (statement) {
    const amountOrNull = (d: Parameters<typeof moneyCell>[0] | null) => (d === null ? null : moneyCell(d));
    format(push(side('sum.balances'), amountOrNull(statement.book.balance.amount), amountOrNull(statement.bank.balance.amount)), 1, 'amount');
    push(`　${reportText('st.source', locale)}`, reportTextOf('source', statement.book.balance.source, locale, { row: statement.book.balance.row ?? '', date: statement.book.balance.date ?? '', label: statement.book.balance.label ?? '', movements: '', flag: '--book-balance' }),
      reportTextOf('source', statement.bank.balance.source, locale, { row: statement.bank.balance.row ?? '', date: statement.bank.balance.date ?? '', label: statement.bank.balance.label ?? '', movements: '', flag: '--bank-balance' }));
    format(push(side('sum.adjusted'), amountOrNull(statement.book.adjusted), amountOrNull(statement.bank.adjusted)), 1, 'amount');
    if (statement.unexplained !== null && !statement.unexplained.isZero()) {
      const row = push(reportText(STATEMENT_WORDS[statement.kind].unexplained, locale), moneyCell(statement.unexplained));
      styles.push({ area: { row, column: 0, rows: 1, columns: WIDTH }, alert: true, bold: true, format: 'amount' });
    }
  } else {
    push(side('sum.balances'), side('sum.statementNone'));
  }
  push();

  // Chart data: amounts by status, unmatched amounts by age.
  const statusTop = values.length;
  headerRow(side('sum.status'), ours, theirs);
  for (const s of figures.statusAmounts) push(statusText(s.status, locale), moneyCell(s.ledger), moneyCell(s.bank));
  format(statusTop + 1, figures.statusAmounts.length, 'amount');
  push();
  const ageTop = values.length;
  headerRow(side('sum.age'), ours, theirs);
  for (const a of figures.ageAmounts) push(reportTextOf('age', a.bucket, locale), moneyCell(a.ledger), moneyCell(a.bank));
  format(ageTop + 1, figures.ageAmounts.length, 'amount');

  const statusData: GridArea = { row: statusTop, column: 0, rows: 1 + figures.statusAmounts.length, columns: WIDTH };
  const ageData: GridArea = { row: ageTop, column: 0, rows: 1 + figures.ageAmounts.length, columns: WIDTH };
  const charts: ChartSpec[] = [
    { type: 'column', title: side('sum.chartStatus'), data: statusData, anchor: { row: 1, column: CHART_COLUMN, rows: CHART_ROWS, columns: CHART_COLUMNS } },
    { type: 'column', title: side('sum.chartAge'), data: ageData, anchor: { row: 2 + CHART_ROWS, column: CHART_COLUMN, rows: CHART_ROWS, columns: CHART_COLUMNS } },
  ];

  return {
    key: SUMMARY_SHEET_KEY,
    name,
    values,
    columnWidths: [34, 30, 30],
    styles,
    charts,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToPagesWide: 1,
      printArea: { row: 0, column: 0, rows: Math.max(values.length, 2 + 2 * CHART_ROWS), columns: CHART_COLUMN + CHART_COLUMNS },
      headerCenter: `${reportText('sum.title', locale)}  ${reportText('period', locale, { from: figures.period.from, to: figures.period.to })}`,
      footerCenter: reportText('page.footer', locale),
    },
  };
}
