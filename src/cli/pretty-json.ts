/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces, so a large result is written as it is
 * serialised instead of being built as one string first (result.json at 100k rows is ~70 MB of text).
 * The top object is opened key by key and large arrays a batch of elements at a time, each
 * stringified and re-indented, so the pieces joined are byte for byte the one-shot text.
 */
const INDENT = '  ';

/** Containers smaller than this are stringified in one piece. */
const SPLIT_ABOVE = 64;
/** Array elements stringified together: pieces of tens of kilobytes, not one per element. */
const ELEMENTS_PER_PIECE = 256;

/**
 * A long array whose elements are made a batch at a time while it is written, so they die young
 * instead of all living until the end (result.json's matches: a hundred thousand objects). Written
 * exactly as the array `slice(0, length)` would be.
 */
export class BatchedArray<T> {
  constructor(
    readonly length: number,
    readonly slice: (start: number, end: number) => T[],
  ) {}

  /** Anything else that stringifies it gets the whole array. */
  toJSON(): T[] {
    return this.slice(0, this.length);
  }
}

export function* prettyJsonPieces(value: unknown, depth = 0): Generator<string> {
  if (value instanceof BatchedArray) {
    yield* arrayPieces(value.length, value.slice, depth);
    return;
  }
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  const size = !plain ? 0 : Array.isArray(value) ? value.length : depth === 0 ? Infinity : Object.keys(value as object).length;
  if (!plain || size <= SPLIT_ABOVE && depth > 0) {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 || text === undefined || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  if (Array.isArray(value)) {
    yield* arrayPieces(value.length, (start, end) => value.slice(start, end), depth);
    return;
  }
  let first = true;
  for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
    // as JSON.stringify: properties with no JSON form are left out
    if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* prettyJsonPieces(element, depth + 1);
  }
  yield first ? '{}' : `\n${INDENT.repeat(depth)}}`;
}

/**
 * Elements a batch at a time: JSON.stringify of the batch, its brackets taken off and its lines
 * indented to this depth (JSON text has no raw newline inside a string, so every line start is
 * structural). Undefined and functions become null in a batch as in the whole array.
 */
function* arrayPieces(length: number, slice: (start: number, end: number) => unknown[], depth: number): Generator<string> {
  if (length === 0) {
    yield '[]';
    return;
  }
  const indent = INDENT.repeat(depth);
  for (let start = 0; start < length; start += ELEMENTS_PER_PIECE) {
    const batch = JSON.stringify(slice(start, Math.min(length, start + ELEMENTS_PER_PIECE)), null, 2);
    const lines = batch.slice(2, -2);
    yield (start === 0 ? '[\n' : ',\n') + (depth > 0 ? lines.replace(/^/gm, indent) : lines);
  }
  yield `\n${indent}]`;
}
