/**
 * The command line's result.json. The required fields are a contract other tools read:
 *   ledger/bank: headerRow + columns (letters of the source sheet)
 *   matches: id, ledgerRows, bankRows (the source's own 1-based rows), status, rule, score,
 *            difference (string, 2 decimals), reason
 *   unmatched: ledgerRows, bankRows;  skipped: side, row, reason
 * Extra fields (kind, decisions, issues, ledgerDocuments, summary, totals) are additions only.
 */
import type Decimal from 'decimal.js';
import type { Report, ReportMatch } from '../engine/report/report';
import { exactCents, toFixed2 } from '../engine/cents';
import type { ColumnRole, ReadResult, Reason, ReconcileResult, SkippedLine } from '../engine/types';
import type { Locale } from '../i18n/locale';
import { formatReadText, formatReadTexts } from '../i18n/read-texts';
import { formatReason, formatReasons } from '../i18n/reasons';
import { columnLetter } from '../workbook/layout/a1';
import { ByteSink, jsonChunks, jsonPieces, utf8, WrittenArray } from './json-pieces';

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
 * result.json as UTF-8 chunks of about a megabyte (jsonChunks): toResultJson's text, but each match is
 * written straight into the output buffer, without an object or a string of its own.
 */
export function resultJsonChunks(
  result: ReconcileResult,
  report: Report,
  locale: Locale,
  firstColumn: { ledger: number; bank: number } = { ledger: 0, bank: 0 },
): Generator<Uint8Array> {
  const write = matchWriter(locale);
  const toMatchJson = matchJsonMaker(locale);
  const matches = new WrittenArray(report.matches.length, (sink, i) => write(sink, report.matches[i]), (i) => toMatchJson(report.matches[i]));
  return jsonChunks(resultJson(result, report, locale, firstColumn, matches));
}

