import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { main, type CliIo } from '../../src/cli/main';
import { flagsFor } from '../../src/cli/doubtful-reading';
import { JOURNAL_ROWS, useFixtures } from './fixtures';

/** exceljs keeps a sheet's conditional formats in a field its types leave out. */
const conditionalFormats = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;

function capture(extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, ...extra };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const fixture = useFixtures();

async function readJson(file: string) {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

describe('recon match: a cash journal against a Chinese bank export', () => {
  let json: any;
  let run: ReturnType<typeof capture>;
  let code: number;

  beforeAll(async () => {
    run = capture();
    code = await main(['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'result.json'), '--lang', 'zh-CN'], run.io);
    json = await readJson(path.join(fixture.dir, 'result.json'));
  });

  it('exits 0 with nothing on stderr when stderr is not a terminal', () => {
    expect(code).toBe(0);
    expect(run.err()).toBe('');
  });

  it('writes the detected layout as header rows and column letters of the source', () => {
    expect(json.ledger).toMatchObject({ headerRow: 1, columns: { date: 'A', reference: 'B', description: 'C', counterparty: 'D', inflow: 'E', outflow: 'F' } });
    expect(json.bank).toMatchObject({ headerRow: 5, columns: { date: 'A', counterparty: 'B', outflow: 'D', inflow: 'E', reference: 'G' } });
    expect(json.ledger.kind).toBe('cash-journal');
    expect(json.bank.kind).toBe('bank-statement');
  });

  it('lists matches by the sources\' own row numbers, with the required fields', () => {
    for (const m of json.matches) {
      expect(m).toEqual(expect.objectContaining({
        id: expect.stringMatching(/^M\d+$/),
        ledgerRows: expect.any(Array),
        bankRows: expect.any(Array),
        status: expect.stringMatching(/^(auto|suggested)$/),
        rule: expect.any(String),
        score: expect.any(Number),
        difference: expect.stringMatching(/^-?\d+\.\d{2}$/),
        reason: expect.stringMatching(/.+/),
      }));
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    const groups = json.matches.map((m: any) => [m.ledgerRows, m.bankRows]);
    expect(groups).toEqual([[[3], [6]], [[4], [7]], [[5, 6], [8]], [[7], [9]]]);
    expect(json.matches[0].status).toBe('auto');
    expect(json.matches[3]).toMatchObject({ status: 'suggested', difference: '5.00' });
    expect(json.matches[0].reason).toContain('金额相同');
  });

  it('puts every transaction row in exactly one place, and names the skipped lines', () => {
    expect(json.unmatched).toEqual({ ledgerRows: [8, 9], bankRows: [10, 11] });
    const ledgerRows = [...json.matches.flatMap((m: any) => m.ledgerRows), ...json.unmatched.ledgerRows, ...json.ledgerDocuments.rows];
    expect([...ledgerRows].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const bankRows = [...json.matches.flatMap((m: any) => m.bankRows), ...json.unmatched.bankRows];
    expect([...bankRows].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(json.skipped).toEqual(expect.arrayContaining([
      expect.objectContaining({ side: 'bank', row: 12, reason: expect.stringContaining('合计') }),
      expect.objectContaining({ side: 'bank', row: 1 }),
      expect.objectContaining({ side: 'ledger', row: 10, reason: expect.stringContaining('本月合计') }),
    ]));
    for (const s of json.skipped) expect(Object.keys(s)).toEqual(expect.arrayContaining(['side', 'row', 'reason']));
  });

  it('prints a short summary: rows read, matched / suggested / unmatched with amounts', () => {
    const lines = run.out().trimEnd().split('\n');
    expect(lines[0]).toBe('账簿: journal.csv 读取 7 笔 (表头在第 1 行, 跳过 3 行)');
    expect(lines[1]).toBe('银行: bank.csv 读取 6 笔 (表头在第 5 行, 跳过 6 行)');
    expect(run.out()).toContain('未匹配: 账簿 2 笔 -7,349.67, 银行 2 笔 2,975.00');
    expect(run.out()).toMatch(/匹配率: \d+\.\d%/);
    expect(run.out()).toContain('问题: 0');
    expect(lines.length).toBeLessThan(15);
  });
});

describe('recon match --out', () => {
  it('writes a reconciled workbook: both sources copied, status beside them, the Matches sheet', async () => {
    const out = path.join(fixture.dir, 'reconciled.xlsx');
    const run = capture();
    const code = await main(['match', '--ledger', fixture.files.journalXlsx, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'r.json'), '--out', out, '--lang', 'en'], run.io);
    expect(run.err()).toBe('');
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['银行存款日记账', 'visible'], ['bank', 'visible'], ['Matches', 'visible'],
      ['Discrepancies', 'visible'], ['Bank reconciliation', 'visible'], ['Summary', 'visible'], ['Aliases', 'visible'], ['Audit log', 'visible'], ['_recon_state', 'veryHidden'],
    ]);
    const ledger = book.getWorksheet('银行存款日记账')!;
    JOURNAL_ROWS.forEach((row, r) => row.forEach((v, c) => expect(ledger.getCell(r + 1, c + 1).value ?? null).toBe(v)));
    expect(ledger.getCell('C7').type).toBe(ExcelJS.ValueType.String);
    expect(ledger.getCell('H1').value).toBe('Recon status');
    // 期初余额 is named as what it is, not as a 合计 line
    expect(ledger.getCell('H2').value).toBe('Skipped: opening balance line');
    expect(ledger.getCell('H3').value).toBe('M1 Matched');
    expect(ledger.getCell('H10').value).toBe('Skipped: total line');
    expect(ledger.getCell('H11').value).toBeNull();
    const bank = book.getWorksheet('bank')!;
    expect(bank.getCell('A1').value).toBe('中国工商银行对公账户明细');
    expect(bank.getCell('H12').value).toBe('Skipped: total line');
    expect(conditionalFormats(bank).map((f) => f.ref)).toEqual(['A6:H12']);
    const matches = book.getWorksheet('Matches')!;
    expect(matches.getTable('ReconMatches')).toBeDefined();
    expect(matches.getCell('A6').value).toBe('Total');
    expect(run.out()).toContain(`Wrote: ${path.join(fixture.dir, 'r.json')}, ${out}`);
  });
});

describe('recon match options', () => {
  it('takes column letters for a file whose headers it cannot read, and reports them back', async () => {
    const odd = path.join(fixture.dir, 'odd.csv');
    await fs.writeFile(odd, 'c1,c2,c3,c4,c5\n2025-03-03,x,上海华程贸易有限公司,12800.00,\n2025-03-05,y,北京顺达物流有限公司,,3560.40\n');
    const json = path.join(fixture.dir, 'odd.json');
    const without = capture();
    expect(await main(['match', '--ledger', odd, '--bank', fixture.files.bankCsv, '--json', json], without.io)).toBe(2);
    expect(without.err()).toMatch(/^recon: odd\.csv: .+\n$/);

    const withColumns = capture();
    const code = await main(['match', '--ledger', odd, '--bank', fixture.files.bankCsv, '--json', json, '--ledger-columns', 'date=A,counterparty=C,inflow=D,outflow=E'], withColumns.io);
    expect(code).toBe(0);
    const result = await readJson(json);
    expect(result.ledger.columns).toEqual({ date: 'A', counterparty: 'C', inflow: 'D', outflow: 'E' });
    expect(result.matches.map((m: any) => [m.ledgerRows, m.bankRows])).toEqual([[[2], [6]], [[3], [7]]]);
  });

  it('reads a ledger that writes spending positive as the user states it (--ledger-opposite-signs), and names that flag when in doubt', async () => {
    const pair = path.join(__dirname, '../fixtures/hand-made/zh-household-card-list-spending-positive-vs-real-boc-credit');
    const bill = path.join(__dirname, '../fixtures/real-exports/deb-sig__double-entry-generator/example/boc/credit/example-boc-records.csv');
    const json = path.join(fixture.dir, 'reversed.json');
    const run = capture();
    const args = ['match', '--ledger', path.join(pair, '中行卡-12月流水.csv'), '--bank', bill, '--json', json, '--lang', 'en'];
    expect(await main([...args, '--ledger-kind', 'cash-journal', '--ledger-opposite-signs'], run.io)).toBe(0);
    const result = await readJson(json);
    expect(result.ledger.decisions).toContain('Signs reversed as chosen: money out written positive, money in negative');
    expect(result.ledger.decisions.join('\n')).not.toMatch(/counterparty/);
    // the jacket (row 6) is money out, met by the bill's purchase
    expect(result.matches.find((m: any) => m.ledgerRows.includes(6))?.bankRows).toEqual([8]);
    expect(flagsFor({ key: 'cash-journal-reversed', kind: 'cash-journal', oppositeSigns: true, score: 0 }, 'ledger')).toBe('--ledger-kind cash-journal --ledger-opposite-signs');
    expect(flagsFor({ key: 'counterparty-payables-ledger', kind: 'payables-ledger', oppositeSigns: true, score: 0 }, 'bank')).toBe('--bank-kind payables-ledger --opposite-signs');
  });

  it('passes the date window and tolerance to the matcher', async () => {
    const json = path.join(fixture.dir, 'strict.json');
    expect(await main(['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', json, '--tolerance', '0', '--date-window', '3'], capture().io)).toBe(0);
    const result = await readJson(json);
    expect(result.matches.some((m: any) => m.rule === 'amount-tolerance')).toBe(false);
    expect(result.unmatched.ledgerRows).toContain(7);
  });

  it('speaks the language of LANG when --lang is not given', async () => {
    const run = capture({ env: { LANG: 'zh_TW.UTF-8' } });
    await main(['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'tw.json')], run.io);
    expect(run.out()).toContain('帳簿: journal.csv 讀取 7 筆');
    const en = capture({ env: { LANG: 'C.UTF-8' } });
    await main(['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'en.json')], en.io);
    expect(en.out()).toContain('Ledger: journal.csv: 7 entries read (header on row 1; skipped: 3)');
  });

  it('draws progress on stderr only when it is a terminal', async () => {
    const run = capture({ stderrIsTTY: true });
    expect(await main(['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'tty.json')], run.io)).toBe(0);
    expect(run.err()).toContain('matching');
    expect(run.out()).not.toContain('matching');
  });

  it('prints usage for --help and exits 0', async () => {
    const run = capture();
    expect(await main(['--help'], run.io)).toBe(0);
    expect(run.out()).toContain('Usage: recon match --ledger <file> --bank <file> --json <result.json>');
    // Every option's text starts in the text column, apart from its flag (the longest flag's text on the next line).
    const lines = run.out().split('\n');
    const flagged = lines.filter((line) => /^  --/.test(line));
    expect(flagged.length).toBeGreaterThan(20);
    for (const line of flagged) {
      const at = lines.indexOf(line);
      const flag = /^  (--\S+(?: <[^>]+>)?)/.exec(line)![1];
      const sameLine = line.length > 2 + flag.length;
      const text = sameLine ? line.slice(31) : lines[at + 1].slice(31);
      if (!sameLine) expect(lines[at + 1].slice(0, 31)).toMatch(/^ +$/);
      expect(line.startsWith(`  ${flag}`)).toBe(true);
      expect(text.length).toBeGreaterThan(0);
      expect(text.startsWith(' ')).toBe(false);
      if (sameLine) expect(line.slice(2 + flag.length, 31)).toMatch(/^ +$/); // at least one space between
    }
    expect(run.out()).toContain('  --name-strictness <strict|normal|loose>\n                               how closely');
  });
});

describe('recon match refuses unusable input with exit 2 and one line', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['match', '--ledger', path.join(fixture.dir, 'nope.csv'), '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'x.json')], /nope\.csv: no such file/],
    ['a missing --json', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv], /Missing --json/],
    ['an unknown option', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', 'x.json', '--fast'], /Unknown option --fast/],
    ['a bad column spec', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', 'x.json', '--bank-columns', 'date=A,money=F'], /unknown role "money"/],
    ['a bad kind', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', 'x.json', '--ledger-kind', 'journal'], /--ledger-kind: expected one of cash-journal/],
    ['a bad tolerance', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', 'x.json', '--tolerance', 'abc'], /--tolerance: expected an amount/],
    ['an unknown command', () => ['reconcile'], /Unknown command "reconcile"/],
    ['an unwritable output', () => ['match', '--ledger', fixture.files.journalCsv, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'no', 'such', 'fixture.dir', 'r.json')], /cannot write .*r\.json: its folder does not exist/],
  ];

  it.each(cases)('%s', async (_name, argv, message) => {
    const run = capture();
    expect(await main(argv(), run.io)).toBe(2);
    const err = run.err();
    expect(err).toMatch(message);
    expect(err.startsWith('recon: ')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(run.out()).toBe('');
  });

  it('a damaged .xls file', async () => {
    const xls = path.join(fixture.dir, 'old.xls');
    await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = capture();
    expect(await main(['match', '--ledger', xls, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'x.json')], run.io)).toBe(2);
    expect(run.err()).toBe('recon: old.xls: the file is damaged (not an OLE2 compound file); open it in Excel and save as .xlsx\n');
  });
});

describe('recon match with dates that fit both orders, written in opposite orders on the two sides', () => {
  // a UK book (day first) against a Canadian export (month first): every date of both fits either order
  const book = ['Date,Payee,Payment,Deposit', '01/05/2023,Dollarama,1.96,', '01/05/2023,T&T Supermarket,12.10,', '02/05/2023,Interac e-Transfer,239.13,', '03/05/2023,Development MSP,,332.22'].join('\n');
  const bank = ['05/01/2023,DOLLARAMA # 845,1.96,,13.04', '05/01/2023,T T SUPERMARKET,12.10,,15.00', '05/02/2023,SEND E-TFR,239.13,,93.09', '05/03/2023,DEVELOPM MSP,,332.22,332.22'].join('\n');
  let files: { book: string; bank: string };
  beforeAll(async () => {
    files = { book: path.join(fixture.dir, 'uk-book.csv'), bank: path.join(fixture.dir, 'td.csv') };
    await fs.writeFile(files.book, book);
    await fs.writeFile(files.bank, bank);
  });

  it('stops with exit 2, names both examples and the two flags that settle it', async () => {
    const run = capture();
    expect(await main(['match', '--ledger', files.book, '--bank', files.bank, '--json', path.join(fixture.dir, 'dates.json'), '--lang', 'en'], run.io)).toBe(2);
    expect(run.err()).toBe(
      'recon: cannot tell the date order: the ledger and the bank write dates (such as 01/05/2023 and 05/01/2023) in opposite orders, and nothing tells which side is day/month. Choose one and run again: --ledger-date-order DMY; --bank-date-order DMY\n',
    );
  });

  it.each([
    ['--ledger-date-order', 'DMY'],
    ['--bank-date-order', 'dmy'],
  ])('%s %s settles it: every line meets, the other side read month-first from the data', async (flag, order) => {
    const json = path.join(fixture.dir, `dates-${flag}.json`);
    expect(await main(['match', '--ledger', files.book, '--bank', files.bank, '--json', json, '--lang', 'en', flag, order], capture().io)).toBe(0);
    const result = await readJson(json);
    expect(result.matches).toHaveLength(4);
    expect(result.matches.every((m: any) => m.status === 'auto')).toBe(true);
    const [chosen, other] = flag.startsWith('--ledger') ? [result.ledger, result.bank] : [result.bank, result.ledger];
    expect(chosen.decisions).toContain('Dates read in the order chosen: day/month/year');
    expect(other.decisions.join('\n')).toContain('read as month/day because then 4 lines meet a line of the same amount on the other side within 7 days (read the other way: 0)');
  });

  it('refuses an order it does not know', async () => {
    const run = capture();
    expect(await main(['match', '--ledger', files.book, '--bank', files.bank, '--json', 'x.json', '--ledger-date-order', 'DM'], run.io)).toBe(2);
    expect(run.err()).toMatch(/--ledger-date-order: expected one of DMY, MDY, YMD, found "DM"/);
  });
});

describe('recon match --out over a workbook an earlier run wrote', () => {
  it('keeps what a teammate decided in its Matches sheet, and the ids of the other groups', async () => {
    const out = path.join(fixture.dir, 'kept.xlsx');
    const args = ['match', '--ledger', fixture.files.journalXlsx, '--bank', fixture.files.bankCsv, '--json', path.join(fixture.dir, 'kept.json'), '--out', out, '--lang', 'en'];
    expect(await main(args, capture({ env: { USER: 'wang' } }).io)).toBe(0);
    const first = await readJson(path.join(fixture.dir, 'kept.json'));
    const rejected = first.matches.find((m: any) => m.status === 'auto');

    // A teammate opens the workbook in Excel, types "reject" beside that group, saves.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Matches')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const decisionColumn = header.indexOf('Decision (accept/reject)');
    const byColumn = header.indexOf('Decided by');
    sheet.eachRow((row) => {
      if (row.getCell(1).value === rejected.id) {
        row.getCell(decisionColumn).value = 'reject';
        row.getCell(byColumn).value = 'Li (reviewer)';
      }
    });
    await book.xlsx.writeFile(out);

    expect(await main(args, capture({ env: { USER: 'wang' } }).io)).toBe(0);
    const second = await readJson(path.join(fixture.dir, 'kept.json'));
    expect(second.matches.map((m: any) => m.id)).not.toContain(rejected.id);
    expect(second.unmatched.ledgerRows).toEqual(expect.arrayContaining(rejected.ledgerRows));
    // Every other group keeps its id.
    const others = first.matches.filter((m: any) => m.id !== rejected.id).map((m: any) => `${m.id}:${m.ledgerRows}:${m.bankRows}`);
    expect(second.matches.map((m: any) => `${m.id}:${m.ledgerRows}:${m.bankRows}`)).toEqual(others);

    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    const audit = saved.getWorksheet('Audit log')!;
    const actions: string[] = [];
    audit.eachRow((row, n) => n > 1 && actions.push(`${row.getCell(3).value} ${row.getCell(4).value}`));
    expect(actions).toEqual(['wang Run', 'Li (reviewer) Decision', 'wang Run']);

    // --user names who runs it, over the OS user.
    expect(await main([...args, '--user', '赵主管'], capture({ env: { USER: 'wang' } }).io)).toBe(0);
    const third = new ExcelJS.Workbook();
    await third.xlsx.readFile(out);
    const users: string[] = [];
    third.getWorksheet('Audit log')!.eachRow((row, n) => n > 1 && users.push(String(row.getCell(3).value)));
    expect(users.at(-1)).toBe('赵主管');
  });
});

describe('recon match on long CSV files (read as they are parsed)', () => {
  it('writes the same result.json as when the cells are kept whole for --out', async () => {
    // a bank export (title lines, header, 合计 line) and the cash journal that books it, 24,000 rows each
    const bank = ['中国建设银行账户交易明细', '账号: 4400 1234 5678 0000 123', '交易日期,摘要,对方户名,收入金额,支出金额,余额,流水号'];
    const journal = ['日期,凭证号,摘要,对方单位,借方,贷方,余额'];
    const names = ['上海华程贸易有限公司', '北京顺达物流有限公司', '杭州明远科技有限公司', '深圳佳美办公用品有限公司'];
    let balance = 500_000_00;
    for (let i = 0; i < 24_000; i++) {
      const date = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 60) * 86_400_000).toISOString().slice(0, 10);
      const cents = 1_000 + ((i * 7919) % 3_000_000);
      const inflow = i % 3 !== 0;
      balance += inflow ? cents : -cents;
      const amount = (cents / 100).toFixed(2);
      const name = names[i % names.length];
      bank.push([date, inflow ? `货款 HC-${i}` : `付款 PO-${i}`, name, inflow ? `"${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 })}"` : '', inflow ? '' : amount, (balance / 100).toFixed(2), `B${i}`].join(','));
      // the journal books most rows on the same day, some a day later; every 50th row is missing
      if (i % 50 === 49) continue;
      const booked = i % 7 === 0 ? new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10) : date;
      journal.push([booked, `记-${i}`, inflow ? `收货款 HC-${i}` : `付款 PO-${i}`, name, inflow ? amount : '', inflow ? '' : amount, ''].join(','));
    }
    bank.push(`合计,,,,,${(balance / 100).toFixed(2)},`);
    const bankFile = path.join(fixture.dir, 'long-bank.csv');
    const journalFile = path.join(fixture.dir, 'long-journal.csv');
    await fs.writeFile(bankFile, bank.join('\r\n') + '\r\n');
    await fs.writeFile(journalFile, journal.join('\n') + '\n');

    const args = (json: string) => ['match', '--ledger', journalFile, '--bank', bankFile, '--json', path.join(fixture.dir, json), '--lang', 'en'];
    expect(await main(args('long-streamed.json'), capture().io)).toBe(0);
    expect(await main([...args('long-whole.json'), '--out', path.join(fixture.dir, 'long-out.xlsx')], capture().io)).toBe(0);
    const streamed = await fs.readFile(path.join(fixture.dir, 'long-streamed.json'), 'utf8');
    const whole = await fs.readFile(path.join(fixture.dir, 'long-whole.json'), 'utf8');
    const result = JSON.parse(streamed);
    expect(result.summary.ledger.auto.count).toBeGreaterThan(20_000);
    expect(result.skipped.map((s: { row: number }) => s.row)).toContain(bank.length);
    expect(streamed).toBe(whole);
  });
});

describe('recon match: our 应付账款明细账 against the supplier\'s own 客户对账单 (往来对账)', () => {
  it('calls the other side 对方, not 银行, in the summary it prints', async () => {
    const dir = path.join(__dirname, '..', 'fixtures', 'hand-made', 'zh-ap-vs-supplier-statement');
    const run = capture();
    const code = await main(['match', '--ledger', path.join(dir, '应付账款明细账-恒泰包装-2025年4月.csv'), '--bank', path.join(dir, '恒泰包装-客户对账单-2025年4月.csv'), '--json', path.join(fixture.dir, 'ap.json'), '--lang', 'zh-CN'], run.io);
    expect(code).toBe(0);
    const lines = run.out().split('\n');
    expect(lines[1]).toMatch(/^对方: 恒泰包装-客户对账单-2025年4月\.csv 读取 7 笔/);
    expect(lines).toContain('未匹配: 账簿 0 笔 0.00, 对方 1 笔 -2,150.00');
    expect(run.out()).not.toContain('银行');
  });
});
