/**
 * Turning candidate pairs into 1:1 matches without tossing coins. Candidates are taken strongest
 * first (strength, then score, then the order the pass found them in, which follows canonical
 * positions: deterministic), each entry once. A taken pair
 * is reported as
 *   unique    – neither entry had any other candidate in this pass;
 *   dominant  – it is the only pair with the top strength at both of its ends (e.g. the one candidate
 *               whose names agree among several of equal amount);
 *   othersSettled – every other candidate of either end lost its other end to a stronger pair the
 *               pass settled (took as auto): what is left of the choice is this pair alone.
 * Passes decide what those mean for auto vs suggested; `rivals` feeds the 'ambiguous' reason.
 *
 * A pass can hold a million candidates, so they live in typed arrays, not one object each.
 */

/** Candidate pairs of one pass: canonical positions, a 0..1 ranking score, a small integer strength. */
export class Candidates {
  l = new Int32Array(1024);
  b = new Int32Array(1024);
  score = new Float64Array(1024);
  strength = new Int8Array(1024);
  /** A small number the pass keeps with the pair (e.g. its name evidence), handed back when chosen. */
  tag = new Int8Array(1024);
  length = 0;

  push(l: number, b: number, score: number, strength: number, tag = 0): void {
    if (this.length === this.l.length) this.grow();
    const k = this.length++;
    this.l[k] = l;
    this.b[k] = b;
    this.score[k] = score;
    this.strength[k] = strength;
    this.tag[k] = tag;
  }

  private grow(): void {
    const size = this.l.length * 2;
    const l = new Int32Array(size);
    const b = new Int32Array(size);
    const score = new Float64Array(size);
    const strength = new Int8Array(size);
    const tag = new Int8Array(size);
    l.set(this.l);
    b.set(this.b);
    score.set(this.score);
    strength.set(this.strength);
    tag.set(this.tag);
    this.l = l;
    this.b = b;
    this.score = score;
    this.strength = strength;
    this.tag = tag;
  }
}

export interface ChosenPair {
  l: number;
  b: number;
  score: number;
  strength: number;
  tag: number;
  unique: boolean;
  dominant: boolean;
  /** Most candidates either entry had (1 when unique). */
  rivals: number;
  /** Not unique, but each rival's other end went to a pair settled before it (see above). */
  othersSettled: boolean;
}

const NO_STRENGTH = -128;

interface NodeStats {
  degree: Int32Array;
  top: Int8Array;
  atTop: Int32Array;
}

function statsOf(c: Candidates, ends: Int32Array, size: number): NodeStats {
  const degree = new Int32Array(size);
  const top = new Int8Array(size).fill(NO_STRENGTH);
  const atTop = new Int32Array(size);
  for (let k = 0; k < c.length; k++) {
    const node = ends[k];
    const strength = c.strength[k];
    degree[node] += 1;
    if (strength > top[node]) {
      top[node] = strength;
      atTop[node] = 1;
    } else if (strength === top[node]) {
      atTop[node] += 1;
    }
  }
  return { degree, top, atTop };
}

/** Scores are kept to 1/1000 (clampScore), strengths within Int8: both fit an exact sort key. */
const SCORE_STEPS = 1000;
const INDEX_SPAN = 2 ** 32;

/**
 * Candidate indices ordered by strength (desc), score (desc), then index: one numeric key per
 * candidate sorted natively, far faster than a comparator over millions of pairs.
 * key = ((127 − strength) · 1024 + (1000 − score·1000)) · 2^32 + index, below 2^50: exact.
 */
function rankOrder(c: Candidates): Float64Array {
  const keys = new Float64Array(c.length);
  for (let k = 0; k < c.length; k++) {
    const rank = (127 - c.strength[k]) * 1024 + (SCORE_STEPS - Math.round(c.score[k] * SCORE_STEPS));
    keys[k] = rank * INDEX_SPAN + k;
  }
  keys.sort();
  for (let k = 0; k < keys.length; k++) keys[k] = keys[k] % INDEX_SPAN;
  return keys;
}

/** Each node's candidates (indices into the Candidates), in compressed rows: node n's are list[start[n]] … list[start[n + 1] − 1]. */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

/** The candidates at each node of one side (`ends`: c.l or c.b, `size` its positions), in the order they were pushed. */
export function adjacencyOf(c: Candidates, ends: Int32Array, size: number): Adjacency {
  const start = new Int32Array(size + 1);
  for (let k = 0; k < c.length; k++) start[ends[k] + 1]++;
  for (let node = 0; node < size; node++) start[node + 1] += start[node];
  const fill = start.slice(0, size);
  const list = new Int32Array(c.length);
  for (let k = 0; k < c.length; k++) list[fill[ends[k]]++] = k;
  return { start, list };
}

/** Every candidate of `node` but `own` has its other end settled. */
function othersSettledAt(adjacency: Adjacency, node: number, own: number, otherEnds: Int32Array, settledOther: Uint8Array): boolean {
  for (let i = adjacency.start[node]; i < adjacency.start[node + 1]; i++) {
    const k = adjacency.list[i];
    if (k !== own && settledOther[otherEnds[k]] !== 1) return false;
  }
  return true;
}

/**
 * Calls `take` for each chosen pair, strongest first; `take` returns true when it settled the pair (took
 * it as auto). `ledgerCount`/`bankCount` bound the positions. The ChosenPair object is reused between
 * calls: copy what you keep.
 */
export function choosePairs(c: Candidates, ledgerCount: number, bankCount: number, take: (pair: ChosenPair) => boolean | void): void {
  if (c.length === 0) return;
  const ledgerStats = statsOf(c, c.l, ledgerCount);
  const bankStats = statsOf(c, c.b, bankCount);
  const { l, b, score, strength } = c;
  const order = rankOrder(c);
  const takenL = new Uint8Array(ledgerCount);
  const takenB = new Uint8Array(bankCount);
  const settledL = new Uint8Array(ledgerCount);
  const settledB = new Uint8Array(bankCount);
  // built when the first pair with rivals asks
  let ledgerAdjacency: Adjacency | null = null;
  let bankAdjacency: Adjacency | null = null;
  const pair: ChosenPair = { l: 0, b: 0, score: 0, strength: 0, tag: 0, unique: false, dominant: false, rivals: 0, othersSettled: false };
  for (let i = 0; i < order.length; i++) {
    const k = order[i];
    const lp = l[k];
    const bp = b[k];
    if (takenL[lp] === 1 || takenB[bp] === 1) continue;
    takenL[lp] = 1;
    takenB[bp] = 1;
    const s = strength[k];
    const degreeL = ledgerStats.degree[lp];
    const degreeB = bankStats.degree[bp];
    pair.l = lp;
    pair.b = bp;
    pair.score = score[k];
    pair.strength = s;
    pair.tag = c.tag[k];
    pair.unique = degreeL === 1 && degreeB === 1;
    pair.dominant = s === ledgerStats.top[lp] && s === bankStats.top[bp] && ledgerStats.atTop[lp] === 1 && bankStats.atTop[bp] === 1;
    pair.rivals = Math.max(degreeL, degreeB);
    pair.othersSettled = false;
    if (!pair.unique) {
      ledgerAdjacency ??= adjacencyOf(c, l, ledgerCount);
      bankAdjacency ??= adjacencyOf(c, b, bankCount);
      pair.othersSettled = othersSettledAt(ledgerAdjacency, lp, k, b, settledB) && othersSettledAt(bankAdjacency, bp, k, l, settledL);
    }
    if (take(pair) === true) {
      settledL[lp] = 1;
      settledB[bp] = 1;
    }
  }
}
