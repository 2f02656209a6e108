/**
 * Evidence for each candidate reading, as tables: words in titles and headers, words in the rows'
 * descriptions, the running balance, counterparties on both sides. Each rule adds points to the
 * readings it supports and says why, as a reason code with params (rendered by src/i18n/read-texts.ts).
 * The data test against the other side (decide-readings.ts) comes on top of these points.
 */
import Decimal from 'decimal.js';
import { isInvoiceOrBill, type Reason, type SideKind } from '../types';
import { sidedBalance, type BalanceSide } from './balance-side';
import { balanceMovement, effectUnder, type MovementBucket, type Reading, type ReadingKey } from './readings';
import { normalizeLabel } from './text';

/** Words in titles or headers, and the readings they support. */
interface KindWords {
  words: string[];
  readings: ReadingKey[];
  points: number;
  /** Where the word counts: a header cell holding 发票号 says less than a title saying 应收账款明细账. */
  where: 'title' | 'header' | 'both';
}

const LEDGER_OF_PAYABLES: ReadingKey[] = ['payables-ledger', 'counterparty-payables-ledger'];
const LEDGER_OF_RECEIVABLES: ReadingKey[] = ['receivables-ledger', 'counterparty-receivables-ledger'];
const CARD: ReadingKey[] = ['card-statement', 'card-statement-flipped'];

export const KIND_WORDS: readonly KindWords[] = [
  { words: ['银行存款', '日记账', '銀行存款', '日記帳', '现金日记账', '出纳', '出納', '资金日报', '資金日報', 'cashbook', 'cashjournal', 'bankjournal'], readings: ['cash-journal'], points: 4, where: 'both' },
  { words: ['应付', '應付', 'accountspayable', 'payable'], readings: LEDGER_OF_PAYABLES, points: 4, where: 'both' },
  { words: ['应收', '應收', 'accountsreceivable', 'receivable'], readings: LEDGER_OF_RECEIVABLES, points: 4, where: 'both' },
  // a cash journal often names the invoice or the customer too: weak words, outweighed by the rows and the data
  { words: ['发票', '發票', 'invoice'], readings: LEDGER_OF_RECEIVABLES, points: 1.5, where: 'header' },
  { words: ['供应商', '供應商', 'supplier', 'vendor'], readings: LEDGER_OF_PAYABLES, points: 1, where: 'header' },
  // vouchers and accounts are a ledger's: a bank side that has them may be a counterparty's own ledger
  { words: ['凭证号', '凭证字号', '凭证编号', '憑證號碼', '会计科目', '會計科目', 'voucher'], readings: ['counterparty-payables-ledger', 'counterparty-receivables-ledger'], points: 1.5, where: 'header' },
  {
    words: ['信用卡', '贷记卡', '貸記卡', 'creditcard', '卡号末四位', '卡号后四位', '卡末四位', '卡號末四碼', 'cardlast4', 'cardnumber', 'cardno', '最低还款', 'minimumpayment', 'statementbalance'],
    readings: CARD,
    points: 3,
    where: 'both',
  },
];

/**
 * What a word at the start of (or inside) a description says about the row. `cash`: money moved, in
 * or out (an invoice or a bill that is paid: `Catering invoice paid`, `BILL PAYMENT`, 发票已付).
 */
export type RowMeaning = 'in' | 'out' | 'invoice' | 'bill' | 'cash';

interface RowWords {
  words: string[];
  meaning: RowMeaning;
  /** Counts only for readings of these kinds: 还款 is a payment INTO a card, but out of a debit account. */
  kinds?: SideKind[];
  /** prefix: the description starts with it (消费 in 消费-美团); contains: anywhere (收到甲公司货款). */
  match: 'prefix' | 'contains';
}

