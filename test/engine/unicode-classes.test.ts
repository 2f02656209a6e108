/**
 * The generated letter and number ranges (src/engine/unicode-classes.ts, for hosts without `\p{…}`,
 * issue 9 #2) are exactly Unicode's \p{L} and \p{N}: compared code point by code point with the
 * running Node's own, when its Unicode version is the one they were generated from. A Node with
 * another Unicode version can only differ by letters added since, so then one side must hold
 * the other.
 */
import { LETTERS, NUMBERS, UNICODE_CLASSES_VERSION } from '../../src/engine/unicode-classes';

const byVersion = (a: string, b: string) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
};

/** Code points (surrogate halves left out) where the generated class and Node's property escape disagree. */
function disagreements(body: string, property: RegExp): { onlyGenerated: number[]; onlyNode: number[] } {
  const generated = new RegExp(`^[${body}]$`, 'u');
  const onlyGenerated: number[] = [];
  const onlyNode: number[] = [];
  for (let c = 0; c < 0x110000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    const a = generated.test(ch);
    const b = property.test(ch);
    if (a && !b) onlyGenerated.push(c);
    if (b && !a) onlyNode.push(c);
  }
  return { onlyGenerated, onlyNode };
}

const cases: [string, string, RegExp][] = [
  ['letters', LETTERS, /^\p{L}$/u],
  ['numbers', NUMBERS, /^\p{N}$/u],
];

test.each(cases)('the generated %s are Unicode’s, code point by code point', (_name, body, property) => {
  const { onlyGenerated, onlyNode } = disagreements(body, property);
  const order = byVersion(process.versions.unicode ?? UNICODE_CLASSES_VERSION, UNICODE_CLASSES_VERSION);
  if (order === 0) {
    expect(onlyGenerated).toEqual([]);
    expect(onlyNode).toEqual([]);
  } else if (order > 0) {
    expect(onlyGenerated).toEqual([]); // a newer Node only adds
  } else {
    expect(onlyNode).toEqual([]);
  }
});

test('a clerk’s mixed text splits where Unicode says: Han, Latin with accents, Cyrillic, full-width digits, Ⅻ', () => {
  const notLetterOrNumber = new RegExp(`[^${LETTERS}${NUMBERS}]+`, 'gu');
  expect('上海星辰电子 Café-Müller / ООО «Ромашка» №１２ Ⅻ'.split(notLetterOrNumber)).toEqual([
    '上海星辰电子', 'Café', 'Müller', 'ООО', 'Ромашка', '１２', 'Ⅻ',
  ]);
  expect(new RegExp(`^[${LETTERS}]+$`, 'u').test('𠀋𡈽')).toBe(true); // CJK Extension B, outside the BMP
});
