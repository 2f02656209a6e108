/**
 * Office.js runs on the pane's own thread, so everything the Office host prepares between two
 * syncs (a sheet's 100,000 rows turned into Excel input, the run record as JSON) is a task of
 * that thread. Long loops ask a PageSlicer now and then; past SLICE_MS of work it pauses for a
 * macrotask, so the pane can paint and take input. A pause is not a sync: what goes to Excel, and
 * in how many syncs, is the same.
 */

/** Work between two pauses (well under the 200 ms a task may take, on a loaded machine). */
export const SLICE_MS = 40;

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A macrotask boundary (no sync). */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class PageSlicer {
  private started = clock();

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** True when the current slice is used up (then `pause()`). Cheap enough to ask per row. */
  due(): boolean {
    return clock() - this.started >= this.sliceMs;
  }

  /** Pauses for a macrotask and starts a new slice. */
  async pause(): Promise<void> {
    await nextMacrotask();
    this.started = clock();
  }

  /** Pauses if the slice is used up. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause();
  }

  /** A sync was awaited (the thread was free meanwhile): a new slice starts. */
  restart(): void {
    this.started = clock();
  }
}

/**
 * JSON.stringify(value), character for character, made in slices: arrays and objects with many
 * members are written member by member with pauses between slices (the run record of a 100k run
 * is about 10 MB of JSON, 0.4–0.8 s in one piece on a loaded machine).
 */
export async function stringifyInSlices(value: unknown, slicer: PageSlicer): Promise<string> {
  const parts: string[] = [];
  await writeJsonInSlices(value, slicer, (text) => parts.push(text));
  return parts.join('');
}

/**
 * The text of JSON.stringify(value) handed to `write` piece by piece, in order, never as one
 * string (a caller cutting it into cells never holds the whole 10 MB at once).
 */
export async function writeJsonInSlices(value: unknown, slicer: PageSlicer, write: (text: string) => void): Promise<void> {
  if (isBig(value)) await writeBig(value as object, slicer, write);
  else write(JSON.stringify(value) ?? 'null');
}

/** Members above which an array or object is written member by member. */
const MANY = 256;

function isBig(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return value.length >= MANY || hasManyBelow(value, 0);
  const keys = Object.keys(value);
  return keys.length >= MANY || hasManyBelow(value, 0);
}

async function writeBig(value: object, slicer: PageSlicer, write: (text: string) => void): Promise<void> {
  if (Array.isArray(value)) {
    write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) write(',');
      const member: unknown = value[i];
      if (isBig(member)) await writeBig(member as object, slicer, write);
      else write(JSON.stringify(member) ?? 'null');
      if (slicer.due()) await slicer.pause();
    }
    write(']');
    return;
  }
  write('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (isBig(member)) {
      write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      await writeBig(member as object, slicer, write);
      first = false;
    } else {
      const text = JSON.stringify(member);
      if (text !== undefined) {
        write(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
        first = false;
      }
    }
    if (slicer.due()) await slicer.pause();
  }
  write('}');
}

/** Whether an array or object holds, a level or a few down, an array or object worth slicing. */
function hasManyBelow(value: object, depth: number): boolean {
  if (depth > 3) return false;
  const members = Array.isArray(value) ? value : Object.values(value);
  for (const member of members) {
    if (member === null || typeof member !== 'object' || typeof (member as { toJSON?: unknown }).toJSON === 'function') continue;
    const size = Array.isArray(member) ? member.length : Object.keys(member).length;
    if (size >= MANY) return true;
    if (hasManyBelow(member, depth + 1)) return true;
  }
  return false;
}

/** Text shorter than this is parsed by JSON.parse in one go. */
const LEAF_CHARS = 32_768;

/**
 * JSON.parse(text), the same value, made in slices: the containers of a large text are walked
 * member by member, each member under LEAF_CHARS handed to JSON.parse whole, with pauses between
 * slices (the run record read back after a 100k run is about 10 MB of JSON: 0.1 s in one piece on
 * an idle machine, several times that on a loaded one). Malformed text throws a SyntaxError.
 */
export async function parseJsonInSlices(text: string, slicer: PageSlicer): Promise<unknown> {
  if (text.length < LEAF_CHARS) return JSON.parse(text);
  const parser = new SlicedJsonParser(text, slicer);
  const value = await parser.value();
  parser.end();
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

class SlicedJsonParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly slicer: PageSlicer,
  ) {}

  private fail(what: string): never {
    throw new SyntaxError(`JSON: ${what} at position ${this.at}`);
  }

  private space(): void {
    const { text } = this;
    while (this.at < text.length && isJsonSpace(text.charCodeAt(this.at))) this.at++;
  }

  /** End (exclusive) of the string starting at `start` (its opening quote). */
  private stringEnd(start: number): number {
    const { text } = this;
    for (let i = start + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) return i + 1;
    }
    return this.fail('unterminated string');
  }

  /**
   * End (exclusive) of the value starting at `start`, when it ends within `limit` characters;
   * -1 when it is a container longer than that.
   */
  private valueEnd(start: number, limit: number): number {
    const { text } = this;
    const first = text.charCodeAt(start);
    if (first === QUOTE) return this.stringEnd(start);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      let i = start;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isJsonSpace(code)) break;
        i++;
      }
      return i;
    }
    const stop = Math.min(text.length, start + limit);
    let depth = 0;
    for (let i = start; i < stop; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        i = this.stringEnd(i) - 1;
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        depth++;
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    if (stop === text.length) this.fail('unterminated container');
    return -1;
  }

  /** The value at the current position: small ones by JSON.parse, large containers walked. */
  async value(): Promise<unknown> {
    this.space();
    if (this.at >= this.text.length) this.fail('unexpected end');
    const start = this.at;
    const end = this.valueEnd(start, LEAF_CHARS);
    if (end >= 0) {
      this.at = end;
      return JSON.parse(this.text.slice(start, end));
    }
    if (this.slicer.due()) await this.slicer.pause();
    return this.text.charCodeAt(start) === OPEN_ARRAY ? this.array() : this.object();
  }

  private async array(): Promise<unknown[]> {
    const out: unknown[] = [];
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === CLOSE_ARRAY) {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(await this.value());
      this.space();
      const code = this.text.charCodeAt(this.at++);
      if (code === CLOSE_ARRAY) return out;
      if (code !== COMMA) this.fail('expected , or ]');
      if (this.slicer.due()) await this.slicer.pause();
    }
  }

  private async object(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === CLOSE_OBJECT) {
      this.at++;
      return out;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.at) !== QUOTE) this.fail('expected a key');
      const keyEnd = this.stringEnd(this.at);
      const key = JSON.parse(this.text.slice(this.at, keyEnd)) as string;
      this.at = keyEnd;
      this.space();
      if (this.text.charCodeAt(this.at++) !== COLON) this.fail('expected :');
      const member = await this.value();
      // As JSON.parse: "__proto__" is an own member, never the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: member, writable: true, enumerable: true, configurable: true });
      else out[key] = member;
      this.space();
      const code = this.text.charCodeAt(this.at++);
      if (code === CLOSE_OBJECT) return out;
      if (code !== COMMA) this.fail('expected , or }');
      if (this.slicer.due()) await this.slicer.pause();
    }
  }

  /** Only white space may follow the value. */
  end(): void {
    this.space();
    if (this.at < this.text.length) this.fail('unexpected text after the value');
  }
}
