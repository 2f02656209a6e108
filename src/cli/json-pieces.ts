/**
 * result.json's text as a sequence of UTF-8 chunks of about a megabyte, so a large result is written as
 * it is serialised instead of being built as one string first, and without a string per element:
 * everything is encoded straight into one buffer (ByteSink) that is handed out when full.
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
/** Elements asked of a BatchedArray at a time. */
const ELEMENTS_PER_BATCH = 256;
/** A chunk is handed out once it holds this many bytes (the element that crosses it is kept whole). */
export const CHUNK_BYTES = 1 << 20;

/** A code point of U+0080 or above as UTF-8 at `pos`; the position after it. */
function putWide(buf: Uint8Array, pos: number, c: number): number {
  if (c < 0x800) {
    buf[pos++] = 0xc0 | (c >> 6);
  } else if (c < 0x10000) {
    buf[pos++] = 0xe0 | (c >> 12);
    buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
  } else {
    buf[pos++] = 0xf0 | (c >> 18);
    buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
    buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
  }
  buf[pos++] = 0x80 | (c & 0x3f);
  return pos;
}

/**
 * UTF-8 bytes written into a buffer that is handed out (take) once it holds about `chunkBytes`. A chunk
 * always ends between two writes, so it never splits a character.
 */
export class ByteSink {
  private buf: Uint8Array;
  pos = 0;

  constructor(readonly chunkBytes: number = CHUNK_BYTES) {
    this.buf = new Uint8Array(chunkBytes + 4096);
  }

  get full(): boolean {
    return this.pos >= this.chunkBytes;
  }

  /** The bytes written since the last take, as a chunk of their own; the sink starts a new buffer. */
  take(): Uint8Array {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(Math.max(this.chunkBytes + 4096, this.buf.length));
    this.pos = 0;
    return chunk;
  }

  /** Room for `n` more bytes (a write larger than what is left grows the buffer: rare, one long element). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buf.length, this.pos + n));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Text known to be ASCII (keys, punctuation, digits). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Bytes made once (a key, a worded reason). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    if (n > 24) this.buf.set(bytes, this.pos);
    else for (let i = 0, pos = this.pos; i < n; i++) this.buf[pos++] = bytes[i];
    this.pos += n;
  }

  /** Any text, as UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.from would make it). */
  text(text: string): void {
    const n = text.length;
    this.room(3 * n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[pos++] = c;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      pos = putWide(buf, pos, c);
    }
    this.pos = pos;
  }

  /** The body of JSON.stringify(text) (what is between its quotes), as UTF-8, without the string. */
  jsonText(text: string): void {
    const n = text.length;
    this.room(6 * n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
          buf[pos++] = c;
          continue;
        }
        buf[pos++] = 0x5c; // \
        if (c === 0x22 || c === 0x5c) buf[pos++] = c;
        else if (c === 0x08) buf[pos++] = 0x62; // b
        else if (c === 0x0c) buf[pos++] = 0x66; // f
        else if (c === 0x0a) buf[pos++] = 0x6e; // n
        else if (c === 0x0d) buf[pos++] = 0x72; // r
        else if (c === 0x09) buf[pos++] = 0x74; // t
        else pos = hexEscape(buf, pos, c);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          pos = putWide(buf, pos, 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00));
          i++;
        } else {
          // a lone surrogate: JSON.stringify writes it as an escape
          buf[pos++] = 0x5c;
          pos = hexEscape(buf, pos, c);
        }
      } else {
        pos = putWide(buf, pos, c);
      }
    }
    this.pos = pos;
  }

  /** A whole number 0 ≤ n < 2^53, in decimal. */
  private digits(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.pos++] = 48 + n;
      return;
    }
    let count = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
    this.room(count);
    const buf = this.buf;
    const start = this.pos;
    let at = start + count;
    this.pos = at;
    for (let rest = n; at > start; rest = Math.floor(rest / 10)) buf[--at] = 48 + (rest % 10);
  }

  /** A number as JSON.stringify writes it (non-finite: null). */
  number(n: number): void {
    if (Number.isSafeInteger(n)) {
      if (n < 0) {
        this.ascii('-');
        this.digits(-n);
      } else this.digits(n);
    } else this.ascii(JSON.stringify(n));
  }

  /** Exact integer cents as cents.ts centsToFixed2 writes them (`-1200.05`, `0.00`), without a string. */
  cents(cents: number): void {
    const negative = cents < 0;
    const magnitude = negative ? -cents : cents;
    const units = Math.floor(magnitude / 100);
    const rest = magnitude - units * 100;
    if (negative) this.ascii('-');
    this.digits(units);
    this.room(3);
    this.buf[this.pos++] = 46; // .
    this.buf[this.pos++] = 48 + Math.floor(rest / 10);
    this.buf[this.pos++] = 48 + (rest % 10);
  }

  /** A value as JSON.stringify(value) writes it; a value with no JSON form is written as null (as in an array). */
  json(value: unknown): void {
    if (typeof value === 'number') this.number(value);
    else {
      const text = JSON.stringify(value) as string | undefined;
      this.text(text === undefined ? 'null' : text);
    }
  }
}

