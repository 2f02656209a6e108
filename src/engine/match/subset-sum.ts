/**
 * Which few of these amounts add up exactly to the target? A bounded depth-first search over at most
 * a couple of dozen candidates (the caller picks the nearest by date), with the usual pruning: values
 * are searched largest first, a branch stops when even its largest remaining values cannot reach the
 * target, and the whole search stops after a fixed number of visited nodes. Integers only (cents).
 */

export interface SubsetSearch {
  /** Each solution lists indices into `values`, ascending. */
  solutions: number[][];
  /** True when the search looked at everything: no node cap hit, no solution limit hit. */
  exhausted: boolean;
}

export interface SubsetLimits {
  minSize: number;
  maxSize: number;
  /** Stop after this many solutions (2 is enough to know a combination is not unique). */
  maxSolutions: number;
  maxNodes: number;
}

/** `values` must be positive integers; the target too. */
export function exactSubsets(values: readonly number[], target: number, limits: SubsetLimits): SubsetSearch {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  const sorted = order.map((i) => values[i]);
  const n = sorted.length;
  // prefix[i] = sum of the i largest values; the k largest from i on sum to prefix[i + k] - prefix[i].
  const prefix = new Array<number>(n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + sorted[i];

  const solutions: number[][] = [];
  const picked: number[] = [];
  let nodes = 0;
  let stopped = false;

  const search = (start: number, remaining: number): void => {
    if (stopped) return;
    if (++nodes > limits.maxNodes) {
      stopped = true;
      return;
    }
    const slots = limits.maxSize - picked.length;
    for (let i = start; i < n && !stopped; i++) {
      const value = sorted[i];
      if (value > remaining) continue;
      // Even the largest values left cannot reach the target: no later (smaller) start can either.
      if (prefix[Math.min(n, i + slots)] - prefix[i] < remaining) break;
      picked.push(i);
      if (value === remaining) {
        if (picked.length >= limits.minSize) {
          solutions.push(picked.map((k) => order[k]).sort((a, b) => a - b));
          if (solutions.length >= limits.maxSolutions) stopped = true;
        }
      } else if (slots > 1) {
        search(i + 1, remaining - value);
      }
      picked.pop();
    }
  };

  if (target > 0 && limits.maxSize >= limits.minSize) search(0, target);
  return { solutions, exhausted: !stopped };
}
