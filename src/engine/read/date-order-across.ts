/**
 * Day/month order decided across the two sides. A side whose dates all fit both orders (02/06/2025 …
 * through a month's first twelve days) has its order only guessed from its own file (plan-reading.ts),
 * and a wrong guess meets nothing: a UK cash book read month-first lands in February … December
 * against a June bank export. The other side's lines tell: the order under which more of the side's
 * lines meet a line of the other side (the same size of amount, within the date window) wins. A tie
 * keeps the guess and its warning, unless the tie says the two sides write dates in opposite orders:
 * then the user must say which is which. Sizes, not signs: the kind of book is decided after this, by
 * lines that must then meet on the right days.
 */
import type { BalanceLine, Entry, Reason } from '../types';
import { entryCents, exactCents } from '../cents';
import { makeDate, type DateOrder } from './date';
import { indexByAmount, meetCount, type KeyedLines } from './decide-readings';
import type { SideReading } from './read-side';

const GUESSED = 'date-order-guessed';

/** The same date with day and month the other way round, or null when the day is above 12. */
function swapped(iso: string): { iso: string; day: number } | null {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!(d >= 1 && d <= 12)) return null;
  return makeDate(y, d, m);
}

/** Each line's size in cents and its day, as read or with day and month swapped. */
function keyed(entries: readonly Entry[], swap: boolean): KeyedLines<number> {
  const lines: KeyedLines<number> = { keys: [], days: [] };
  for (const e of entries) {
    const cents = entryCents(e);
    if (cents !== cents || cents === 0) continue;
    const day = swap ? swapped(e.date)?.day : e.day;
    if (day === undefined) continue;
    // a platform's line may be booked at its other size (stated fee: decide-readings.ts does the same)
    const other = e.feeAlternative ? exactCents(e.feeAlternative) : NaN;
    if (other === other) (lines.feeKeys ??= new Map()).set(lines.keys.length, other);
    lines.keys.push(cents < 0 ? -cents : cents);
    lines.days.push(day);
  }
  return lines;
}

function guessedLine(side: SideReading): Reason | undefined {
  return side.plan.decisions.find((d) => d.code === GUESSED);
}

const OTHER: Record<DateOrder, DateOrder> = { MDY: 'DMY', DMY: 'MDY', YMD: 'YMD' };

/**
 * Turns a side's dates round (entries and balance lines) and says so in its decisions: decided by the
 * figures, or (`doubtful`) taken one way of two the data cannot tell apart.
 */
function apply(side: SideReading, swap: boolean, figures: { meets: number; otherMeets: number; days: number }, doubtful = false): void {
  const guessed = guessedLine(side)!;
  const order = swap ? OTHER[side.plan.dateRules.order] : side.plan.dateRules.order;
  if (swap) {
    for (const e of side.result.entries) {
      const turned = swapped(e.date);
      if (turned) {
        e.date = turned.iso;
        e.day = turned.day;
      }
    }
    for (const b of side.result.balances ?? ([] as BalanceLine[])) {
      const turned = b.date ? swapped(b.date) : null;
      if (turned) b.date = turned.iso;
    }
    side.plan = { ...side.plan, dateRules: { ...side.plan.dateRules, order } };
  }
  const example = String(guessed.params?.example ?? '');
  const decided: Reason = {
    code: doubtful ? 'date-order-doubtful' : 'date-order-from-other-side',
    params: { example, order: order === 'DMY' ? 'DMY' : 'MDY', ...figures },
  };
  side.plan.decisions = side.plan.decisions.map((d) => (d === guessed ? decided : d));
  side.result.decisions = side.result.decisions.map((d) => (d === guessed ? decided : d));
  side.plan.ambiguousDates = { example, doubtful };
  side.result.dateOrder = { order: order === 'DMY' ? 'DMY' : 'MDY', example, doubtful };
}

export function decideDateOrdersAcross(ledger: SideReading, bank: SideReading, windowDays: number): void {
  const ledgerGuessed = guessedLine(ledger) !== undefined;
  const bankGuessed = guessedLine(bank) !== undefined;
  if (!ledgerGuessed && !bankGuessed) return;
  if (ledger.result.entries.length === 0 || bank.result.entries.length === 0) return;
  const ledgerWays = ledgerGuessed ? [false, true] : [false];
  const bankWays = bankGuessed ? [false, true] : [false];
  const ledgerLines = ledgerWays.map((swap) => keyed(ledger.result.entries, swap));
  const bankLines = bankWays.map((swap) => keyed(bank.result.entries, swap));
  const tried: { ledger: number; bank: number; meets: number }[] = [];
  for (let l = 0; l < ledgerWays.length; l++) {
    for (let b = 0; b < bankWays.length; b++) tried.push({ ledger: l, bank: b, meets: meetCount(ledgerLines[l], indexByAmount(bankLines[b]), windowDays) });
  }
  tried.sort((x, y) => y.meets - x.meets);
  const best = tried[0];
  if (best.meets === 0) return;
  const tied = tried.filter((t) => t.meets === best.meets);
  // Both sides guessed, and they meet only when read in opposite orders (a UK book's 01/05/2023
  // against a Canadian bank's 05/01/2023): either could be the day/month one, and the dates of the
  // report differ by months. One way is taken so that the lines meet, and the side is doubtful: the
  // command line stops and names the flags, the pane asks (before, both kept the guess: nothing met).
  if (tied.length === 2 && tied.every((t) => t.ledger !== t.bank)) {
    const asRead = tried.find((t) => t.ledger === 0 && t.bank === 0)?.meets ?? 0;
    const figures = { meets: best.meets, otherMeets: asRead, days: windowDays };
    apply(ledger, true, figures, true);
    apply(bank, false, figures, true);
    return;
  }
  // Two ways of reading that meet as well (both sides swapped meets as both as read): no evidence.
  if (tied.length > 1) return;
  // What the other way of reading this side (the other side as chosen) would have met.
  const figuresFor = (side: 'ledger' | 'bank') => {
    const other = tried.find((t) => (side === 'ledger' ? t.ledger !== best.ledger && t.bank === best.bank : t.bank !== best.bank && t.ledger === best.ledger));
    return { meets: best.meets, otherMeets: other?.meets ?? 0, days: windowDays };
  };
  if (ledgerGuessed) apply(ledger, best.ledger === 1, figuresFor('ledger'));
  if (bankGuessed) apply(bank, best.bank === 1, figuresFor('bank'));
}
