import Decimal from 'decimal.js';
import { reconcile } from '../../../src/engine';
import { buildReport } from '../../../src/engine/report/build-report';
import type { CellValue } from '../../../src/engine/types';
import { generatePair } from '../../../src/generator';
import type { Locale } from '../../../src/i18n/locale';
import { REPORT_MESSAGE_IDS, reportText } from '../../../src/i18n/report-sheets';
import { buildRunOutputs } from '../../../src/workbook/layout/run-outputs';
import { MemoryWorkbook } from '../../../src/workbook/memory/memory-workbook';
import { OUR_PAYABLES, SUPPLIER_STATEMENT } from '../../fixtures/supplier-ledgers';
import type { SheetSpec } from '../../../src/workbook/workbook';

// A cash journal and a bank export as a clerk pastes them: one cheque not yet presented, a fee the bank deducted,
// interest and a charge on the bank only, and the same bank line pasted twice.
const JOURNAL: CellValue[][] = [
  ['日期', '凭证号', '摘要', '对方单位', '借方', '贷方', '余额'],
  ['2025-04-01', '', '期初余额', '', '', '', 50000],
  ['2025-04-03', '记-01', '收货款 INV-1001', '杭州明远科技有限公司', 12000, '', 62000],
  ['2025-04-10', '记-02', '付房租', '上海恒基物业管理有限公司', '', 8000, 54000],
  ['2025-04-18', '记-03', '收货款 INV-1002', '宁波港川贸易有限公司', 6800, '', 60800],
  ['2025-04-29', '记-04', '支票 00321 付设备款', '苏州精工机械有限公司', '', 3500, 57300],
];
const BANK: CellValue[][] = [
  ['中国工商银行 账户明细'],
  ['交易日期', '摘要', '对方户名', '收入金额', '支出金额', '余额'],
  ['2025-04-03', '货款 INV-1001', '杭州明远科技有限公司', '12,000.00', '', '62,000.00'],
  ['2025-04-10', '房租', '上海恒基物业管理有限公司', '', '8,000.00', '54,000.00'],
  ['2025-04-18', '货款 INV-1002', '宁波港川贸易有限公司', '6,785.00', '', '60,785.00'],
  ['2025-04-21', '结息', '', '36.20', '', '60,821.20'],
  ['2025-04-25', '货款 INV-1003', '绍兴柯桥纺织有限公司', '2,000.00', '', '62,821.20'],
  ['2025-04-25', '货款 INV-1003', '绍兴柯桥纺织有限公司', '2,000.00', '', '64,821.20'],
  ['2025-04-30', '手续费', '', '', '15.00', '64,806.20'],
];

const LEDGER_AT = { sheet: '日记账', top: 1, left: 1, width: 7, height: JOURNAL.length, address: '日记账!A1:G6' };
const BANK_AT = { sheet: '工行', top: 1, left: 1, width: 6, height: BANK.length, address: '工行!A1:F9' };

function run(locale: Locale = 'zh-CN', statement = {}) {
  const result = reconcile({ cells: JOURNAL }, { cells: BANK }, { ledger: { kind: 'cash-journal' } });
  const report = buildReport(result);
  const outputs = buildRunOutputs(result, report, { locale, ledger: LEDGER_AT, bank: BANK_AT, ranAt: '2025-05-02T08:00:00.000Z', statement });
  const sheet = (key: string) => outputs.sheets.find((s) => s.key === key)!;
  return { result, outputs, sheet };
}

const find = (spec: SheetSpec, text: string) => spec.values.findIndex((row) => row.some((v) => typeof v === 'string' && v.includes(text)));

