/**
 * The built-ins EdgeHTML 18 lacks (issue 9), installed into a fresh JavaScript realm from which
 * they were removed, as that browser has it: each then behaves as the real one on the calls
 * our code makes. In a realm that has them, nothing is replaced.
 */
import * as vm from 'vm';
import { installMissingBuiltins } from '../../src/taskpane/legacy-builtins';

/** A new realm without the functions Edge 79 brought (and without globalThis): its context and its global. */
function edgeHtml18Realm(): { context: vm.Context; global: typeof globalThis } {
  const context = vm.createContext({});
  vm.runInContext(
    `delete Array.prototype.flat; delete Array.prototype.flatMap; delete Object.fromEntries;
     delete String.prototype.matchAll; delete String.prototype.trimStart; delete String.prototype.trimEnd;
     delete globalThis.globalThis; this.self = this;`,
    context,
  );
  return { context, global: vm.runInContext('this', context) };
}

test('installs exactly the missing ones, and they behave like the real ones on a clerk’s data', () => {
  const { context, global } = edgeHtml18Realm();
  expect(vm.runInContext('typeof [].flatMap + typeof globalThis', context)).toBe('undefinedundefined');
  expect(installMissingBuiltins(global).sort()).toEqual(['flat', 'flatMap', 'fromEntries', 'globalThis', 'matchAll', 'trimEnd', 'trimStart']);
  const run = (code: string) => JSON.parse(vm.runInContext(`JSON.stringify(${code})`, context));
  expect(run(`[[1, [2]], 3, [4]].flat()`)).toEqual([1, [2], 3, 4]);
  expect(run(`[[1, [2, [3]]]].flat(Infinity)`)).toEqual([1, 2, 3]);
  expect(run(`['记-00001', '记-00002'].flatMap((v, i) => i === 0 ? [v, '合计'] : v)`)).toEqual(['记-00001', '合计', '记-00002']);
  expect(run(`Object.fromEntries(new Map([['current', '0.00'], ['1-30', '1200.50']]))`)).toEqual({ current: '0.00', '1-30': '1200.50' });
  expect(run(`[...'<sheet name="日记账"/><sheet name="银行"/>'.matchAll(/name="([^"]+)"/g)].map((m) => [m[1], m.index])`)).toEqual([['日记账', 7], ['银行', 26]]);
  expect(run(`[...'a,b'.matchAll(/x*/g)].length`)).toBe(4); // empty matches advance, never loop
  expect(() => vm.runInContext(`'abc'.matchAll(/b/)`, context).next()).toThrow(TypeError);
  expect(run(`'  上海明辉贸易有限公司　 '.trimEnd() + '|' + '\\t INV-0042'.trimStart()`)).toBe('  上海明辉贸易有限公司|INV-0042');
  expect(run(`globalThis === self`)).toBe(true);
  expect(run(`Object.keys(Array.prototype).length`)).toBe(0); // not enumerable: for…in over arrays stays clean
});

test('a realm that has them keeps its own', () => {
  const context = vm.createContext({});
  const global = vm.runInContext('this', context);
  const own = vm.runInContext('Array.prototype.flatMap', context);
  expect(installMissingBuiltins(global)).toEqual([]);
  expect(vm.runInContext('Array.prototype.flatMap', context)).toBe(own);
});
