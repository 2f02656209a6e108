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
  const text = await sliced(value, slicer, true);
  return text ?? 'null';
}

/** Members above which an array or object is written member by member. */
const MANY = 256;

async function sliced(value: unknown, slicer: PageSlicer, top: boolean): Promise<string | undefined> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(value);
    return top && text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    if (value.length < MANY) return JSON.stringify(value);
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const text = await sliced(value[i], slicer, false);
      parts.push(text === undefined ? 'null' : text);
      if (slicer.due()) await slicer.pause();
    }
    return `[${parts.join(',')}]`;
  }
  const keys = Object.keys(value);
  if (keys.length < MANY && !hasManyBelow(value, keys)) return JSON.stringify(value);
  const parts: string[] = [];
  for (const key of keys) {
    const text = await sliced((value as Record<string, unknown>)[key], slicer, false);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    if (slicer.due()) await slicer.pause();
  }
  return `{${parts.join(',')}}`;
}

/** Whether an object holds, a level or two down, an array or object worth slicing. */
function hasManyBelow(value: object, keys: string[], depth = 0): boolean {
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member === null || typeof member !== 'object') continue;
    const size = Array.isArray(member) ? member.length : Object.keys(member).length;
    if (size >= MANY) return true;
    if (depth < 3 && !Array.isArray(member) && hasManyBelow(member, Object.keys(member), depth + 1)) return true;
  }
  return false;
}
