/**
 * The command line's result.json. The required fields are a contract other tools read:
 *   ledger/bank: headerRow + columns (letters of the source sheet)
 *   matches: id, ledgerRows, bankRows (the source's own 1-based rows), status, rule, score,
 *            difference (string, 2 decimals), reason
 *   unmatched: ledgerRows, bankRows;  skipped: side, row, reason
 * Extra fields (kind, decisions, issues, ledgerDocuments, summary, totals) are additions only.
 */
import type { Report, ReportMatch } from '../engine/report/report';
import { toFixed2 } from '../engine/cents';
import type { ColumnRole, ReadResult, Reason, ReconcileResult, SkippedLine } from '../engine/types';
import type { Locale } from '../i18n/locale';
import { formatReadText, formatReadTexts } from '../i18n/read-texts';
import { formatReasons } from '../i18n/reasons';
import { columnLetter } from '../workbook/layout/a1';
import { BatchedArray, jsonPieces } from './json-pieces';

export interface SideJson {
  headerRow: number;
  columns: Partial<Record<ColumnRole, string>>;
  kind: string;
  columnHeaders: Partial<Record<ColumnRole, string>>;
  decisions: string[];
  entries: number;
}

export interface MatchJson {
  id: string;
  ledgerRows: number[];
  bankRows: number[];
  status: string;
  rule: string;
  score: number;
  difference: string;
  reason: string;
  ledgerTotal: string;
  bankTotal: string;
  reasons: { code: string; params: Record<string, string | number> }[];
}

export interface ResultJson {
  ledger: SideJson;
  bank: SideJson;
  matches: MatchJson[];
  unmatched: { ledgerRows: number[]; bankRows: number[] };
  skipped: { side: string; row: number; reason: string; kind: string }[];
  ledgerDocuments: { rows: number[] };
  issues: { side: string; row: number; column?: string; severity: string; message: string }[];
  summary: Record<'ledger' | 'bank', Record<'entries' | 'auto' | 'suggested' | 'unmatched' | 'ledgerDocuments', { count: number; sum: string }> & { skipped: number; issues: number; matchRate: number }> & {
    matchRate: number;
  };
}

/** `firstColumn`: 0-based sheet column of the cells the reader saw (their column 0). */
export function toResultJson(
  result: ReconcileResult,
  report: Report,
  locale: Locale,
  firstColumn: { ledger: number; bank: number } = { ledger: 0, bank: 0 },
): ResultJson {
  const toMatchJson = matchJsonMaker(locale);
  return resultJson(result, report, locale, firstColumn, report.matches.map(toMatchJson));
}

/**
 * result.json as pieces of text (jsonPieces): toResultJson's value, but each match's JSON object is
 * made only when its batch is written, so a hundred thousand of them never live at once.
 */
export function resultJsonPieces(
  result: ReconcileResult,
  report: Report,
  locale: Locale,
  firstColumn: { ledger: number; bank: number } = { ledger: 0, bank: 0 },
): Generator<string> {
  const toMatchJson = matchJsonMaker(locale);
  const matches = new BatchedArray(report.matches.length, (start, end) => report.matches.slice(start, end).map(toMatchJson));
  return jsonPieces(resultJson(result, report, locale, firstColumn, matches));
}

function resultJson<M>(result: ReconcileResult, report: Report, locale: Locale, firstColumn: { ledger: number; bank: number }, matches: M): Omit<ResultJson, 'matches'> & { matches: M } {
  return {
    ledger: sideJson(result.ledger, firstColumn.ledger, locale),
    bank: sideJson(result.bank, firstColumn.bank, locale),
    matches,
    unmatched: {
      ledgerRows: report.unmatched.ledger.map((e) => e.row),
      bankRows: report.unmatched.bank.map((e) => e.row),
    },
    skipped: report.skipped.map((line: SkippedLine) => ({ side: line.side, row: line.row, reason: line.why ? formatReadText(line.why, locale) : line.reason, kind: line.kind })),
    ledgerDocuments: { rows: report.ledgerDocuments.map((e) => e.row) },
    issues: report.issues.map(({ why, ...issue }) => ({ ...issue, message: why ? formatReadText(why, locale) : issue.message })),
    summary: {
      ledger: sideSummary(report.ledger),
      bank: sideSummary(report.bank),
      matchRate: report.matchRate,
    },
  };
}

/** One match as result.json states it; most matches share one of a few frozen reason lists, worded once. */
function matchJsonMaker(locale: Locale): (m: ReportMatch) => MatchJson {
  const worded = new Map<readonly Reason[], string>();
  const reasonText = (reasons: readonly Reason[]) => {
    if (!Object.isFrozen(reasons)) return formatReasons(reasons, locale);
    let text = worded.get(reasons);
    if (text === undefined) {
      text = formatReasons(reasons, locale);
      worded.set(reasons, text);
    }
    return text;
  };
  return (m) => ({
    id: m.id,
    ledgerRows: m.ledgerRows,
    bankRows: m.bankRows,
    status: m.status,
    rule: m.rule,
    score: m.score,
    difference: toFixed2(m.difference),
    reason: reasonText(m.reasons),
    ledgerTotal: toFixed2(m.ledgerTotal),
    bankTotal: toFixed2(m.bankTotal),
    reasons: m.reasons,
  });
}

function sideJson(read: ReadResult, firstColumn: number, locale: Locale): SideJson {
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const [role, index] of Object.entries(read.columns) as [ColumnRole, number | undefined][]) {
    if (index !== undefined) columns[role] = columnLetter(firstColumn + index + 1);
  }
  return {
    headerRow: read.headerRow,
    columns,
    kind: read.kind,
    columnHeaders: read.columnHeaders,
    decisions: formatReadTexts(read.decisions, locale),
    entries: read.entries.length,
  };
}

function sideSummary(side: Report['ledger']) {
  const figure = (f: { count: number; sum: { toFixed(n: number): string } }) => ({ count: f.count, sum: f.sum.toFixed(2) });
  return {
    entries: figure(side.entries),
    auto: figure(side.auto),
    suggested: figure(side.suggested),
    unmatched: figure(side.unmatched),
    ledgerDocuments: figure(side.ledgerDocuments),
    skipped: side.skipped,
    issues: side.issues,
    matchRate: side.matchRate,
  };
}
