/**
 * The checker behind test/e2e/es2018.test.ts on snippets written by hand: it must name each
 * ES2018 feature EdgeHTML 18 or Safari 14 cannot parse, and let through what they run (so the
 * build test can fail, and fails for the right reason).
 */
import { syntaxOldHostsLack } from './support/old-host-syntax';

const featuresIn = (code: string) => syntaxOldHostsLack(code).map((f) => f.feature);

test.each([
  ['var o = {...a, b: 1};', 'object spread {...a}'],
  ['var {a, ...rest} = o;', 'object rest {a, ...rest}'],
  ['function f({a, ...rest}) { return rest; }', 'object rest {a, ...rest}'],
  ['async function f(s) { for await (const x of s) {} }', 'for await (…)'],
  ['var g = async function* () {};', 'async generator function'],
  ['var r = /(?<=；)\\s*/;', 'regexp lookbehind (?<= (?<!'],
  ['var r = /(?<!-)\\d+/;', 'regexp lookbehind (?<= (?<!'],
  ['var r = new RegExp("(?<=[;])\\\\s*");', 'regexp lookbehind (?<= (?<!'],
  ['var r = /(?<year>\\d{4})-\\k<year>/;', 'regexp named group (?<name>'],
  ['var r = /a.b/s;', 'regexp dotAll flag s'],
  ['var r = RegExp(`[^\\\\p{L}\\\\p{N}]+`, "gu");', 'regexp Unicode property escape \\p{…}'],
])('%s is found as %s', (code, feature) => {
  expect(featuresIn(code)).toContain(feature);
});

test.each([
  'var o = Object.assign({}, a, {b: 1}); var [x, ...xs] = list; f(...args);',
  'var r = /[(?<=]/; var s = /\\(?<=x\\)/; var t = /(?:a)(?=b)(?!c)/g;', // a class, escapes, lookaheads
  'var r = new RegExp(`[^${LETTERS}]+`, "gu");', // computed: the ranges of src/engine/unicode-classes.ts
  'var r = /\\u{20000}/u; var s = /p{L}/;',
])('%s runs in EdgeHTML 18 and Safari 14: nothing found', (code) => {
  expect(featuresIn(code)).toEqual([]);
});

test('a script that is not ES2018 at all is refused by the parser itself', () => {
  expect(() => syntaxOldHostsLack('var a = b?.c ?? d;')).toThrow(SyntaxError);
});
