/**
 * result.json's text as a sequence of pieces, so a large result is written as it is serialised
 * instead of being built as one string first.
 *
 * The layout is for people and for line tools alike: objects are indented a key per line, as
 * `JSON.stringify(value, null, 2)` would; an array longer than LONG_ARRAY (the matches, the
 * unmatched rows) has one compact element per line, so a match is one line a person can grep, and a
 * 100k-row result is half the size of fully indented JSON (73 MB was 11% of a run's time to write).
 * Whatever the layout, the text parses to exactly the value.
 */
const INDENT = '  ';

/** Arrays longer than this are written one compact element per line. */
const LONG_ARRAY = 64;
/** Elements stringified per piece: pieces of tens of kilobytes, not one per element. */
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

export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (value instanceof BatchedArray) {
    yield* longArrayPieces(value.length, value.slice, depth);
    return;
  }
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    yield* longArrayPieces(value.length, (start, end) => value.slice(start, end), depth);
    return;
  }
  const plainObject = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plainObject) {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 || text === undefined || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  let first = true;
  for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
    // as JSON.stringify: properties with no JSON form are left out
    if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(element, depth + 1);
  }
  yield first ? '{}' : `\n${INDENT.repeat(depth)}}`;
}

/** One compact element per line, a batch of elements per piece; no JSON form becomes null, as in JSON.stringify. */
function* longArrayPieces(length: number, slice: (start: number, end: number) => unknown[], depth: number): Generator<string> {
  if (length === 0) {
    yield '[]';
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  for (let start = 0; start < length; start += ELEMENTS_PER_PIECE) {
    const batch = slice(start, Math.min(length, start + ELEMENTS_PER_PIECE));
    let piece = '';
    for (let i = 0; i < batch.length; i++) {
      const text = JSON.stringify(batch[i]) as string | undefined;
      piece += (start + i === 0 ? '[' : ',') + inner + (text === undefined ? 'null' : text);
    }
    yield piece;
  }
  yield `\n${INDENT.repeat(depth)}]`;
}
