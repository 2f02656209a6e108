/**
 * Words in a direction column (收/支, 借贷, Credit / Debit) and in a status column (交易状态) that
 * decide whether a row is money in, money out, or not a movement at all.
 */
import type { Bucket } from './side-kind';
import { normalizeLabel } from './text';

export type DirectionValue = Bucket | 'neutral';

/** Direction words, compared after normalizeLabel (so `借 Dr` is `借dr`). */
export const DIRECTION_WORDS: Record<DirectionValue, string[]> = {
  in: ['收入', '收', '入', '存入', '转入', '收款', '进账', '入账', 'in', 'income', 'deposit', 'moneyin', '+'],
  out: ['支出', '支', '出', '付', '付出', '取出', '转出', '付款', '出账', 'out', 'expense', 'withdrawal', 'moneyout', '-'],
  debit: ['借', '借方', '借dr', 'dr', 'debit', 'd', '借記', '借记'],
  credit: ['贷', '贷方', '贷cr', 'cr', 'credit', 'c', '貸', '貸方', '贷記', '贷记'],
  /** Alipay 不计收支 (and 其他 in its older layout), WeChat 中性交易: transfers between one's own pockets. */
  neutral: ['不计收支', '其他', '中性交易', '中性', '不计入收支', '/'],
};

const LOOKUP = new Map<string, DirectionValue>();
for (const value of Object.keys(DIRECTION_WORDS) as DirectionValue[]) {
  for (const word of DIRECTION_WORDS[value]) LOOKUP.set(normalizeLabel(word), value);
}

/**
 * The direction a cell states; 'empty' for an empty cell; undefined for a word not in the table.
 * Codes such as ACH_CREDIT / ACH_DEBIT count as credit / debit.
 */
export function readDirection(raw: string): DirectionValue | 'empty' | undefined {
  if (raw === '') return 'empty';
  const normal = normalizeLabel(raw);
  const found = LOOKUP.get(normal);
  if (found) return found;
  if (normal.indexOf('credit') >= 0) return 'credit';
  if (normal.indexOf('debit') >= 0) return 'debit';
  return undefined;
}

/**
 * A card book's own words for a line's kind (类型: 消费 / 还款 / 退款), read from the card's side: a
 * purchase is money out, a repayment or a refund money in. Only for a column that writes them and no
 * 收入/支出 beside them: from a debit account, 还款 is money out (paying the card), so a column that
 * mixes the two vocabularies is not read this way.
 */
const CARD_WORDS: Record<'in' | 'out', string[]> = {
  in: ['还款', '還款', '退款', '退货', '退貨', '返现', '返現', '溢缴款', '自动还款', '自動還款'],
  out: ['消费', '消費', '取现', '取現', '预借现金', '預借現金', '年费', '年費', '分期'],
};

const CARD_LOOKUP = new Map<string, 'in' | 'out'>();
for (const value of ['in', 'out'] as const) for (const word of CARD_WORDS[value]) CARD_LOOKUP.set(normalizeLabel(word), value);

/** The direction a card's own word gives (消费 → out, 还款 → in), or undefined. */
export function readCardDirection(raw: string): 'in' | 'out' | undefined {
  return raw === '' ? undefined : CARD_LOOKUP.get(normalizeLabel(raw));
}

/** Status words of rows that moved no money (closed, failed, cancelled). */
export const EXCLUDED_STATUS_WORDS = [
  '交易关闭', '关闭', '關閉', '失败', '失敗', '已撤销', '撤销', '撤銷', '已取消', '取消',
  'closed', 'failed', 'declined', 'denied', 'cancelled', 'canceled', 'rejected', 'void',
];

const STATUS_WORDS = EXCLUDED_STATUS_WORDS.map(normalizeLabel);

/** The status word that excludes a row, or undefined when the status is an ordinary one. */
export function excludedStatus(raw: string): string | undefined {
  if (raw === '') return undefined;
  const normal = normalizeLabel(raw);
  return STATUS_WORDS.find((word) => normal.indexOf(word) >= 0);
}
