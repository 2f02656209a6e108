/**
 * `recon match --out` over a workbook an earlier run wrote, with its Aliases sheet edited in Excel:
 * a pair typed there makes the abbreviated bank name's payments auto (the reason names it), a row
 * missing a name is reported on stderr and kept, a typed "accept" teaches its pair, and deleting a
 * row removes its effect on the next run.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { main, type CliIo } from '../../src/cli/main';
import { tempDir } from './fixtures';

// Typed the way a clerk keeps them: an opening-balance line, whole-yuan receipts.
const JOURNAL = [
  '日期,凭证号,摘要,对方单位,借方,贷方,余额',
  '2025-03-01,,期初余额,,,,200000.00',
  '2025-03-04,记-21,收货款,Acme Industrial Supply LLC,12000.00,,212000.00',
  '2025-03-06,记-22,付运费,北京顺达物流有限公司,,3560.40,208439.60',
  '2025-03-18,记-23,收货款,Acme Industrial Supply LLC,8500.00,,216939.60',
  '2025-03-24,记-24,收货款,上海恒丰贸易有限公司,50000.00,,266939.60',
].join('\n') + '\n';

const BANK = [
  '中国工商银行对公账户明细',
  '账号: 1001 2345 6789 0123 456,,,,,,',
  '交易日期,对方户名,摘要,借方发生额,贷方发生额,余额,流水号',
  '2025-03-05,ACME IND SUP,ACH CREDIT,,"12,000.00","212,000.00",B0101',
  '2025-03-06,北京顺达物流有限公司,运费,"3,560.40",,"208,439.60",B0102',
  '2025-03-19,ACME IND SUP,ACH CREDIT,,"8,500.00","216,939.60",B0103',
  '2025-03-25,张伟,转账,,"50,000.00","266,939.60",B0104',
].join('\r\n') + '\r\n';

function capture(now: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { USER: 'wang' }, now: () => new Date(now) };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await fs.writeFile(path.join(dir, 'journal.csv'), JOURNAL, 'utf8');
  await fs.writeFile(path.join(dir, 'bank.csv'), `\uFEFF${BANK}`, 'utf8');
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

type Group = { status: string; bankRows: number[]; reason: string };

async function runAt(now: string): Promise<{ code: number; err: string; byLedgerRow: Record<number, Group> }> {
  const run = capture(now);
  const args = ['match', '--ledger', path.join(dir, 'journal.csv'), '--bank', path.join(dir, 'bank.csv'), '--json', path.join(dir, 'r.json'), '--out', path.join(dir, 'out.xlsx'), '--lang', 'en'];
  const code = await main(args, run.io);
  const json = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8'));
  const byLedgerRow: Record<number, Group> = {};
  for (const m of json.matches) byLedgerRow[m.ledgerRows[0]] = { status: m.status, bankRows: m.bankRows, reason: m.reason };
  return { code, err: run.err(), byLedgerRow };
}

async function editWorkbook(change: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, 'out.xlsx'));
  change(book);
  await book.xlsx.writeFile(path.join(dir, 'out.xlsx'));
}

async function aliasRows(): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, 'out.xlsx'));
  const rows: string[][] = [];
  book.getWorksheet('Aliases')!.eachRow((row, n) => {
    if (n > 2) rows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? '')));
  });
  return rows;
}

describe('recon match --out with an edited Aliases sheet', () => {
  it('uses a typed pair, reports an incomplete row, learns a typed accept, and drops a deleted pair', async () => {
    const first = await runAt('2025-04-01T08:00:00.000Z');
    expect(first.code).toBe(0);
    expect([first.byLedgerRow[3].status, first.byLedgerRow[4].status, first.byLedgerRow[5].status, first.byLedgerRow[6].status]).toEqual(['suggested', 'auto', 'suggested', 'suggested']);
    expect(await aliasRows()).toEqual([]);

    // In Excel: a pair typed into the Aliases sheet, a row with the ledger name left out, and
    // "accept" typed beside 张伟's 50,000.00 on the Matches sheet.
    await editWorkbook((book) => {
      const aliases = book.getWorksheet('Aliases')!;
      expect((aliases.getRow(2).values as unknown[]).slice(1)).toEqual(['Ledger name', 'Bank name', 'Added by', 'Added on', 'Note']);
      aliases.getRow(3).values = ['Acme Industrial Supply LLC', 'ACME IND SUP', null, null, 'their bank cuts the name'];
      aliases.getRow(4).values = [null, '李娜'];
      const matches = book.getWorksheet('Matches')!;
      const header = (matches.getRow(1).values as unknown[]).map(String);
      matches.eachRow((row) => {
        if (String(row.getCell(header.indexOf('Counterparty')).value).includes('上海恒丰')) row.getCell(header.indexOf('Decision (accept/reject)')).value = 'accept';
      });
    });

    const second = await runAt('2025-04-02T08:00:00.000Z');
    expect(second.code).toBe(0);
    expect(second.byLedgerRow[3]).toMatchObject({ status: 'auto', bankRows: [4] });
    expect(second.byLedgerRow[5]).toMatchObject({ status: 'auto', bankRows: [6] });
    expect(second.byLedgerRow[3].reason).toContain('ACME IND SUP is a known alias of Acme Industrial Supply LLC, added by wang on 2025-04-02');
    expect(second.err).toBe('recon: Aliases row 4: column A (Ledger name) is empty, expected a name; the row is not used\n');
    expect(await aliasRows()).toEqual([
      ['Acme Industrial Supply LLC', 'ACME IND SUP', 'wang', '2025-04-02T08:00:00.000Z', 'their bank cuts the name'],
      ['', '李娜', 'wang', '2025-04-02T08:00:00.000Z', ''],
      ['上海恒丰贸易有限公司', '张伟', 'wang', '2025-04-02T08:00:00.000Z', 'Learned from D1 M4 (accept)'],
    ]);

    // The typed pair deleted (the whole row), the incomplete one too: their effect goes with them.
    // (Rows moved up by hand: exceljs's spliceRows leaves stray cells behind.)
    await editWorkbook((book) => {
      const aliases = book.getWorksheet('Aliases')!;
      for (let c = 1; c <= 5; c++) {
        aliases.getRow(3).getCell(c).value = aliases.getRow(5).getCell(c).value;
        aliases.getRow(4).getCell(c).value = null;
        aliases.getRow(5).getCell(c).value = null;
      }
    });
    const third = await runAt('2025-04-03T08:00:00.000Z');
    expect(third.code).toBe(0);
    expect(third.err).toBe('');
    expect([third.byLedgerRow[3].status, third.byLedgerRow[5].status]).toEqual(['suggested', 'suggested']);
    expect(third.byLedgerRow[3].reason).not.toContain('alias');
    expect(await aliasRows()).toEqual([['上海恒丰贸易有限公司', '张伟', 'wang', '2025-04-02T08:00:00.000Z', 'Learned from D1 M4 (accept)']]);
  });
});
