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
