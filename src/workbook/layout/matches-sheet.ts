/**
 * The Matches sheet: one line per match group, as an Excel table the user can filter and sort,
 * then a totals line whose figures are the decimal.js sums of the very amounts written above it.
 */
import type { Report, ReportMatch } from '../../engine/report/report';
import type { CellValue } from '../../engine/types';
import { formatReasons } from '../../i18n/reasons';
import type { Locale } from '../../i18n/locale';
import { originText, ruleText, sheetText, statusText, type SheetMessageId } from '../../i18n/sheets';
import { isOwedLedger } from '../../engine/side-kinds';
import type { CellFormat, SheetSpec } from '../workbook';
import { excelSerial } from './excel-dates';

export const MATCHES_SHEET_KEY = 'matches';
export const MATCHES_TABLE_NAME = 'ReconMatches';

/** The columns, in order: header message, how the cell is shown, width, and the value per match. */
interface MatchColumn {
  header: SheetMessageId;
  format: CellFormat;
  width: number;
  value: (match: ReportMatch, locale: Locale) => CellValue;
}

const MATCH_COLUMNS: MatchColumn[] = [
  { header: 'column.id', format: 'text', width: 8, value: (m) => m.id },
  { header: 'column.status', format: 'text', width: 10, value: (m, locale) => statusText(m.status, locale) },
  { header: 'column.rule', format: 'text', width: 24, value: (m, locale) => ruleText(m.rule, locale) },
  { header: 'column.date', format: 'date', width: 12, value: (m) => firstDate(m) },
  { header: 'column.counterparty', format: 'text', width: 28, value: (m, locale) => joinList(counterparties(m), locale) },
  { header: 'column.description', format: 'text', width: 30, value: (m, locale) => joinList(m.descriptions, locale) },
  { header: 'column.ledgerRows', format: 'text', width: 12, value: (m) => m.ledgerRows.join(', ') },
  { header: 'column.bankRows', format: 'text', width: 12, value: (m) => m.bankRows.join(', ') },
  { header: 'column.ledgerAmount', format: 'amount', width: 15, value: (m) => m.ledgerTotal.toNumber() },
  { header: 'column.bankAmount', format: 'amount', width: 15, value: (m) => m.bankTotal.toNumber() },
  { header: 'column.difference', format: 'amount', width: 13, value: (m) => m.difference.toNumber() },
  { header: 'column.reasons', format: 'text', width: 50, value: (m, locale) => formatReasons(m.reasons, locale) },
  { header: 'column.origin', format: 'text', width: 12, value: (m, locale) => originText(m.origin, locale) },
  { header: 'column.decidedBy', format: 'text', width: 12, value: (m) => m.decidedBy?.by ?? '' },
  // Left empty for a teammate without the add-in: accept/reject here, taken in by the next run.
  { header: 'column.decision', format: 'text', width: 14, value: () => '' },
  { header: 'column.decisionReason', format: 'text', width: 24, value: (m) => m.decidedBy?.reason ?? '' },
];

/** Columns whose totals line sums the column, and the report total that sum must equal. */
const TOTALLED: Partial<Record<SheetMessageId, (report: Report) => number>> = {
  'column.ledgerAmount': (r) => r.matchTotals.ledger.toNumber(),
  'column.bankAmount': (r) => r.matchTotals.bank.toNumber(),
  'column.difference': (r) => r.matchTotals.difference.toNumber(),
};

/** The other side's columns are 对方's, not 银行's, when it is the counterparty's own ledger (往来对账). */
const THEIR_HEADERS: Partial<Record<SheetMessageId, SheetMessageId>> = { 'column.bankRows': 'column.theirRows', 'column.bankAmount': 'column.theirAmount' };

export function buildMatchesSheet(report: Report, locale: Locale, name: string): SheetSpec {
  const width = MATCH_COLUMNS.length;
  const theirs = isOwedLedger(report.bank.kind);
  const header = MATCH_COLUMNS.map((c) => sheetText((theirs && THEIR_HEADERS[c.header]) || c.header, locale));
  const lines = report.matches.map((m) => MATCH_COLUMNS.map((c) => c.value(m, locale)));
  const totals: CellValue[] = MATCH_COLUMNS.map((c, i) =>
    i === 0 ? sheetText('row.total', locale) : (TOTALLED[c.header]?.(report) ?? null),
  );
  const hasMatches = lines.length > 0;
  const body = hasMatches ? lines : [[sheetText('note.noMatches', locale), ...Array<CellValue>(width - 1).fill(null)]];
  const totalsRow = 1 + body.length;

  return {
    key: MATCHES_SHEET_KEY,
    name,
    values: [header, ...body, totals],
    columnFormats: MATCH_COLUMNS.map((c) => c.format),
    columnWidths: MATCH_COLUMNS.map((c) => c.width),
    styles: [
      { area: { row: 0, column: 0, rows: 1, columns: width }, bold: true, fill: 'header' },
      { area: { row: totalsRow, column: 0, rows: 1, columns: width }, bold: true, fill: 'total', border: 'top' },
      ...(hasMatches ? [] : [{ area: { row: 1, column: 0, rows: 1, columns: width }, fill: 'note' as const }]),
    ],
    // An Excel table needs at least one data row; with none there is only the note.
    table: hasMatches ? { name: MATCHES_TABLE_NAME, area: { row: 0, column: 0, rows: 1 + lines.length, columns: width } } : undefined,
    freezeRows: 1,
  };
}

function firstDate(match: ReportMatch): CellValue {
  const date = match.ledgerDates[0] ?? match.bankDates[0];
  return date === undefined ? '' : excelSerial(date);
}

function counterparties(match: ReportMatch): string[] {
  return match.ledgerCounterparties.length > 0 ? match.ledgerCounterparties : match.bankCounterparties;
}

function joinList(items: string[], locale: Locale): string {
  return items.join(locale === 'en' ? '; ' : '；');
}
