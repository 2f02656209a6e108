/**
 * Lines in or below a table that are not transactions: totals (合计, Total, 承前页), opening/closing
 * balances, and footers (以上数据仅供参考, 导出信息, dashed lines). They become `skipped` lines with a
 * reason; they are never entries and never silently dropped.
 */
import type { SkipKind } from '../types';
import { ABBREVIATED_BALANCE_WORDS } from './balance-lines';
import { normalizeLabel, trimPadding } from './text';

export interface SummaryWord {
  word: string;
  kind: Extract<SkipKind, 'total' | 'note'>;
  /** prefix: the cell starts with the word; contains: anywhere in a short cell. */
  match: 'prefix' | 'contains';
}

export const SUMMARY_WORDS: readonly SummaryWord[] = [
  // totals and carried balances
  ...['合计', '合計', '总计', '總計', '小计', '小計', '累计', '累計'].map((word) => ({ word, kind: 'total' as const, match: 'contains' as const })),
  ...[
    '本页合计', '本月合计', '本期合计', '本年合计', '本年累计', '本月累计', '人民币合计', '合计金额',
    '承前页', '承上页', '过次页', '转下页', '過次頁', '承前頁', '期初余额', '期末余额', '期初餘額', '期末餘額',
    '上期结转', '上年结转', '结转下期', '结转下年', '上月结转', '月末余额', '年初余额',
    '上期結轉', '上年結轉', '結轉下期', '結轉下年', '上月結轉', '月末餘額', '年初餘額', '承前餘額', '承前余额',
    '上月结余', '上月結餘', '上期结余', '上期結餘', '期初结余', '期初結餘', '期末结余', '本月结余', '本月結餘', '期初',
    // a wallet bill's count line below the table: 微信支付's 资金流水总笔数：5,收入笔数：2,…
    '资金流水总笔数', '交易总笔数', '总交易笔数', '总笔数', '總筆數', '交易總筆數',
    'total', 'subtotal', 'grandtotal', 'pagetotal', 'balanceforward', 'balancebroughtforward', 'broughtforward',
    'carriedforward', 'balancecarriedforward', 'openingbalance', 'closingbalance', 'balanceatstartofperiod',
    'balanceatendofperiod', 'beginningbalance', 'endingbalance', 'startingbalance', 'previousbalance', 'newbalance',
    // a hand-kept cash book's abbreviations: Balance b/f (brought forward), c/f (carried), b/d, c/d (down)
    ...ABBREVIATED_BALANCE_WORDS.opening, ...ABBREVIATED_BALANCE_WORDS.closing,
  ].map((word) => ({ word, kind: 'total' as const, match: 'prefix' as const })),
  // footers and notes
  ...[
    '以上数据仅供参考', '以上数据', '以上資料', '导出信息', '導出信息', '特别提示', '特別提示', '温馨提示', '溫馨提示',
    '注:', '说明:', '說明:', '本明细', '本回单', '本对账单', '打印时间', '打印日期', '制表', '经办', '复核',
    'followingdataisvalid', 'note:', 'notes:', 'disclaimer', 'endofstatement', 'thisstatement',
  ].map((word) => ({ word, kind: 'note' as const, match: 'prefix' as const })),
];

/** Chinese total words are matched anywhere only in short cells: `代发工资合计结算款` is a transaction. */
const MAX_CONTAINS_LENGTH = 8;
/** Longer cells are descriptions, not labels. */
const MAX_LABEL_LENGTH = 40;

const NORMALIZED = SUMMARY_WORDS.map((entry) => ({ ...entry, word: normalizeLabel(entry.word) }));
/** First characters (as char codes) of prefix words: a quick reject before normalising. */
const FIRST_CHARS = new Set<number>();
for (const entry of NORMALIZED) {
  if (entry.match === 'prefix') FIRST_CHARS.add(entry.word.charCodeAt(0));
}
/**
 * The first four characters of ASCII prefix words, packed as a number (7 bits each): a text that starts
 * with four ASCII letters or digits (`Brig…`, `Paym…`, `2025…`) can only start with a word whose first
 * four characters are those, lower-cased. Most cells are rejected here without normalising them.
 */
const ASCII_LEADS = new Set<number>();
for (const entry of NORMALIZED) {
  if (entry.match === 'prefix' && asciiLead(entry.word) >= 0) ASCII_LEADS.add(asciiLead(entry.word));
}

/** The first four characters as one number when they are ASCII letters or digits (lower-cased), else -1. */
function asciiLead(text: string): number {
  if (text.length < 4) return -1;
  let lead = 0;
  for (let i = 0; i < 4; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return -1;
    lead = lead * 128 + c;
  }
  return lead;
}

