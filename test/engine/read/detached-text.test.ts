/**
 * detached: the copy an entry keeps of a cell's text is the same text, whatever its length or script
 * (what it saves, the chunk a view keeps alive, shows in `npm run bench`'s memory figures).
 */
import { detached } from '../../../src/engine/read/detached-text';

describe('detached', () => {
  it('gives back the same text, short or long, ASCII, Chinese or with astral characters', () => {
    const chunk = '2025-03-01,BACS CREDIT,Lakefalcon Packaging & Co. Ltd,"4,723.99",上海华程贸易有限公司 货款 HC-0301,𠮷野家 (Yoshinoya) ✓\n';
    for (let from = 0; from < chunk.length; from += 7) {
      for (const length of [0, 1, 12, 13, 14, 40, 200]) {
        const text = chunk.substring(from, from + length);
        expect(detached(text)).toBe(text);
      }
    }
    expect(detached('')).toBe('');
    expect(detached('=SUM(A1:A9) looks like a formula')).toBe('=SUM(A1:A9) looks like a formula');
  });
});
