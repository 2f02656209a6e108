/**
 * A wallet bill (WeChat Pay, Alipay) marks the moves between one's own pockets as neither in nor out
 * (收/支 `/`, 不计收支): 零钱提现, 转入零钱通, 信用卡还款. The reader sets them aside, rightly for the
 * bill's own 收支, but a book kept for the wallet records them, and its 零钱提现 then stood unexplained
 * as "paid in the books, not yet by the bank". Each such open book line is pointed at the set-aside line
 * of the same size nearest by date within the window, for the user to check: a pointer, never a match.
 */
import type { ReconcileResult, SkippedLine } from '../types';

/** Open ledger entry index → the set-aside wallet line of its size, nearest by date, each line used once. */
export function neutralCounterparts(result: ReconcileResult, open: ReadonlySet<number>): Map<number, SkippedLine> {
  const found = new Map<number, SkippedLine>();
  if (open.size === 0) return found;
  const bySize = new Map<string, SkippedLine[]>();
  for (const line of result.bank.skipped) {
    if (!line.neutral) continue;
    const key = line.neutral.amount.toFixed(2);
    const list = bySize.get(key);
    if (list) list.push(line);
    else bySize.set(key, [line]);
  }
  if (bySize.size === 0) return found;
  const window = result.options.dateWindowDays;
  const used = new Set<SkippedLine>();
  for (const index of [...open].sort((a, b) => a - b)) {
    const entry = result.ledger.entries[index];
    let best: SkippedLine | undefined;
    let bestGap = Infinity;
    for (const line of bySize.get(entry.amount.abs().toFixed(2)) ?? []) {
      const gap = Math.abs(line.neutral!.day - entry.day);
      if (used.has(line) || gap > window || gap >= bestGap) continue;
      best = line;
      bestGap = gap;
    }
    if (best) {
      used.add(best);
      found.set(index, best);
    }
  }
  return found;
}