/** Whether some word starts with an ASCII digit (none does; checked here so a new one cannot slip by). */
const DIGIT_LED_WORDS = NORMALIZED.some((entry) => entry.word.charCodeAt(0) >= 48 && entry.word.charCodeAt(0) <= 57);

/**
 * A cell that can be no summary or note line, told without trimming or looking it up: it starts with an
 * ASCII digit (an amount, a date, a reference number) and holds no 计/計. summaryOf gives null for every
 * such text; this is the cheap test a row's every cell gets first.
 */
export function cannotBeSummary(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c >= 48 && c <= 57 && !DIGIT_LED_WORDS && raw.indexOf('计') < 0 && raw.indexOf('計') < 0;
}

/** Separator and full-width starts that always get a closer look. */
const ALWAYS_LOOK = new Set<number>([...'-=_—－*'].map((c) => c.charCodeAt(0)));

/** A line of dashes, equals signs or underscores (a separator, no content). */
function isRule(text: string): boolean {
  if (text.length < 3) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '-' && c !== '=' && c !== '_' && c !== '—' && c !== '－' && c !== '*' && c !== ' ') return false;
  }
  return true;
}

/** A dashed banner with text inside: `------支付宝（中国）网络技术有限公司  电子客户回单------`. */
function isBanner(text: string): boolean {
  return text.length > 6 && text.startsWith('---') && text.endsWith('---');
}

export interface SummaryMatch {
  kind: Extract<SkipKind, 'total' | 'note'>;
  /** The cell text that matched, for the reason. */
  text: string;
}

/** A dated row is a total only when a cell is the word itself (`本月合计`), not a description starting with it (`TOTAL WINE`). */
const MAX_STRICT_EXTRA = 2;
/** …but the date a balance is stated at may follow the word: `Beginning balance as of 03/01/2025`. */
const STATED_AT_DATE = /(?:asof|asat|at|on)?\d[\d/.\-]*$/;

/**
 * Whether one cell's text marks a total or a note line. `strict` (the row has a valid date): the cell must
 * be the summary word itself, give or take a colon.
 */
export function summaryOf(raw: string, strict = false, memo?: SummaryMemo): SummaryMatch | null {
  const text = trimPadding(raw);
  if (text === '') return null;
  let first = text.charCodeAt(0);
  if (first >= 65 && first <= 90) first += 32; // ASCII lower case, without allocating
  const ruleStart = first === 45 || first === 61 || first === 95;
  if (text.length > MAX_LABEL_LENGTH) return !strict && ruleStart && (isRule(text) || isBanner(text)) ? { kind: 'note', text } : null;
  const lead = asciiLead(text);
  const quick =
    (lead >= 0 ? ASCII_LEADS.has(lead) : FIRST_CHARS.has(first) || ALWAYS_LOOK.has(first) || (first >= 0xff01 && first <= 0xff5e)) ||
    text.indexOf('计') >= 0 ||
    text.indexOf('計') >= 0;
  if (!quick) return null;
  if (isRule(text) || isBanner(text)) return strict ? null : { kind: 'note', text };
  const found = memo ? memo.wordOf(text, strict) : summaryWordOf(text, strict);
  return found && { kind: found.kind, text };
}

/** Names and memos repeat down a column: one reading of a side looks each distinct text up once. */
export class SummaryMemo {
  private readonly seen = new Map<string, SummaryWord | null>();
  private readonly seenStrict = new Map<string, SummaryWord | null>();

  wordOf(text: string, strict: boolean): SummaryWord | null {
    const seen = strict ? this.seenStrict : this.seen;
    let found = seen.get(text);
    if (found === undefined) {
      found = summaryWordOf(text, strict);
      if (seen.size < MAX_REMEMBERED) seen.set(text, found);
    }
    return found;
  }
}

const MAX_REMEMBERED = 20_000;

/** The summary word `text` (trimmed, at most MAX_LABEL_LENGTH long) starts with or holds, or null. */
function summaryWordOf(text: string, strict: boolean): SummaryWord | null {
  const normal = normalizeLabel(text);
  const maxContains = strict ? 6 : MAX_CONTAINS_LENGTH;
  const undated = strict ? normal.replace(STATED_AT_DATE, '') : normal;
  for (const entry of NORMALIZED) {
    const hit =
      entry.match === 'prefix'
        ? normal.startsWith(entry.word) && (!strict || undated.length <= entry.word.length + MAX_STRICT_EXTRA)
        : normal.length <= maxContains && normal.indexOf(entry.word) >= 0;
    if (hit) return entry;
  }
  return null;
}