/** Description words and what they mean. Invoices and bills are not bank movements: on a bank reading they do not fit. */
export const ROW_WORDS: readonly RowWords[] = [
  { words: ['收到货款', '收货款', '回款', '收款', '收到', '收回', '货款收入', 'customerpayment', 'paymentreceived', 'paymentfrom', 'receivedfrom', 'receipt'], meaning: 'in', match: 'contains' },
  { words: ['退货', '退貨', '退款', '返现', '存入', 'payment-thankyou', 'paymentthankyou', 'refund', 'return', 'deposit', 'cashback'], meaning: 'in', match: 'prefix' },
  { words: ['还款', '還款', 'payment'], meaning: 'in', match: 'contains', kinds: ['card-statement'] },
  { words: ['退款', '退货'], meaning: 'in', match: 'contains' },
  { words: ['支付', '付款', '付给', '付货款', '支付货款', '报销', 'paymentto', 'paidto', 'supplierpayment', 'withdrawal'], meaning: 'out', match: 'contains' },
  { words: ['消费', '消費', '取现', '取現', '预借现金', '年费', '年費', 'purchase', 'cashadvance', 'annualfee'], meaning: 'out', match: 'prefix' },
  { words: ['开票', '開票', '销售', '銷售', '确认收入', '確認收入', '应收', 'invoice', 'sales', 'salesinvoice'], meaning: 'invoice', match: 'contains' },
  { words: ['采购', '採購', '进货', '進貨', '应付', 'bill', 'purchaseinvoice'], meaning: 'bill', match: 'contains' },
];

const NORMAL_ROW_WORDS = ROW_WORDS.map((rule) => ({ ...rule, words: rule.words.map(normalizeLabel) }));

/**
 * Words of a settlement: beside `invoice` or `bill` they make the row a payment of one, not the
 * document itself. `Catering invoice paid` in a cash book once read the whole book as a receivables
 * ledger (two such lines, no other row words); Barclays writes `BILL PAYMENT` on every bill it pays.
 */
const SETTLEMENT_WORDS = ['paid', 'payment', 'settle', 'received', 'receipt', '已付', '已收', '结清', '結清', '核销', '核銷', '付讫', '付訖', '收讫', '收訖', '回款', '收款', '付款', '支付', '到账', '到帳'].map(normalizeLabel);
/** …unless the settlement is denied. */
const UNSETTLED_WORDS = ['unpaid', 'notpaid', 'outstanding', 'overdue', '未付', '未收', '未结', '未結'].map(normalizeLabel);

/** The settlement word in a normalised description, or undefined. */
function settlementWord(normal: string): string | undefined {
  const word = SETTLEMENT_WORDS.find((w) => normal.indexOf(w) >= 0);
  return word !== undefined && !UNSETTLED_WORDS.some((w) => normal.indexOf(w) >= 0) ? word : undefined;
}

/** The first word of ROW_WORDS found in a description, with what it means. */
export function rowMeanings(description: string): { meaning: RowMeaning; word: string; kinds?: SideKind[] }[] {
  if (description === '') return [];
  const normal = normalizeLabel(description);
  const found: { meaning: RowMeaning; word: string; kinds?: SideKind[] }[] = [];
  for (const rule of NORMAL_ROW_WORDS) {
    const word = rule.words.find((w) => (rule.match === 'prefix' ? normal.startsWith(w) : normal.indexOf(w) >= 0));
    if (word) found.push({ meaning: rule.meaning, word, kinds: rule.kinds });
  }
  const paper = found.find((hit) => isInvoiceOrBill(hit.meaning));
  const settled = paper ? settlementWord(normal) : undefined;
  if (!paper || settled === undefined) return found;
  // an invoice or bill paid: money moved; the direction comes from an in/out word when there is one
  const moved = found.filter((hit) => !isInvoiceOrBill(hit.meaning));
  return [...moved, { meaning: 'cash', word: `${paper.word} ${settled}` }];
}

/** One data row as the plan stage samples it: the value as written and what surrounds it. */
export interface SampleMovement {
  bucket: MovementBucket;
  value: Decimal;
  description: string;
  counterparty: string;
  balance: Decimal | null;
  /** The side the balance stands on, when a 方向 column writes it (`balance` is then as written): each reading signs it its own way. */
  balanceSide?: BalanceSide;
}

export interface ScoredReading {
  reading: Reading;
  /** Readings with the same signature read every row alike (readings.ts signatureOf). */
  signature: string;
  score: number;
  evidence: Reason[];
  /** Contradicted by the side's own balance column: never used. */
  contradicted: boolean;
}

/** Points for the row words when all of them agree with a reading. */
const ROW_WORD_POINTS = 4;
/** Points for a balance column that agrees on every row. */
const BALANCE_POINTS = 4;
/** Points when every counterparty has lines on both sides (invoices and receipts). */
const BOTH_SIDES_POINTS = 2.5;
/** Title lines longer than this are notes, not names of the book. */
const MAX_TITLE_LENGTH = 40;
/** Numbered notes and sentences (`1. …`, `注：…`, text with a full-width comma) say nothing about the book. */
const NOTE_LINE = /^(?:\d+\s*[.、)]|注|note)|，/i;
/** A balance column decides only on this many checkable neighbour pairs. */
const MIN_BALANCE_PAIRS = 3;

