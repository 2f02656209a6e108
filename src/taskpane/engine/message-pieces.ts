/**
 * Large messages across a worker boundary, in pieces. A structured clone is one synchronous task on
 * each side: 100,000 rows × 8 cells take 150–400 ms to post from the page's thread and about 100 ms
 * to receive there (measured in Chromium), long enough to freeze the page. So every long array in a
 * message (a range's rows, a sheet's values, a column of labels) is cut out and sent in slices of
 * at most PIECE_CELLS cells after the message's skeleton; the receiving side puts it back together.
 * The page's side pauses between slices (a macrotask), so each slice is a task of its own.
 * Small messages go as they are.
 */

/** Cells (array elements, or the elements of row arrays) per slice: a few milliseconds to clone. */
export const PIECE_CELLS = 50_000;
/** Arrays shorter than this are looked into rather than cut (a list of sheets, a row). */
const LONG_ARRAY = 1000;

const PIECES = '__reconPieces';

type Path = (string | number)[];

/** The skeleton: the message with its long arrays emptied, and where they go back. */
interface PieceHead {
  [PIECES]: 'head';
  key: number;
  body: unknown;
  paths: Path[];
  /** Slices to expect after the head. */
  slices: number;
}

interface PieceSlice {
  [PIECES]: 'slice';
  key: number;
  array: number;
  items: unknown[];
}

let nextKey = 1;

function weightOf(item: unknown): number {
  if (Array.isArray(item)) return item.length + 1;
  if (item !== null && typeof item === 'object') return Object.keys(item).length + 1;
  return 1;
}

/** The long arrays of `value` (not inside each other) with their paths. */
function longArrays(value: unknown, path: Path, found: { path: Path; array: unknown[] }[]): void {
  if (Array.isArray(value)) {
    if (value.length >= LONG_ARRAY) {
      found.push({ path, array: value });
      return;
    }
    value.forEach((item, i) => longArrays(item, [...path, i], found));
    return;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
  // Only plain data is cut (a File or Blob goes as it is).
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return;
  for (const [key, item] of Object.entries(value)) longArrays(item, [...path, key], found);
}

/** A copy of `value` along `path` with the array there emptied; the rest is shared, not copied. */
function withoutArray(value: unknown, path: Path): unknown {
  if (path.length === 0) return [];
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = withoutArray((value as Record<string | number, unknown>)[head], rest);
  return copy;
}

function slicesOf(array: unknown[]): unknown[][] {
  const slices: unknown[][] = [];
  let start = 0;
  let weight = 0;
  for (let i = 0; i < array.length; i++) {
    weight += weightOf(array[i]);
    if (weight >= PIECE_CELLS) {
      slices.push(array.slice(start, i + 1));
      start = i + 1;
      weight = 0;
    }
  }
  if (start < array.length || slices.length === 0) slices.push(array.slice(start));
  return slices;
}

/** The messages to post for `message`, in order: itself when small, else a head and its slices. */
export function piecesOf(message: unknown): unknown[] {
  const found: { path: Path; array: unknown[] }[] = [];
  longArrays(message, [], found);
  const long = found.filter(({ array }) => array.reduce((sum: number, item) => sum + weightOf(item), 0) > PIECE_CELLS);
  if (long.length === 0) return [message];
  const key = nextKey++;
  let body = message;
  for (const { path } of long) body = withoutArray(body, path);
  const slices: PieceSlice[] = [];
  long.forEach(({ array }, index) => {
    for (const items of slicesOf(array)) slices.push({ [PIECES]: 'slice', key, array: index, items });
  });
  const head: PieceHead = { [PIECES]: 'head', key, body, paths: long.map(({ path }) => path), slices: slices.length };
  return [head, ...slices];
}

/** A macrotask boundary, so the browser may paint and handle input between two slices. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Posts `message` in pieces, pausing between them (the page's side). `stillOpen` is asked before each
 * slice: a worker terminated meanwhile gets nothing more.
 */
export async function postInPieces(post: (piece: unknown) => void, message: unknown, stillOpen: () => boolean = () => true): Promise<void> {
  const pieces = piecesOf(message);
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) {
      await nextTask();
      if (!stillOpen()) return;
    }
    post(pieces[i]);
  }
}

/** Posts `message` in pieces at once (a worker's side: its thread is not the page's). */
export function postPiecesNow(post: (piece: unknown) => void, message: unknown): void {
  for (const piece of piecesOf(message)) post(piece);
}

/** A message still coming in. */
export const INCOMPLETE: unique symbol = Symbol('incomplete message');

interface Pending {
  head: PieceHead;
  arrays: unknown[][][];
  received: number;
}

function setAt(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const holder = target as Record<string | number, unknown>;
  holder[head] = setAt(holder[head], rest, value);
  return target;
}

/** Puts messages sent with piecesOf back together; anything else passes through. */
export class PieceReceiver {
  private readonly pending = new Map<number, Pending>();

  receive(data: unknown): unknown {
    const kind = (data as Record<string, unknown> | null)?.[PIECES];
    if (kind === 'head') {
      const head = data as PieceHead;
      this.pending.set(head.key, { head, arrays: head.paths.map(() => []), received: 0 });
      return INCOMPLETE;
    }
    if (kind !== 'slice') return data;
    const slice = data as PieceSlice;
    const pending = this.pending.get(slice.key);
    if (!pending) return INCOMPLETE;
    pending.arrays[slice.array].push(slice.items);
    pending.received++;
    if (pending.received < pending.head.slices) return INCOMPLETE;
    this.pending.delete(slice.key);
    let body = pending.head.body;
    pending.head.paths.forEach((path, i) => {
      body = setAt(body, path, ([] as unknown[]).concat(...pending.arrays[i]));
    });
    return body;
  }
}
