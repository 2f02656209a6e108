/**
 * A 出纳流水账 kept for several accounts in one sheet (账户: 现金, 工行基本户, 建行一般户, 支付宝)
 * against one bank's export. The other accounts' lines have no counterpart in this export; left in,
 * they would stand in the bank reconciliation statement as deposits in transit and payments not
 * presented. Which account the export is, the data says: the account whose lines meet the other
 * side's (same amount and direction within the date window). Only when one account clearly does and
 * the others clearly do not are the others set aside, each row skipped with why; when several meet
 * the other side, nothing is set aside and the user is told to select one account's rows.
 *
 * A cash book kept in several currencies (币别 HKD and USD) against one currency's account is the same:
 * the other currency's lines are another account's.
 *
 * The same holds for our 应收账款明细账 of every customer against one customer's own 应付账款明细账
 * (往来对账): the customer is the one whose lines meet theirs; the other customers' lines are not
 * "in our books only", they are another reconciliation.
 */
import type { Entry, ReadResult, Reason, SkipKind, SkippedLine } from '../types';
import { entryCents } from '../cents';
import { isOwedLedger } from '../side-kinds';
import { columnLetter } from './column-letter';
import { anyWithin, indexByAmount } from './decide-readings';
import type { SideReading } from './read-side';
import { formatReadText } from '../../i18n/read-texts';

/** The account taken: at least this many of its lines meet the other side, and this share of them. */
const MIN_MEETS = 3;
const MIN_SHARE = 0.5;
/** An account set aside meets the other side on no more than this share of its lines. */
const MAX_OTHER_SHARE = 0.2;

interface BookFigures {
  book: string;
  lines: number;
  meets: number;
}

/** A line's signed amount as a key (cents where exact). */
function amountKey(e: Entry): string {
  const cents = entryCents(e);
  return cents === cents ? String(cents) : e.amount.toFixed();
}

function meets(e: Entry, other: Map<string, Int32Array>, windowDays: number): boolean {
  const days = other.get(amountKey(e));
  return days !== undefined && anyWithin(days, e.day - windowDays, e.day + windowDays);
}

/** Per book named on the side (blank left out), its lines and how many meet the other side. */
function splitFigures(entries: readonly Entry[], other: readonly Entry[], windowDays: number, key: (e: Entry) => string): BookFigures[] {
  // Most sides name one book or none: then there is nothing to split, and the other side need not be indexed.
  let first = '';
  let several = false;
  for (let i = 0; i < entries.length && !several; i++) {
    const book = key(entries[i]);
    if (book === '' || book === first) continue;
    if (first === '') first = book;
    else several = true;
  }
  if (!several) return [];
  // The other side's days per signed amount, as the data test indexes them.
  const index = indexByAmount({ keys: other.map(amountKey), days: other.map((e) => e.day) });
  const byBook = new Map<string, BookFigures>();
  for (const e of entries) {
    const book = key(e);
    if (book === '') continue;
    let figures = byBook.get(book);
    if (!figures) byBook.set(book, (figures = { book, lines: 0, meets: 0 }));
    figures.lines++;
    if (meets(e, index, windowDays)) figures.meets++;
  }
  const share = (f: BookFigures) => f.meets / f.lines;
  return [...byBook.values()].sort((a, b) => share(b) - share(a) || b.meets - a.meets);
}

/** What splits a side into books of their own, and how its choice is told. */
interface Split {
  key: (e: Entry) => string;
  /** The column's header and letter, for the messages ('' when the split has no column). */
  header: string;
  letter: string;
  skipKind: SkipKind;
  codes: { skip: string; chosen: string; several: string };
}

/**
 * Keeps only the lines of the book (account, customer) the other side is, and lines that name none,
 * when the data says clearly which one it is. Changes `side.result` in place; runs once both readings
 * are decided.
 */