const HEX = '0123456789abcdef';

/** `u` and four lowercase hex digits of a UTF-16 unit (after the backslash), as JSON.stringify writes it. */
function hexEscape(buf: Uint8Array, pos: number, c: number): number {
  buf[pos++] = 0x75; // u
  buf[pos++] = HEX.charCodeAt((c >> 12) & 15);
  buf[pos++] = HEX.charCodeAt((c >> 8) & 15);
  buf[pos++] = HEX.charCodeAt((c >> 4) & 15);
  buf[pos++] = HEX.charCodeAt(c & 15);
  return pos;
}

const encoder = new TextEncoder();

/** UTF-8 of a text made once (keys and other fixed pieces). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * A long array whose elements are made a batch at a time while it is written, so they die young
 * instead of all living until the end. Written exactly as the array `slice(0, length)` would be.
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

/**
 * A long array whose elements write their own compact JSON straight into the sink (result.json's
 * matches: no object and no string per match). `write(sink, i)` must write exactly
 * `JSON.stringify(element(i))`; `element` is what anything else that stringifies it gets.
 */
export class WrittenArray<T> {
  constructor(
    readonly length: number,
    readonly write: (sink: ByteSink, index: number) => void,
    readonly element: (index: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.element(i));
  }
}

/** The JSON text of `value` as UTF-8 chunks of about `chunkBytes` each. */
export function* jsonChunks(value: unknown, chunkBytes: number = CHUNK_BYTES): Generator<Uint8Array> {
  const sink = new ByteSink(chunkBytes);
  yield* writeValue(sink, value, 0);
  if (sink.pos > 0) yield sink.take();
}

/** The same text as pieces of text (each chunk decoded; a chunk never splits a character). */
export function* jsonPieces(value: unknown, chunkBytes: number = 1 << 16): Generator<string> {
  const decoder = new TextDecoder();
  for (const chunk of jsonChunks(value, chunkBytes)) yield decoder.decode(chunk);
}

function* writeValue(sink: ByteSink, value: unknown, depth: number): Generator<Uint8Array> {
  if (value instanceof WrittenArray) {
    yield* longArray(sink, value.length, depth, (i) => value.write(sink, i));
    return;
  }
  if (value instanceof BatchedArray) {
    yield* batchedLongArray(sink, value.length, value.slice, depth);
    return;
  }
  if (Array.isArray(value) && value.length > LONG_ARRAY) {
    const array = value;
    yield* longArray(sink, array.length, depth, (i) => sink.json(array[i]));
    return;
  }
  const plainObject = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plainObject) {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // as before: a value with no JSON form at the top is written as the text "undefined"
    sink.text(depth === 0 || text === undefined || !text.includes('\n') ? String(text) : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`));
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  let first = true;
  for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
    // as JSON.stringify: properties with no JSON form are left out
    if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
    sink.text(`${first ? '{' : ','}${inner}${JSON.stringify(key)}: `);
    first = false;
    yield* writeValue(sink, element, depth + 1);
    if (sink.full) yield sink.take();
  }
  sink.ascii(first ? '{}' : `\n${INDENT.repeat(depth)}}`);
}

/** One compact element per line; no JSON form becomes null, as in JSON.stringify. */
function* longArray(sink: ByteSink, length: number, depth: number, writeElement: (index: number) => void): Generator<Uint8Array> {
  if (length === 0) {
    sink.ascii('[]');
    return;
  }
  const first = utf8(`[\n${INDENT.repeat(depth + 1)}`);
  const next = utf8(`,\n${INDENT.repeat(depth + 1)}`);
  for (let i = 0; i < length; i++) {
    sink.bytes(i === 0 ? first : next);
    writeElement(i);
    if (sink.full) yield sink.take();
  }
  sink.ascii(`\n${INDENT.repeat(depth)}]`);
}

function* batchedLongArray(sink: ByteSink, length: number, slice: (start: number, end: number) => unknown[], depth: number): Generator<Uint8Array> {
  let batch: unknown[] = [];
  let batchStart = 0;
  yield* longArray(sink, length, depth, (i) => {
    if (i === 0 || i >= batchStart + batch.length) {
      batchStart = i;
      batch = slice(i, Math.min(length, i + ELEMENTS_PER_BATCH));
    }
    sink.json(batch[i - batchStart]);
  });
}
