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
import { formatReason, formatReasons, reasonParamText, reasonTemplate } from '../i18n/reasons';
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

const CODE_KEY = utf8('{"code":');
const PARAMS_KEY = utf8(',"params":');

/** A shared reason, encoded once: its worded text (escaped, without quotes) and its JSON. */
interface ReasonBytes {
  text: Uint8Array;
  json: Uint8Array;
}

/** A code's text split at its placeholders, the literals encoded (escaped) once. */
interface EncodedTemplate {
  literals: Uint8Array[];
  keys: string[];
  /** `{key}` as written, for a param that is absent. */
  absent: Uint8Array[];
}

/**
 * Writes one match exactly as JSON.stringify(matchJsonMaker(locale)(m)) would, straight into the sink.
 * Texts that repeat are encoded once: status, rule, score, each shared (frozen) reason and list, and
 * each code's text around its placeholders; a reason with its own params (a reference, a fee) has only
 * its values written (escaped as JSON.stringify escapes them) and its data stringified.
 */
function matchWriter(locale: Locale): (sink: ByteSink, m: ReportMatch) => void {
  const toMatchJson = matchJsonMaker(locale);
  const separator = utf8(locale === 'en' ? '; ' : '；');
  const escaped = (text: string) => utf8(JSON.stringify(text).slice(1, -1));
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
  const shared = new Map<Reason, ReasonBytes>();
  const sharedReason = (reason: Reason) => {
    let found = shared.get(reason);
    if (found === undefined) {
      found = { text: escaped(formatReason(reason, locale)), json: utf8(JSON.stringify(reason)) };
      shared.set(reason, found);
    }
    return found;
  };
  const templates = new Map<string, EncodedTemplate | null>();
  const templateOf = (code: string) => {
    let found = templates.get(code);
    if (found === undefined) {
      const template = reasonTemplate(code, locale);
      found = template && {
        literals: template.literals.map(escaped),
        keys: template.keys,
        absent: template.keys.map((key) => escaped(`{${key}}`)),
      };
      templates.set(code, found);
    }
    return found;
  };
  /** formatReason(reason), escaped, written in place. */
  const reasonText = (sink: ByteSink, reason: Reason) => {
    if (Object.isFrozen(reason)) {
      sink.bytes(sharedReason(reason).text);
      return;
    }
    const template = templateOf(reason.code);
    if (template === null) {
      sink.jsonText(reason.code);
      return;
    }
    const { literals, keys, absent } = template;
    sink.bytes(literals[0]);
    for (let k = 0; k < keys.length; k++) {
      const value = reason.params[keys[k]];
      if (value === undefined) sink.bytes(absent[k]);
      else sink.jsonText(reasonParamText(keys[k], value, locale));
      sink.bytes(literals[k + 1]);
    }
  };
  /** The two texts of a reason list: the worded reasons as one JSON string, and their data. */
  const reasonTexts = (sink: ByteSink, reasons: readonly Reason[]) => {
    sink.ascii('"');
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) sink.bytes(separator);
      reasonText(sink, reasons[i]);
    }
    sink.ascii('"');
  };
  /**
   * JSON.stringify(reason) for a reason of the usual shape ({code, params} with text and number
   * values, keys in the order JSON.stringify takes them: the order for…in gives); anything else is
   * stringified as it is.
   */
  const ownReasonData = (sink: ByteSink, reason: Reason) => {
    let keys = 0;
    let usual = true;
    for (const key in reason) {
      if (keys === 0 ? key !== 'code' : keys === 1 ? key !== 'params' : true) usual = false;
      keys++;
    }
    const params = reason.params;
    if (usual && keys === 2 && typeof reason.code === 'string' && params !== null && typeof params === 'object' && Object.getPrototypeOf(params) === Object.prototype) {
      for (const key in params) {
        const type = typeof params[key];
        if ((type !== 'string' && type !== 'number') || !Object.prototype.hasOwnProperty.call(params, key)) usual = false;
      }
    } else usual = false;
    if (!usual) {
      sink.text(JSON.stringify(reason));
      return;
    }
    sink.bytes(CODE_KEY);
    sink.bytes(word(reason.code));
    sink.bytes(PARAMS_KEY);
    let first = true;
    for (const key in params) {
      sink.ascii(first ? '{' : ',');
      first = false;
      sink.bytes(word(key));
      sink.ascii(':');
      const value = params[key];
      if (typeof value === 'number') sink.number(value);
      else {
        sink.ascii('"');
        sink.jsonText(value);
        sink.ascii('"');
      }
    }
    sink.ascii(first ? '{}}' : '}}');
  };
  const reasonData = (sink: ByteSink, reasons: readonly Reason[]) => {
    sink.ascii('[');
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) sink.ascii(',');
      const reason = reasons[i];
      if (Object.isFrozen(reason)) sink.bytes(sharedReason(reason).json);
      else ownReasonData(sink, reason);
    }
    sink.ascii(']');
  };
  /** A shared (frozen) list's two texts, encoded once. */
  const sharedList = (reasons: readonly Reason[]) => {
    let found = lists.get(reasons);
    if (found === undefined) {
      const scratch = new ByteSink(1024);
      reasonTexts(scratch, reasons);
      const reason = scratch.take().slice();
      reasonData(scratch, reasons);
      found = { reason, reasons: scratch.take().slice() };
      lists.set(reasons, found);
    }
    return found;
  };
  const rowsScratch: number[] = [];
  const rows = (sink: ByteSink, m: ReportMatch, side: 'ledger' | 'bank') => {
    let list: readonly number[];
    let n: number;
    if (m.rowsInto) {
      n = m.rowsInto(side, rowsScratch);
      list = rowsScratch;
    } else {
      list = side === 'ledger' ? m.ledgerRows : m.bankRows;
      n = list.length;
    }
    for (let i = 0; i < n; i++) {
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
    // the shape every report match has; anything else is stringified as it is
    const plain = typeof m.id === 'string' && typeof m.status === 'string' && typeof m.rule === 'string' && typeof m.score === 'number' && Array.isArray(m.reasons);
    if (!plain) {
      sink.json(toMatchJson(m));
      return;
    }
    let score = scores.get(m.score);
    if (score === undefined) {
      score = utf8(JSON.stringify(m.score));
      if (scores.size < 1000) scores.set(m.score, score);
    }
    const list = Object.isFrozen(m.reasons) ? sharedList(m.reasons) : null;
    sink.bytes(MATCH_KEYS.id);
    sink.ascii('"');
    sink.jsonText(m.id);
    sink.ascii('"');
    sink.bytes(MATCH_KEYS.ledgerRows);
    rows(sink, m, 'ledger');
    sink.bytes(MATCH_KEYS.bankRows);
    rows(sink, m, 'bank');
    sink.bytes(MATCH_KEYS.status);
    sink.bytes(word(m.status));
    sink.bytes(MATCH_KEYS.rule);
    sink.bytes(word(m.rule));
    sink.bytes(MATCH_KEYS.score);
    sink.bytes(score);
    sink.bytes(MATCH_KEYS.difference);
    money(sink, m.difference);
    sink.bytes(MATCH_KEYS.reason);
    if (list) sink.bytes(list.reason);
    else reasonTexts(sink, m.reasons);
    sink.bytes(MATCH_KEYS.ledgerTotal);
    total(sink, m, 'ledger');
    sink.bytes(MATCH_KEYS.bankTotal);
    total(sink, m, 'bank');
    sink.bytes(MATCH_KEYS.reasons);
    if (list) sink.bytes(list.reasons);
    else reasonData(sink, m.reasons);
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
