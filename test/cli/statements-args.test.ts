import { worksheetValues } from '../../src/workbook/file/sheet-values';
import { decodeState } from '../../src/workbook/layout/recon-state';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main } from '../../src/cli/main';

const base = ['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--out', 'o.xlsx'];
const request = (extra: string[]) => {
  const parsed = parseArgs([...base, ...extra]);
  if (parsed.command !== 'match') throw new Error('expected match');
  return parsed.request;
};

describe('statement flags', () => {
  test('period as a month or a range, statement date, company, zero balances', () => {
    expect(request(['--statements-period', '2025-03', '--statement-date=2025-04-05', '--company', ' 上海星辰电子有限公司 ', '--statements-all'])).toMatchObject({
      statementsPeriod: { from: '2025-03-01', to: '2025-03-31' },
      statementDate: '2025-04-05',
      company: '上海星辰电子有限公司',
      statementsAll: true,
    });
    expect(request(['--statements-period', '2025-03-16..2025-04-15']).statementsPeriod).toEqual({ from: '2025-03-16', to: '2025-04-15' });
  });

  test('terms and language per customer', () => {
    expect(request(['--customer-terms', '上海明辉贸易有限公司=60；ACME Ltd = 45', '--customer-lang', 'Wing=Heng Ltd=zh-TW'])).toMatchObject({
      customerTerms: { 上海明辉贸易有限公司: 60, 'ACME Ltd': 45 },
      customerLanguages: { 'Wing=Heng Ltd': 'zh-TW' },
    });
    expect(() => request(['--customer-terms', 'ACME=thirty'])).toThrow(/payment terms in days/);
    expect(() => request(['--customer-lang', 'ACME=fr'])).toThrow(UsageError);
    expect(() => request(['--customer-terms', '=30'])).toThrow(/customer=value/);
  });

  test('a period or date that is not one is a usage error naming the flag', () => {
    expect(() => request(['--statements-period', 'March'])).toThrow(new UsageError('--statements-period: expected a month such as 2025-03 or dates such as 2025-03-01..2025-03-31, found "March"'));
    expect(() => request(['--statement-date', '2025-02-30'])).toThrow(UsageError);
  });
});

describe('recon match --out with statements', () => {
  const FIXTURES = path.join(__dirname, '../fixtures/statements');
  const run = async (extra: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'recon-st-'));
    let stderr = '';
    const code = await main(['match', '--ledger', '应收账款明细账-2025-03.csv', '--bank', '工行流水-2025-03.csv', '--json', path.join(dir, 'r.json'), '--out', path.join(dir, 'o.xlsx'), ...extra], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      cwd: FIXTURES,
      env: {},
    });
    return { code, stderr, dir };
  };

  test('the workbook holds the index and a statement per customer; the company name is kept in its record', async () => {
    const { code, dir } = await run(['--statements-period', '2025-03', '--company', '上海星辰电子有限公司', '--lang', 'en', '--customer-terms', '上海明辉贸易有限公司=45', '--customer-lang', '上海明辉贸易有限公司=en']);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(dir, 'o.xlsx')) as unknown as ExcelJS.Buffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Statements', '上海明辉贸易有限公司', 'ACME Trading Ltd.']));
    const index = book.getWorksheet('Statements')!;
    // The tab column links to each statement's A1 (a HYPERLINK formula showing the tab name).
    expect(index.getCell('B2').value).toMatchObject({ formula: expect.stringMatching(/^HYPERLINK\("#.+!A1",".+"\)$/) });
    // Recon's state, in the one format every host reads (layout/recon-state).
    const state = decodeState(worksheetValues(book.getWorksheet('_recon_state')!).map((row) => row.slice(0, 3)))!;
    expect(state.run!.options).toMatchObject({ company: '上海星辰电子有限公司', statementsPeriod: '2025-03-01..2025-03-31' });
    // The English index, a statement in the customer's language (ACME: English).
    const acme = book.getWorksheet('ACME Trading Ltd.')!;
    expect(acme.getCell('A1').value).toBe('Customer statement');
    // Set per customer on the command line: 上海明辉 in English with 45 days' terms.
    const minghui = book.getWorksheet('上海明辉贸易有限公司')!;
    expect(minghui.getCell('A1').value).toBe('Customer statement');
    expect(minghui.getCell('G3').value).toBe('45 days');
  });

  test('asking for statements from a cash journal is refused with the reason (exit 2)', async () => {
    const { code, stderr } = await run(['--ledger-kind', 'cash-journal', '--company', 'X']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/statements need a receivables ledger/);
  });
});
