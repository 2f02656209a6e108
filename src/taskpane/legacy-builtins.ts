/**
 * Built-in functions our code calls that EdgeHTML 18 (the pane of Office 2019 and some Microsoft
 * 365 builds, issue 9) does not have: all of them arrived in Edge 79 (MDN compatibility tables).
 * The build lowers syntax (webpack.config.js) but cannot add functions; without these the pane
 * would fail at the first call. Installed only where missing, before anything else runs: first
 * import of the pane's entry (index.tsx) and of the engine worker (engine.worker.ts).
 * Each follows its specification for the cases our code uses (arrays, strings, iterables).
 */

type Global = typeof globalThis;

/** Array.prototype.flat: `depth` levels of nested arrays spread in place. */
function flat<T>(this: T[], depth = 1): unknown[] {
  const out: unknown[] = [];
  const spread = (items: unknown[], level: number) => {
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) continue; // holes are skipped, as the specification says
      const item = items[i];
      if (Array.isArray(item) && level > 0) spread(item, level - 1);
      else out.push(item);
    }
  };
  spread(this, Math.floor(Number(depth)) || 0);
  return out;
}

/** Array.prototype.flatMap: map, then flat one level. */
function flatMap<T, U>(this: T[], callback: (value: T, index: number, array: T[]) => U | readonly U[], thisArg?: unknown): U[] {
  const out: U[] = [];
  for (let i = 0; i < this.length; i++) {
    if (!(i in this)) continue;
    const mapped = callback.call(thisArg, this[i], i, this);
    if (Array.isArray(mapped)) out.push(...(mapped as U[]));
    else out.push(mapped as U);
  }
  return out;
}

/** Object.fromEntries: an object from [key, value] pairs of any iterable. */
function fromEntries(entries: Iterable<readonly [PropertyKey, unknown]>): Record<PropertyKey, unknown> {
  const out: Record<PropertyKey, unknown> = {};
  for (const [key, value] of entries) out[key as string] = value;
  return out;
}

/** String.prototype.matchAll: every match of a global regular expression, with its groups and index. */
function* matchAll(this: string, pattern: RegExp): IterableIterator<RegExpExecArray> {
  if (!pattern.global) throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
  const re = new RegExp(pattern.source, pattern.flags);
  re.lastIndex = pattern.lastIndex;
  for (let found = re.exec(this); found; found = re.exec(this)) {
    if (found[0] === '') re.lastIndex++;
    yield found;
  }
}

/** What is installed, where, under which name: a table, so a missing one is one line. */
const BUILTINS: { owner: (g: Global) => object; name: string; value: unknown }[] = [
  { owner: (g) => g.Array.prototype, name: 'flat', value: flat },
  { owner: (g) => g.Array.prototype, name: 'flatMap', value: flatMap },
  { owner: (g) => g.Object, name: 'fromEntries', value: fromEntries },
  { owner: (g) => g.String.prototype, name: 'matchAll', value: matchAll },
  { owner: (g) => g.String.prototype, name: 'trimStart', value: (g: Global) => g.String.prototype.trimLeft },
  { owner: (g) => g.String.prototype, name: 'trimEnd', value: (g: Global) => g.String.prototype.trimRight },
];

/** The global object: `self` in the page and the worker (EdgeHTML 18 has no `globalThis` either). */
function globalObject(): Global {
  return (typeof self !== 'undefined' ? self : globalThis) as unknown as Global;
}

/**
 * Installs each built-in `g` lacks (non-enumerable, as the real ones), and `globalThis`; returns
 * the names installed. trimStart/trimEnd are the older trimLeft/trimRight, which EdgeHTML 18 has.
 */
export function installMissingBuiltins(g: Global = globalObject()): string[] {
  const installed: string[] = [];
  if (!('globalThis' in g)) {
    Object.defineProperty(g, 'globalThis', { value: g, writable: true, configurable: true, enumerable: false });
    installed.push('globalThis');
  }
  for (const { owner, name, value } of BUILTINS) {
    const target = owner(g) as Record<string, unknown>;
    if (typeof target[name] === 'function') continue;
    const fn = name === 'trimStart' || name === 'trimEnd' ? (value as (g: Global) => unknown)(g) : value;
    Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
    installed.push(name);
  }
  return installed;
}

installMissingBuiltins();