describe('the month-end sheets, one layout for every host', () => {
  it('writes Matches, Discrepancies, the statement and Summary, named in the output language', () => {
    expect(run('zh-CN').outputs.sheets.map((s) => s.name)).toEqual(['匹配结果', '差异表', '余额调节表', '对账汇总']);
    expect(run('zh-TW').outputs.sheets.map((s) => s.name)).toEqual(['比對結果', '差異表', '餘額調節表', '對帳彙總']);
    expect(run('en').outputs.sheets.map((s) => s.name)).toEqual(['Matches', 'Discrepancies', 'Bank reconciliation', 'Summary']);
    expect(run('en').sheet('reconciliation-statement').values[0][0]).toBe('Bank reconciliation statement');
    expect(run('zh-TW').sheet('reconciliation-statement').values[0][0]).toBe('銀行存款餘額調節表');
  });

  it('Discrepancies: one table, a line per row with a link to it, and each section counted and totalled', () => {
    const spec = run().sheet('discrepancies');
    const table = spec.table!;
    const header = spec.values[table.area.row];
    expect(header.slice(0, 5)).toEqual(['分类', '原因', '来源', '行号', '日期']);
    const lines = spec.values.slice(table.area.row + 1, table.area.row + table.area.rows);
    const bySection = (name: string) => lines.filter((l) => l[0] === name);
    expect(bySection('企业已记银行未记').map((l) => [l[3], l[8], l[1]])).toEqual([[6, -3500, '企业已付银行未付（未兑付的支票或付款）']]);
    expect(bySection('银行已记企业未记').map((l) => [l[3], l[8], l[1]])).toEqual([
      [6, 36.2, '银行已收企业未收：利息'],
      [7, 2000, '银行已收企业未收：收款尚未入账'],
      [9, -15, '银行已付企业未付：手续费'],
    ]);
    const fee = [...bySection('已匹配但金额有差额'), ...bySection('待确认的匹配')];
    expect(fee.map((l) => [l[3], l[9], l[8], l[10], l[11]])).toEqual([[5, 5, 6800, 6785, -15]]);
    expect(bySection('疑似重复').map((l) => [l[3], l[9], l[1]])).toEqual([[8, 7, '与第 7 行同日、同额、同对方']]);
    expect(bySection('风险提示').map((l) => [l[3], l[1]])).toEqual([[7, '对方单位“绍兴柯桥纺织有限公司”只出现在银行流水中，账簿里没有'], [8, '对方单位“绍兴柯桥纺织有限公司”只出现在银行流水中，账簿里没有']]);
    // links: the row cell opens the source row across the user's range; a pair's other rows open the bank row
    const at = (row: number, column: number) => spec.links!.find((l) => l.row === row && l.column === column)?.target;
    const first = table.area.row + 1;
    expect(at(first, 3)).toBe('日记账!A6:G6');
    const feeRow = spec.values.findIndex((r) => r === fee[0]);
    expect(at(feeRow, 3)).toBe('日记账!A5:G5');
    expect(at(feeRow, 9)).toBe('工行!A5:F5');
    // section block: counts and exact totals of the lines below
    for (const name of ['企业已记银行未记', '银行已记企业未记', '疑似重复']) {
      const block = spec.values.find((r) => r[0] === name && typeof r[1] === 'number')!;
      const own = bySection(name);
      expect(block[1]).toBe(own.length);
      expect(new Decimal(String(block[8])).equals(own.reduce((t, l) => t.plus(String(l[8])), new Decimal(0)))).toBe(true);
      expect(new Decimal(String(block[11])).equals(own.reduce((t, l) => t.plus(String(l[11] ?? 0)), new Decimal(0)))).toBe(true);
    }
    expect(spec.page).toMatchObject({ paper: 'A4', fitToPagesWide: 1, repeatRows: { first: table.area.row, last: table.area.row } });
  });

  it('statement: both columns, items under each adjustment with links, equal adjusted balances, where balances came from', () => {
    const spec = run().sheet('reconciliation-statement');
    const v = spec.values;
    expect(v[0][0]).toBe('银行存款余额调节表');
    expect(v[1][0]).toContain('截至 2025-04-30');
    // the items under the book are the bank's lines, and the other way round: each row column says whose
    expect(v[find(spec, '项目')]).toEqual(['项目', '日期', '银行行号', '金额', '项目', '日期', '账簿行号', '金额']);
    const balances = v[find(spec, '企业银行存款日记账余额')];
    expect([balances[3], balances[4], balances[7]]).toEqual([57300, '银行对账单余额', 64806.2]);
    const bankReceived = find(spec, '加：银行已收、企业未收');
    expect(v[bankReceived][3]).toBe(4036.2);
    expect(v[bankReceived][7]).toBe(0); // 企业已收银行未收: nothing
    expect(v[bankReceived + 1].slice(0, 4)).toEqual(['　结息', expect.any(Number), 6, 36.2]);
    const bankPaid = find(spec, '减：银行已付、企业未付');
    expect(v[bankPaid][3]).toBe(30);
    expect(v[bankPaid][7]).toBe(3500);
    const adjusted = v[find(spec, '调节后余额')];
    expect([adjusted[3], adjusted[7]]).toEqual([61306.2, 61306.2]);
    expect(find(spec, '调节后余额相等')).toBeGreaterThan(0);
    expect(v[find(spec, '账簿 余额来源')][0]).toBe('账簿 余额来源：余额列，第 6 行（2025-04-29）');
    expect(spec.links!.some((l) => l.row === bankReceived + 1 && l.column === 2 && l.target === '工行!A6:F6')).toBe(true);
    expect(spec.page).toMatchObject({ orientation: 'portrait', paper: 'A4', fitToPagesWide: 1 });
  });

  it('statement: a line that looks booked twice, and matches still waiting, are named under the verdict: not final', () => {
    const { sheet, result } = run();
    const spec = sheet('reconciliation-statement');
    const notes = spec.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && v.startsWith('注意：'));
    const waiting = result.matches.filter((m) => m.status === 'suggested').length;
    // one row below the verdict, every note in it
    expect(notes).toEqual([
      (waiting > 0 ? `注意：有 ${waiting} 组匹配尚待确认（见差异表“待确认的匹配”），本表把它们当作已对上；确认之前本表不能作为定稿。` : '') +
        '注意：银行第 8 行与第 7 行疑似重复（见差异表“疑似重复”），本表仍把它列为未达账项；如确为重复，应更正记录，而不是等待对方入账。',
    ]);
  });

  it('a row that could not be read is listed on Discrepancies with why, and the statement says it is not final; no "every row matched" claim', () => {
    const ledger = JOURNAL.slice(0, 3);
    const bank = [...BANK.slice(0, 3), ['2025-04-05', '货款', '宁波港川贸易有限公司', '1O0.00', '', '62,100.00']];
    const result = reconcile({ cells: ledger }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    const outputs = buildRunOutputs(result, buildReport(result), { locale: 'en', ledger: { ...LEDGER_AT, height: 3 }, bank: { ...BANK_AT, height: 4 }, ranAt: '2025-05-02T08:00:00.000Z' });
    const disc = outputs.sheets.find((s) => s.key === 'discrepancies')!;
    expect(find(disc, 'No discrepancies')).toBe(-1);
    const block = disc.values.find((r) => r[0] === 'Rows that could not be read' && typeof r[1] === 'number')!;
    expect(block[1]).toBe(1);
    const line = disc.values.find((r) => r[0] === 'Rows that could not be read' && r[3] === 4)!;
    expect(line.slice(0, 4)).toEqual(['Rows that could not be read', expect.stringContaining('Row 4, column D'), 'Bank', 4]);
    expect(line[1]).toContain('1O0.00');
    expect(disc.links!.some((l) => l.target === '工行!A4:F4')).toBe(true);
    const statement = outputs.sheets.find((s) => s.key === 'reconciliation-statement')!;
    expect(statement.values.map((r) => r[0])).toContain(
      'Note: 0 ledger row(s) and 1 bank row(s) could not be read (see “Rows that could not be read” on the Discrepancies sheet) and are not in this statement; it is not final until they are corrected and the run repeated.',
    );
  });

  it('statement between two ledgers (往来对账): 往来余额调节表, 我方/对方, their invoice we have not booked', () => {
    const theirs: CellValue[][] = [...SUPPLIER_STATEMENT, ['2025-04-25', 'XS2504040', '销售出库 珍珠棉', '2,150.00', '', '14,600.00']];
    const result = reconcile({ cells: [...OUR_PAYABLES] }, { cells: theirs }, { ledger: { kind: 'payables-ledger' } });
    const sheet = (locale: Locale) => buildRunOutputs(result, buildReport(result), { locale, ledger: LEDGER_AT, bank: BANK_AT, ranAt: '2025-05-02T08:00:00.000Z' }).sheets.find((s) => s.key === 'reconciliation-statement')!;
    const spec = sheet('zh-CN');
    const v = spec.values;
    expect(v[0][0]).toBe('往来余额调节表');
    expect(spec.page?.headerCenter).toContain('往来余额调节表');
    expect(v[find(spec, '我方余额')].slice(3, 5)).toEqual([12450, '对方余额']);
    const add = find(spec, '加：对方已记、我方未记（增加往来余额）');
    expect(v[add][3]).toBe(2150);
    expect(v[add + 1][0]).toBe('　销售出库 珍珠棉');
    expect(v[find(spec, '调节后余额')][3]).toBe(14600);
    expect(find(spec, '调节后余额相等')).toBeGreaterThan(0);
    expect(v[find(spec, '对方 余额来源')][0]).toContain('余额列');
    expect(sheet('en').values[0][0]).toBe('Balance reconciliation with the counterparty');
    expect(sheet('zh-TW').values[0][0]).toBe('往來餘額調節表');
  });

  it('statement between two ledgers names each item by what it is, not by the one company every line is with', () => {
    const ours: CellValue[][] = [
      ['日期', '凭证号', '客户名称', '摘要', '借方金额', '贷方金额', '余额'],
      ['2025-03-01', '', '', '期初余额', '', '', '10,000.00'],
      ['2025-03-05', '转-0031', '大同精密工业股份有限公司', '销货 精密轴承', '18,690.00', '', '28,690.00'],
      ['2025-03-26', '转-0061', '大同精密工业股份有限公司', '销货 滚珠丝杠', '15,225.00', '', '43,915.00'],
    ];
    const theirs: CellValue[][] = [
      ['日期', '凭证字号', '摘要', '借方', '贷方', '方向', '余额'],
      ['2025-03-01', '', '期初余额', '', '', '贷', '10,000.00'],
      ['2025-03-06', '记-11', '进货 精密轴承', '', '18,690.00', '贷', '28,690.00'],
    ];
    const result = reconcile({ cells: ours }, { cells: theirs }, { ledger: { kind: 'receivables-ledger' } });
    const spec = buildRunOutputs(result, buildReport(result), { locale: 'zh-CN', ledger: LEDGER_AT, bank: BANK_AT, ranAt: '2025-05-02T08:00:00.000Z' }).sheets.find((s) => s.key === 'reconciliation-statement')!;
    const add = find(spec, '加：我方已记、对方未记（增加往来余额）');
    expect(spec.values[add].slice(4)).toEqual(['加：我方已记、对方未记（增加往来余额）', null, null, 15225]);
    expect(spec.values[add + 1][4]).toBe('　销货 滚珠丝杠');
    expect(spec.values[find(spec, '调节后余额')][3]).toBe(43915);
  });

  it('statement: counted in 元, or in the one currency the lines name (a 美元户 in 美元)', () => {
    expect(run().sheet('reconciliation-statement').values[1][0]).toBe('截至 2025-04-30　　金额单位：元');
    const withCurrency = (cells: CellValue[][], code: string) => cells.map((row, i) => [...row, i === 0 ? '币种' : code]);
    const usd = reconcile({ cells: withCurrency(JOURNAL, 'USD') }, { cells: withCurrency(BANK.slice(1), '美元') }, { ledger: { kind: 'cash-journal' } });
    const sheets = (locale: Locale) => buildRunOutputs(usd, buildReport(usd), { locale, ledger: LEDGER_AT, bank: BANK_AT, ranAt: '2025-05-02T08:00:00.000Z' }).sheets;
    const statement = (locale: Locale) => sheets(locale).find((s) => s.key === 'reconciliation-statement')!;
    expect(statement('zh-CN').values[1][0]).toBe('截至 2025-04-30　　金额单位：美元');
    expect(statement('en').values[1][0]).toBe('As at 2025-04-30; amounts in USD');
    expect(statement('zh-TW').page?.headerCenter).toContain('金額單位：美元');
  });

  it('statement: a book balance entered wrong by 100.00 shows that unexplained difference in red, with likely causes', () => {
    const spec = run('zh-CN', { bookBalance: new Decimal('57400') }).sheet('reconciliation-statement');
    const row = find(spec, '未解释差额');
    expect(spec.values[row][7]).toBe(100);
    expect(spec.styles!.some((s) => s.alert && s.area.row === row)).toBe(true);
    expect(find(spec, '最可能的原因')).toBe(row + 1);
    expect(spec.values[find(spec, '账簿 余额来源')][0]).toBe('账簿 余额来源：用户输入');
  });

  it('Summary: figures, options, balances and two native charts over its own cells', () => {
    const spec = run('en').sheet('summary');
    expect(spec.values[0][0]).toBe('Reconciliation summary');
    expect(spec.values[find(spec, 'Entries read (lines)')].slice(1)).toEqual([4, 7]);
    expect(spec.charts).toHaveLength(2);
    const [status, age] = spec.charts!;
    expect(spec.values[status.data.row]).toEqual(['Status', 'Ledger', 'Bank']);
    expect(spec.values.slice(status.data.row + 1, status.data.row + status.data.rows).map((r) => r[0])).toEqual(['Matched', 'Suggested', 'Unmatched']);
    expect(spec.values[age.data.row][0]).toBe('Age (days before the period end)');
    // unmatched by age equals the unmatched total of the status table
    const sum = (rows: CellValue[][], c: number) => rows.reduce((t, r) => t.plus(String(r[c])), new Decimal(0));
    const unmatched = spec.values[status.data.row + 3];
    const ages = spec.values.slice(age.data.row + 1, age.data.row + age.data.rows);
    expect(sum(ages, 1).toNumber()).toBe(unmatched[1]);
    expect(sum(ages, 2).toNumber()).toBe(unmatched[2]);
  });

  it('every report message exists in all three languages', () => {
    for (const id of REPORT_MESSAGE_IDS) for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(reportText(id, locale)).not.toBe('');
  });

  it('the memory host keeps links, charts and red cells; a re-run replaces the sheets', async () => {
    const book = new MemoryWorkbook([{ name: '日记账', values: JOURNAL }, { name: '工行', values: BANK }]);
    const first = run('zh-CN', { bookBalance: new Decimal('57400') });
    await book.writeRun(first.outputs);
    expect(book.charts('对账汇总')).toHaveLength(2);
    expect(book.links('差异表').length).toBeGreaterThan(4);
    const statement = first.outputs.sheets.find((s) => s.key === 'reconciliation-statement')!;
    const row = find(statement, '未解释差额');
    expect(book.isAlert('余额调节表', `H${row + 1}`)).toBe(true);
    const again = buildRunOutputs(first.result, buildReport(first.result), {
      locale: 'zh-CN', ledger: LEDGER_AT, bank: BANK_AT, ranAt: '2025-05-03T08:00:00.000Z', existingSheetNames: await book.sheetNames(), previousRun: await book.lastRun(),
    });
    await book.writeRun(again);
    expect(await book.sheetNames()).toEqual(['日记账', '工行', '匹配结果', '差异表', '余额调节表', '对账汇总']);
    expect(book.isAlert('余额调节表', `H${row + 1}`)).toBe(false);
  });

  it('a generated month: the statement fits one A4 page for 40 items (rows measured)', () => {
    const pair = generatePair({ seed: 21, rows: 200, layout: 'zh-bank-cash-journal', scenarios: { 'deposit-in-transit': 8, 'outstanding-cheque': 8, 'bank-charge': 8, 'bank-interest': 2 } });
    const result = reconcile(pair.ledger, pair.bank, { ledger: { kind: 'cash-journal' } });
    const outputs = buildRunOutputs(result, buildReport(result), { locale: 'zh-CN', ledger: "'L'!A1:G300", bank: "'B'!A1:H300", ranAt: '2025-04-01T00:00:00Z' });
    const spec = outputs.sheets.find((s) => s.key === 'reconciliation-statement')!;
    const items = spec.links!.length;
    expect(items).toBeGreaterThanOrEqual(30);
    // two blocks of side-by-side items plus 14 fixed lines
    expect(spec.values.length).toBeLessThanOrEqual(items + 16);
  });
});