/** The same text as pieces of text. */
export function resultJsonPieces(
  result: ReconcileResult,
  report: Report,
  locale: Locale,
  firstColumn: { ledger: number; bank: number } = { ledger: 0, bank: 0 },
): Generator<string> {
  const write = matchWriter(locale);
  const toMatchJson = matchJsonMaker(locale);
  const matches = new WrittenArray(report.matches.length, (sink, i) => write(sink, report.matches[i]), (i) => toMatchJson(report.matches[i]));
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

/** Keys and punctuation of a match's line, in the order MatchJson states them. */
const MATCH_KEYS = {
  id: utf8('{"id":'),
  ledgerRows: utf8(',"ledgerRows":['),
  bankRows: utf8('],"bankRows":['),
  status: utf8('],"status":'),
  rule: utf8(',"rule":'),
  score: utf8(',"score":'),
  difference: utf8(',"difference":'),
  reason: utf8(',"reason":'),
  ledgerTotal: utf8(',"ledgerTotal":'),
  bankTotal: utf8(',"bankTotal":'),
  reasons: utf8(',"reasons":'),
};

/** A reason list's two texts as they are written: the worded `reason` and the `reasons` data (JSON). */
interface WordedReasons {
  reason: string;
  reasons: string;
}

/**
 * Writes one match exactly as JSON.stringify(matchJsonMaker(locale)(m)) would, straight into the sink.
 * Texts that repeat are encoded once: status, rule, score, and the reasons, per shared (frozen) list
 * and per shared reason; a reason with its own params (a reference, a fee) is worded on its own.
 */
function matchWriter(locale: Locale): (sink: ByteSink, m: ReportMatch) => void {
  const toMatchJson = matchJsonMaker(locale);
  const separator = locale === 'en' ? '; ' : '；';
  const words = new Map<string, Uint8Array>();
  const word = (text: string) => {
    let bytes = words.get(text);
    if (bytes === undefined) {
      bytes = utf8(JSON.stringify(text));
      words.set(text, bytes);
    }
    return bytes;
  };
  const scores = new Map<number, Uint8Array>();
  const lists = new Map<readonly Reason[], { reason: Uint8Array; reasons: Uint8Array }>();
  const shared = new Map<Reason, { text: string; json: string }>();
  const oneReason = (reason: Reason) => {
    if (!Object.isFrozen(reason)) return { text: formatReason(reason, locale), json: JSON.stringify(reason) };
    let found = shared.get(reason);
    if (found === undefined) {
      found = { text: formatReason(reason, locale), json: JSON.stringify(reason) };
      shared.set(reason, found);
    }
    return found;
  };
  const wordReasons = (reasons: readonly Reason[]): WordedReasons => {
    let text = '';
    let json = '[';
    for (let i = 0; i < reasons.length; i++) {
      const one = oneReason(reasons[i]);
      text += i === 0 ? one.text : separator + one.text;
      json += i === 0 ? one.json : ',' + one.json;
    }
    return { reason: JSON.stringify(text), reasons: json + ']' };
  };
  /** A shared (frozen) list's two texts, encoded once. */
  const sharedList = (reasons: readonly Reason[]) => {
    let found = lists.get(reasons);
    if (found === undefined) {
      const worded = wordReasons(reasons);
      found = { reason: utf8(worded.reason), reasons: utf8(worded.reasons) };
      lists.set(reasons, found);
    }
    return found;
  };
  const rows = (sink: ByteSink, list: readonly number[]) => {
    for (let i = 0; i < list.length; i++) {
      if (i > 0) sink.ascii(',');
      sink.json(list[i]);
    }
  };
  /** toFixed2 of a side's total as a JSON string: from the report's exact cents when it has them. */
  const total = (sink: ByteSink, m: ReportMatch, side: 'ledger' | 'bank') => {
    const known = side === 'ledger' ? m.ledgerCents : m.bankCents;
    if (typeof known === 'number' && known === known) {
      sink.ascii('"');
      sink.cents(known);
      sink.ascii('"');
    } else money(sink, side === 'ledger' ? m.ledgerTotal : m.bankTotal);
  };
  const money = (sink: ByteSink, amount: Decimal) => {
    const cents = exactCents(amount);
    if (cents === cents) {
      sink.ascii('"');
      sink.cents(cents);
      sink.ascii('"');
    } else sink.text(JSON.stringify(amount.toFixed(2)));
  };
  return (sink, m) => {
    const plain =
      typeof m.id === 'string' && typeof m.status === 'string' && typeof m.rule === 'string' && typeof m.score === 'number' &&
      Array.isArray(m.ledgerRows) && Array.isArray(m.bankRows) && Array.isArray(m.reasons);
    if (!plain) {
      sink.json(toMatchJson(m));
      return;
    }
    let score = scores.get(m.score);
    if (score === undefined) {
      score = utf8(JSON.stringify(m.score));
      if (scores.size < 1000) scores.set(m.score, score);
    }
    const own = Object.isFrozen(m.reasons) ? null : wordReasons(m.reasons);
    const worded = own === null ? sharedList(m.reasons) : null;
    sink.bytes(MATCH_KEYS.id);
    sink.text(JSON.stringify(m.id));
    sink.bytes(MATCH_KEYS.ledgerRows);
    rows(sink, m.ledgerRows);
    sink.bytes(MATCH_KEYS.bankRows);
    rows(sink, m.bankRows);
    sink.bytes(MATCH_KEYS.status);
    sink.bytes(word(m.status));
    sink.bytes(MATCH_KEYS.rule);
    sink.bytes(word(m.rule));
    sink.bytes(MATCH_KEYS.score);
    sink.bytes(score);
    sink.bytes(MATCH_KEYS.difference);
    money(sink, m.difference);
    sink.bytes(MATCH_KEYS.reason);
    if (worded) sink.bytes(worded.reason);
    else sink.text(own!.reason);
    sink.bytes(MATCH_KEYS.ledgerTotal);
    total(sink, m, 'ledger');
    sink.bytes(MATCH_KEYS.bankTotal);
    total(sink, m, 'bank');
    sink.bytes(MATCH_KEYS.reasons);
    if (worded) sink.bytes(worded.reasons);
    else sink.text(own!.reasons);
    sink.ascii('}');
  };
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