function wordEvidence(reading: Reading, titles: string, headers: string): { points: number; evidence: Reason[] } {
  let points = 0;
  const evidence: Reason[] = [];
  for (const rule of KIND_WORDS) {
    if (!rule.readings.includes(reading.key)) continue;
    const places: Array<['title' | 'header', string]> = [];
    if (rule.where !== 'header') places.push(['title', titles]);
    if (rule.where !== 'title') places.push(['header', headers]);
    for (const [where, text] of places) {
      const word = rule.words.find((w) => text.indexOf(normalizeLabel(w)) >= 0);
      if (word) {
        points += rule.points;
        evidence.push({ code: reading.kind === 'card-statement' ? 'evidence-card' : where === 'title' ? 'evidence-title-word' : 'evidence-header-word', params: { word } });
        break;
      }
    }
  }
  return { points, evidence };
}

/**
 * Does a row's effect under the reading fit what its words say? A counterparty's ledger speaks from its
 * own side (their 支付 is their money out), so its words are weighed before the signs are reversed.
 */
function fits(reading: Reading, meaning: RowMeaning, row: SampleMovement): boolean {
  const effect = effectUnder({ ...reading, opposite: false }, row.bucket, row.value);
  switch (meaning) {
    case 'in':
      return effect.amount.isPositive() && !isInvoiceOrBill(effect.document);
    case 'out':
      return effect.amount.isNegative() && !isInvoiceOrBill(effect.document);
    case 'invoice':
      return effect.document === 'invoice';
    case 'bill':
      return effect.document === 'bill';
    case 'cash':
      return !isInvoiceOrBill(effect.document);
  }
}

interface RowWordHit {
  row: SampleMovement;
  meaning: RowMeaning;
  word: string;
  kinds?: SideKind[];
}

function rowWordEvidence(reading: Reading, hits: readonly RowWordHit[]): { points: number; evidence: Reason[] } {
  // per row, the first word that applies to this reading's kind
  const counted: RowWordHit[] = [];
  let last: SampleMovement | null = null;
  for (const hit of hits) {
    if (hit.row === last) continue;
    if (hit.kinds && !hit.kinds.includes(reading.kind)) continue;
    counted.push(hit);
    last = hit.row;
  }
  if (counted.length === 0) return { points: 0, evidence: [] };
  let agree = 0;
  for (const hit of counted) if (fits(reading, hit.meaning, hit.row)) agree++;
  const share = (2 * agree - counted.length) / counted.length; // −1 … 1
  const weight = Math.min(1, counted.length / 3); // one word is a hint, three a pattern
  return { points: ROW_WORD_POINTS * share * weight, evidence: agree > 0 ? [{ code: 'evidence-row-words', params: { agree, total: counted.length, word: counted[0].word } }] : [] };
}

/** A sampled row's balance as a reading reads it: signed by its written side, if any. */
function balanceUnder(reading: Reading, row: SampleMovement): Decimal | null {
  return row.balance && row.balanceSide !== undefined ? sidedBalance(row.balance, row.balanceSide, reading.kind) : row.balance;
}

/** Neighbour pairs whose balance change equals the row's movement (oldest-first or newest-first). */
function balanceAgreement(reading: Reading, rows: readonly SampleMovement[]): { agree: number; total: number } {
  let agree = 0;
  let total = 0;
  for (let i = 1; i < rows.length; i++) {
    const prev = balanceUnder(reading, rows[i - 1]);
    const curr = balanceUnder(reading, rows[i]);
    if (!prev || !curr) continue;
    total++;
    const forward = curr.minus(prev);
    const backward = prev.minus(curr);
    if (forward.equals(balanceMovement(reading, rows[i].bucket, rows[i].value)) || backward.equals(balanceMovement(reading, rows[i - 1].bucket, rows[i - 1].value))) agree++;
  }
  return { agree, total };
}

