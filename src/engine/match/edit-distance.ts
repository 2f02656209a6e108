/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), bounded: we only ever ask "one or two edits apart?", so the work stays within a band
 * of width 2·max+1 and stops as soon as every path is over the bound.
 */

/** Rows reused between calls (this runs for many candidate pairs; no allocation per call). */
let scratch = new Int32Array(3 * 64);

/** Distance between a and b, or max + 1 when it is larger than max. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m) <= max ? Math.max(n, m) : max + 1;

  const big = max + 1;
  const w = m + 1;
  if (scratch.length < 3 * w) scratch = new Int32Array(6 * w);
  const d = scratch;
  // Three rows in one buffer, by offset: the one before last (for swaps), the last, the current.
  let before = 0;
  let last = w;
  let current = 2 * w;
  for (let j = 0; j <= m; j++) {
    d[before + j] = big;
    d[last + j] = j <= max ? j : big;
  }

  for (let i = 1; i <= n; i++) {
    for (let j = 0; j <= m; j++) d[current + j] = big;
    if (i <= max) d[current] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    let rowBest = d[current];
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(d[last + j] + 1, d[current + j - 1] + 1, d[last + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, d[before + j - 2] + 1);
      if (v > big) v = big;
      d[current + j] = v;
      if (v < rowBest) rowBest = v;
    }
    if (rowBest > max) return big;
    const spare = before;
    before = last;
    last = current;
    current = spare;
  }
  return d[last + m] > max ? big : d[last + m];
}