function keepOne(side: SideReading, other: ReadResult, windowDays: number, split: Split): void {
  const result = side.result;
  const figures = splitFigures(result.entries, other.entries, windowDays, split.key);
  if (figures.length < 2) return;
  const { header, letter } = split;
  const share = (f: BookFigures) => f.meets / f.lines;
  const [best, ...rest] = figures;
  const clear = best.meets >= MIN_MEETS && share(best) >= MIN_SHARE && rest.every((f) => share(f) <= MAX_OTHER_SHARE);
  if (!clear) {
    const meeting = figures.filter((f) => f.meets >= 2 && share(f) > MAX_OTHER_SHARE);
    if (meeting.length >= 2) {
      const why: Reason = { code: split.codes.several, params: { header, column: letter, count: figures.length, accounts: meeting.map((f) => f.book).join(' / ') } };
      result.issues.push({ side: result.side, row: result.headerRow, ...(letter !== '' && { column: letter }), severity: 'warning', message: formatReadText(why, 'en'), why });
    }
    return;
  }

  const kept: Entry[] = [];
  const skipped: SkippedLine[] = [];
  for (const e of result.entries) {
    const book = split.key(e);
    if (book === '' || book === best.book) {
      e.index = kept.length;
      kept.push(e);
    } else {
      const why: Reason = { code: split.codes.skip, params: { account: book, chosen: best.book } };
      skipped.push({ side: result.side, row: e.row, kind: split.skipKind, reason: formatReadText(why, 'en'), why });
    }
  }
  result.entries = kept;
  result.skipped = [...result.skipped, ...skipped].sort((a, b) => a.row - b.row);
  result.decisions.push({
    code: split.codes.chosen,
    params: { header, column: letter, count: figures.length, chosen: best.book, meets: best.meets, lines: best.lines, skipped: skipped.length, others: rest.map((f) => f.book).join(' / ') },
  });
}

/** A sheet of several accounts (its 账户 column) against one of them. */
export function keepOneAccount(side: SideReading, other: ReadResult, windowDays: number): void {
  const { plan, result } = side;
  const column = plan.accountColumn;
  // One account's cash only: a receivables ledger's 账户 is not the account money went through.
  if (column === undefined || isOwedLedger(result.kind) || other.entries.length === 0) return;
  keepOne(side, other, windowDays, {
    key: (e) => e.account ?? '',
    header: plan.layout?.texts[column] ?? '',
    letter: columnLetter(plan.firstColumn + column),
    skipKind: 'other-account',
    codes: { skip: 'skip-other-account', chosen: 'account-chosen', several: 'accounts-several' },
  });
}

/** A cash book in several currencies (its 币种 column) against one currency's account; either side. */
export function keepOneCurrency(side: SideReading, other: ReadResult, windowDays: number): void {
  const { plan, result } = side;
  const column = plan.columns.currency;
  if (column === undefined || isOwedLedger(result.kind) || other.entries.length === 0) return;
  keepOne(side, other, windowDays, {
    key: (e) => e.currency,
    header: plan.layout?.texts[column] ?? '',
    letter: columnLetter(plan.firstColumn + column),
    skipKind: 'other-account',
    codes: { skip: 'skip-other-currency', chosen: 'currency-chosen', several: 'currencies-several' },
  });
}

/** Our ledger of several customers (or suppliers) against one of them's own ledger (往来对账). */
export function keepOneCounterparty(side: SideReading, other: ReadResult, windowDays: number): void {
  const { plan, result } = side;
  if (result.side !== 'ledger' || !isOwedLedger(result.kind) || !isOwedLedger(other.kind) || other.entries.length === 0) return;
  const column = plan.columns.counterparty;
  keepOne(side, other, windowDays, {
    key: (e) => e.counterparty,
    header: column === undefined ? '' : plan.layout?.texts[column] ?? '',
    letter: column === undefined ? '' : columnLetter(plan.firstColumn + column),
    skipKind: 'other-counterparty',
    codes: { skip: 'skip-other-counterparty', chosen: 'counterparty-chosen', several: 'counterparties-several' },
  });
}