/** Share of counterparties (with at least two lines) that have lines in both buckets or of both signs. */
function bothSides(rows: readonly SampleMovement[]): { count: number; total: number } {
  const seen = new Map<string, number>();
  const lines = new Map<string, number>();
  for (const row of rows) {
    if (row.counterparty === '') continue;
    const side = row.bucket === 'signed' ? (row.value.isNegative() ? 2 : 1) : row.bucket === 'in' || row.bucket === 'debit' ? 1 : 2;
    seen.set(row.counterparty, (seen.get(row.counterparty) ?? 0) | side);
    lines.set(row.counterparty, (lines.get(row.counterparty) ?? 0) + 1);
  }
  let count = 0;
  let total = 0;
  for (const [name, mask] of seen) {
    if ((lines.get(name) ?? 0) < 2) continue;
    total++;
    if (mask === 3) count++;
  }
  return { count, total };
}

/**
 * Scores every candidate. `signatures` groups readings that read every row alike; a balance column
 * contradicts a reading only when another reading, reading the rows differently, agrees with it.
 */
export function scoreReadings(
  candidates: readonly Reading[],
  titles: readonly string[],
  headers: readonly string[],
  sample: readonly SampleMovement[],
  signatures: ReadonlyMap<ReadingKey, string>,
): ScoredReading[] {
  // long title lines are notes (WeChat's "信用卡还款等交易，将计入中性交易"), not what the book is called
  const titleText = titles.filter((t) => t.length <= MAX_TITLE_LENGTH && !NOTE_LINE.test(t)).map(normalizeLabel).join('|');
  const headerText = headers.map(normalizeLabel).join('|');
  const hits: RowWordHit[] = [];
  // descriptions repeat down a sample (the same 转账, the same supplier): each distinct one is looked at once
  const meanings = new Map<string, ReturnType<typeof rowMeanings>>();
  for (const row of sample) {
    let found = meanings.get(row.description);
    if (!found) {
      found = rowMeanings(row.description);
      meanings.set(row.description, found);
    }
    for (const meaning of found) hits.push({ row, ...meaning });
  }
  const both = bothSides(sample);
  const balances = new Map<ReadingKey, { agree: number; total: number }>();
  // card balances are often the amount owed (rising with purchases): they say nothing about the sign
  for (const reading of candidates) if (reading.kind !== 'card-statement') balances.set(reading.key, balanceAgreement(reading, sample));
  const bestBalance = Math.max(0, ...[...balances.values()].map((b) => b.agree));

  const scored: ScoredReading[] = [];
  for (const reading of candidates) {
    const words = wordEvidence(reading, titleText, headerText);
    // a card reading needs a word saying it is a card: a debit account's 还款 is money out
    if (reading.requiresWords && words.points === 0) continue;
    const rowWords = rowWordEvidence(reading, hits);
    let score = reading.prior + words.points + rowWords.points;
    const evidence = [...words.evidence, ...rowWords.evidence];
    let contradicted = false;
    const balance = balances.get(reading.key);
    if (balance && balance.total >= MIN_BALANCE_PAIRS) {
      const share = balance.agree / balance.total;
      const othersAgree = [...balances.entries()].some(
        ([key, b]) => signatures.get(key) !== signatures.get(reading.key) && b.agree >= 0.6 * b.total && b.agree === bestBalance,
      );
      if (share < 0.2 && othersAgree) {
        contradicted = true;
        evidence.push({ code: 'evidence-balance-contradicts', params: { kind: reading.key, agree: balance.agree, total: balance.total } });
      } else if (share > 0) {
        score += BALANCE_POINTS * share;
        evidence.push({ code: 'evidence-balance', params: { agree: balance.agree, total: balance.total } });
      }
    }
    // invoices and receipts of one customer sit on both sides of a receivables ledger; a cash journal's
    // customer mostly pays in
    if (both.total >= 3 && (reading.kind === 'receivables-ledger' || reading.kind === 'payables-ledger') && !reading.opposite) {
      const share = both.count / both.total;
      if (share >= 0.3) score += BOTH_SIDES_POINTS * share;
      if (both.count > 0) evidence.push({ code: 'evidence-both-sides', params: { count: both.count, total: both.total } });
    }
    if (evidence.length === 0 && reading.prior > 0) evidence.push({ code: 'evidence-default', params: {} });
    scored.push({ reading, signature: signatures.get(reading.key) ?? reading.key, score, evidence, contradicted });
  }
  return scored;
}

export const ZERO = new Decimal(0);
