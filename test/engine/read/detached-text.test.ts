/**
 * detached: the copy an entry keeps of a cell's text is the same text, whatever its length or script,
 * and a side read from cells marked as cut from a file reads the same (what it saves, the chunk a view
 * keeps alive, shows in `npm run bench`'s memory figures).
 */
import { detached } from '../../../src/engine/read/detached-text';
import { readSide } from '../../../src/engine/read/read-side';

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

describe('CellsSource.cutFromText', () => {
  it('reads the same entries whether the cells are marked as cut from a file or not', () => {
    // one text cut into cells, as a CSV reader does (long cells become views into it in V8)
    const text = [
      '交易日期,摘要,对方户名,收入金额,支出金额,备注',
      '2025-03-05,货款 HC-0301 上海华程贸易有限公司,上海华程贸易有限公司,"1,280.50",,发票号 FP-20250305-0001',
      '2025-03-06,=SUM(A1:A9) 不是公式 Payment for invoice INV-2025-0042,Lakefalcon Packaging & Co. Ltd,,300.00,',
      '2025-03-07,手续费,,,5.00,',
    ].join('\n');
    const cells = text.split('\n').map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((cell) => cell.replace(/^"|"$/g, '')));
    const plain = readSide({ cells }, { side: 'bank' });
    const cut = readSide({ cells, cutFromText: true }, { side: 'bank' });
    expect(cut.entries.length).toBe(3);
    const view = (entries: typeof plain.entries) => entries.map((e) => ({ ...e, amount: e.amount.toFixed(2) }));
    expect(view(cut.entries)).toEqual(view(plain.entries));
    expect(cut.entries[1].description).toBe('=SUM(A1:A9) 不是公式 Payment for invoice INV-2025-0042');
  });
});
