/**
 * Reference keys as numbers, shared by both sides of a run, so the reference index can be flat arrays
 * (indexes.ts). The side prepared first numbers its distinct keys 0 … size − 1 in the order they first
 * appear; the side prepared second only looks its keys up, -1 for a key the first side lacks (it can
 * tie nothing: references tie across sides only).
 *
 * Why not a Map from text to number: at a million rows each side has about two million keys, nearly
 * all distinct (one invoice number per line). A Map that size is a wait on memory at every insert and
 * lookup (about 0.6 µs each, 1.9 s a run). Here each key is hashed once, in the order the keys were
 * made, the hashes are radix-sorted, and equal keys are found as neighbours, their texts compared to
 * rule out a collision: the same numbers in half the time (a run at 1M: 1.2 s sooner).
 */

/** FNV-1a over UTF-16 code units: 32 bits, unsigned. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Indices 0 … n − 1 ordered by hash, equal hashes in index order (a stable LSD radix sort, 16 bits a pass). */
function orderByHash(hashes: Uint32Array): Int32Array {
  const n = hashes.length;
  let order = new Int32Array(n);
  let spare = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((hashes[i] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++) counts[d + 1] += counts[d];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      spare[counts[(hashes[i] >>> shift) & 0xffff]++] = i;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

function hashesOf(texts: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) hashes[i] = hashOf(texts[i]);
  return hashes;
}

export class ReferenceKeys {
  /** The first side's distinct keys by hash: hash, number and text of each, in hash order. */
  private hashes = new Uint32Array(0);
  private numbers = new Int32Array(0);
  private texts: string[] = [];
  private numbered = false;

  /** How many distinct keys the first side has (numbers are 0 … size − 1). */
  size = 0;

  /** The numbers of the first side's keys (in `keys` order); each distinct key numbered by first appearance. */
  numberFirstSide(keys: readonly string[]): Int32Array {
    if (this.numbered) throw new Error('ReferenceKeys: the first side is numbered once per run');
    this.numbered = true;
    const n = keys.length;
    const hashes = hashesOf(keys);
    const order = orderByHash(hashes);
    // Group equal keys: each key points at the first (lowest) index holding the same text.
    const firstOf = new Int32Array(n);
    for (let k = 0; k < n; ) {
      let end = k + 1;
      while (end < n && hashes[order[end]] === hashes[order[k]]) end++;
      for (let a = k; a < end; a++) {
        const i = order[a];
        firstOf[i] = i;
        // A run of equal hashes is nearly always one text; a collision leaves two texts, told apart here.
        for (let b = k; b < a; b++) {
          const j = order[b];
          if (firstOf[j] === j && keys[j] === keys[i]) {
            firstOf[i] = j;
            break;
          }
        }
      }
      k = end;
    }
    // Numbers by first appearance (a key's first index comes before every later one).
    const ids = new Int32Array(n);
    let next = 0;
    for (let i = 0; i < n; i++) ids[i] = firstOf[i] === i ? next++ : ids[firstOf[i]];
    this.size = next;
    // Kept for the second side: one row per distinct key, in hash order.
    this.hashes = new Uint32Array(next);
    this.numbers = new Int32Array(next);
    this.texts = new Array<string>(next);
    let row = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (firstOf[i] !== i) continue;
      this.hashes[row] = hashes[i];
      this.numbers[row] = ids[i];
      this.texts[row] = keys[i];
      row++;
    }
    return ids;
  }

  /** The first side's numbers of the second side's keys (in `keys` order), -1 for a key it lacks. */
  findSecondSide(keys: readonly string[]): Int32Array {
    const n = keys.length;
    const hashes = hashesOf(keys);
    const order = orderByHash(hashes);
    const ids = new Int32Array(n).fill(-1);
    // Both lists in hash order: one walk through each.
    let row = 0;
    const rows = this.hashes.length;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const hash = hashes[i];
      while (row < rows && this.hashes[row] < hash) row++;
      for (let r = row; r < rows && this.hashes[r] === hash; r++) {
        if (this.texts[r] === keys[i]) {
          ids[i] = this.numbers[r];
          break;
        }
      }
    }
    return ids;
  }
}
