/**
 * A CSV that is not UTF-8 is GB18030, Big5 or Windows-1252, told apart by the text each reading gives
 * (workbook/file/legacy-encoding.ts). A Big5 export read as GB18030 used to become random characters
 * (and its ledger refused for want of recognisable headers); a Western export's `Café` lost its `é`
 * and the letter after it.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { legacyEncoding } from '../../../src/workbook/file/legacy-encoding';
import { decodeText, readCsvTable } from '../../../src/workbook/file/read-csv';
import { loadTable } from '../../../src/workbook/file/load-table';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const HAND_MADE = path.join(__dirname, '../../fixtures/hand-made');
const BIG5_LEDGER = path.join(HAND_MADE, 'zh-tw-ledger-vs-esun-big5', '銀行存款明細帳-11403.csv');
const BIG5_BANK = path.join(HAND_MADE, 'zh-tw-ledger-vs-esun-big5', '玉山銀行-交易明細-202503.csv');
const GBK_BANK = path.join(HAND_MADE, 'zh-kingdee-journal-vs-ccb-gbk', 'ccb-交易明细-2025-05.csv');

// "交易日期,摘要,存款金額,餘額\n2025/03/03,跨行轉入,"126,000","1,412,450"\n" in Big5
const BIG5_LINES = hex('a5e6a9f6a4e9b4c12cba4bad6e2ca673b4daaaf7c3422cbe6cc3420a323032352f30332f30332cb8f3a6e6c2e0a44a2c223132362c303030222c22312c3431322c343530220a');
// "Date,Description,Amount\n03/04/2025,Café Nero Müller,£12.50\n" in Windows-1252
const WESTERN = hex('446174652c4465736372697074696f6e2c416d6f756e740a30332f30342f323032352c436166e9204e65726f204dfc6c6c65722ca331322e35300a');

describe('the encoding of a CSV that is not UTF-8', () => {
  it('reads a Big5 export as Big5, naming the evidence', async () => {
    const choice = legacyEncoding(await fs.readFile(BIG5_BANK));
    expect(choice.encoding).toBe('big5');
    const [gb, big5] = choice.readings;
    expect(big5.words).toBeGreaterThan(10); // 交易日期, 摘要, 餘額, 銀行 …
    expect(gb.words).toBe(0);
    expect(big5.common / big5.chinese).toBeGreaterThan(0.6);
    expect(gb.common / gb.chinese).toBeLessThan(0.2);
    expect(decodeText(BIG5_LINES)).toEqual({ text: '交易日期,摘要,存款金額,餘額\n2025/03/03,跨行轉入,"126,000","1,412,450"\n', encoding: 'big5' });
  });

  it('keeps GBK exports (CCB, Alipay) as GB18030', async () => {
    expect(legacyEncoding(await fs.readFile(GBK_BANK)).encoding).toBe('gb18030');
    const alipay = path.join(__dirname, '../../fixtures/real-exports/deb-sig__double-entry-generator/example/alipay/example-alipay-records.csv');
    expect(legacyEncoding(await fs.readFile(alipay)).encoding).toBe('gb18030');
    // two characters are enough when they are a bank word: "2025-03-05,1.00\n交易,2.00\n"
    expect(legacyEncoding(hex('323032352d30332d30352c312e30300abdbbd2d72c322e30300a')).encoding).toBe('gb18030');
  });

  it('reads a Western export with accents and £ as Windows-1252, not as random Chinese', () => {
    const choice = legacyEncoding(WESTERN);
    expect(choice.encoding).toBe('windows-1252');
    expect(choice.western).toBeGreaterThanOrEqual(3); // é, ü, £ before a figure
    expect(readCsvTable(WESTERN).values).toEqual([
      ['Date', 'Description', 'Amount'],
      ['03/04/2025', 'Café Nero Müller', '£12.50'],
    ]);
  });

  it('keeps GB18030 when nothing tells the encodings apart', () => {
    // one stray byte in English text: no Chinese text in any reading, no accented word
    const choice = legacyEncoding(hex('446174652c416d6f756e740a30332f30342f323032352c31322e353081'));
    expect(choice).toMatchObject({ encoding: 'gb18030', doubt: true });
  });

  it('reads Big5 files on the command line, whole and streamed after their first rows', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'recon-big5-'));
    try {
      // UTF-8-looking first rows, Big5 further on: the streamed rest restarts, in the encoding of the bytes that are not ASCII
      const late = path.join(dir, 'late.csv');
      // 80,000 ASCII rows (about 1.7 MB: past the text the reader gathers before its first rows, and
      // past a sample taken at the file's start)
      const head = Buffer.from(Array.from({ length: 80_000 }, (_, i) => `2025/03/${String((i % 28) + 1).padStart(2, '0')},x,${i + 1}\n`).join(''));
      expect(head.length).toBeGreaterThan(1.2 * 1024 * 1024);
      await fs.writeFile(late, Buffer.concat([head, Buffer.from(BIG5_LINES)]));
      const streamed = await loadTable(late, { streamAfter: 50 });
      expect(streamed.stream).toBeDefined();
      // the rest is not UTF-8: the engine is told to read again, and the whole file comes in Big5
      expect(() => [...streamed.stream!.rest()]).toThrow('not UTF-8 past its first rows');
      const rows = streamed.stream!.whole();
      expect(rows.slice(-2)).toEqual([
        ['交易日期', '摘要', '存款金額', '餘額'],
        ['2025/03/03', '跨行轉入', '126,000', '1,412,450'],
      ]);
      expect(rows[0]).toEqual(['2025/03/01', 'x', '1']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    const whole = await loadTable(BIG5_LEDGER);
    expect(whole.encoding).toBe('big5');
    expect(whole.cells[3]).toEqual(['傳票日期', '傳票號碼', '摘要', '客戶/廠商', '發票號碼', '借方金額', '貸方金額', '餘額']);
  });
});
