/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces, so a large result is written as it is
 * serialised instead of being built as one string first (result.json at 100k rows is ~70 MB of text).
 * Objects and arrays are opened level by level; each element is stringified alone and re-indented,
 * so the pieces joined are byte for byte the one-shot text.
 */
const INDENT = '  ';

/** Containers smaller than this are stringified in one piece. */
const SPLIT_ABOVE = 64;

export function* prettyJsonPieces(value: unknown, depth = 0): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  const size = !plain ? 0 : Array.isArray(value) ? value.length : depth === 0 ? Infinity : Object.keys(value as object).length;
  if (!plain || size <= SPLIT_ABOVE && depth > 0) {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 || text === undefined || !text.includes('\n') ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? inner : `,${inner}`;
      const element = value[i];
      // as JSON.stringify: what has no JSON form is null inside an array
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* prettyJsonPieces(element, depth + 1);
    }
    yield `\n${INDENT.repeat(depth)}]`;
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
