import { resolveMatchOptions } from '../../../src/engine';
import { parseMatchOptions } from '../../../src/engine/match/option-definitions';
import Decimal from 'decimal.js';
import { buildReport } from '../../../src/engine/report/build-report';
import type { CellValue } from '../../../src/engine/types';
import { columnLetter, columnNumber, parseAddress, quoteSheetName } from '../../../src/workbook/layout/a1';
import { excelSerial, isoFromSerial } from '../../../src/workbook/layout/excel-dates';
import { highlightForLabel, ruleFormula } from '../../../src/workbook/layout/highlight-rules';
import { buildRunOutputs, positionOfAddress, type RunLayoutOptions } from '../../../src/workbook/layout/run-outputs';
import { safeText } from '../../../src/workbook/layout/safe-text';
import { uniqueSheetName } from '../../../src/workbook/layout/sheet-names';
import type { RunRecord } from '../../../src/workbook/workbook';
import { sampleResult } from '../../engine/report/sample-result';

const LEDGER = { sheet: '日记账', top: 1, left: 1, width: 7, address: '日记账!A1:G9' };
const BANK = { sheet: 'Bank export', top: 1, left: 1, width: 7, address: "'Bank export'!A1:G12" };

function layout(overrides: Partial<RunLayoutOptions> = {}) {
  const result = sampleResult();
  const report = buildReport(result);
  const outputs = buildRunOutputs(result, report, { locale: 'zh-CN', ledger: LEDGER, bank: BANK, ranAt: '2025-04-01T08:00:00.000Z', ...overrides });
  return { result, report, outputs };
}

describe('the Matches sheet', () => {
  it('has one line per match group, then a totals line equal to the column sums', () => {
    const { outputs } = layout();
    const sheet = outputs.sheets[0];
    expect(sheet.key).toBe('matches');
    expect(sheet.name).toBe('匹配结果');
    const header = sheet.values[0];
    expect(header).toEqual(['编号', '状态', '匹配规则', '日期', '对方单位', '摘要', '账簿行号', '银行行号', '账簿金额', '银行金额', '差额', '匹配依据', '来源', '决定人', '决定（接受/拒绝）', '决定说明']);
    const lines = sheet.values.slice(1, -1);
    expect(lines.map((l) => l.slice(0, 3))).toEqual([
      ['M1', '已匹配', '单号与金额一致'],
      ['M2', '已匹配', '金额一致且日期相近'],
      ['M3', '待确认', '多笔账对一笔银行'],
      ['M4', '待确认', '金额差在容差内'],
    ]);
    expect(lines[2].slice(6, 11)).toEqual(['4, 5', '8', 6800.5, 6800.5, 0]);
    expect(lines[3].slice(8, 11)).toEqual([-980, -975, 5]);
    expect(lines[0][3]).toBe(excelSerial('2025-03-03'));
    expect(lines[0][11]).toBe('单据号相同：HC-0301；金额相同');
    expect(lines[2][11]).toBe('2 笔账簿记录合计等于对方金额；日期相差 1 天');

    const totals = sheet.values[sheet.values.length - 1];
    expect(totals[0]).toBe('合计');
    const column = (i: number) => lines.reduce((sum, l) => sum.plus(new Decimal(String(l[i]))), new Decimal(0));
    for (const i of [8, 9, 10]) expect(new Decimal(String(totals[i])).equals(column(i))).toBe(true);
    expect(totals.slice(8, 11)).toEqual([15060.1, 15065.1, 5]);
  });

  it('is an Excel table over the header and match lines, amounts formatted as amounts, header frozen', () => {
    const { outputs } = layout();
    const sheet = outputs.sheets[0];
    expect(sheet.table).toEqual({ name: 'ReconMatches', area: { row: 0, column: 0, rows: 5, columns: 16 } });
    expect(sheet.columnFormats?.slice(8, 11)).toEqual(['amount', 'amount', 'amount']);
    expect(sheet.columnFormats?.[3]).toBe('date');
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.styles?.find((s) => s.fill === 'total')?.area.row).toBe(5);
  });

  it('keeps a memo that looks like a formula exactly as text', () => {
    const { outputs } = layout();
    const m4 = outputs.sheets[0].values[4];
    expect(m4[5]).toBe('=SUM(A1) 办公用品；+转账 办公');
  });

  it('speaks zh-TW and English', () => {
    const tw = layout({ locale: 'zh-TW' }).outputs;
    expect(tw.sheets[0].name).toBe('比對結果');
    expect(tw.sheets[0].values[3][1]).toBe('待確認');
    const en = layout({ locale: 'en' }).outputs;
    expect(en.sheets[0].name).toBe('Matches');
    expect(en.sheets[0].values.slice(1, 5).map((l) => l[1])).toEqual(['Matched', 'Matched', 'Suggested', 'Suggested']);
    expect(en.annotations[1].labels).toContain('Unmatched');
  });

  it('says so when nothing matched, without an (invalid) empty table', () => {
    const result = { ...sampleResult(), matches: [], unmatched: { ledger: [0, 1, 2, 3, 4, 5, 6], bank: [0, 1, 2, 3, 4, 5] } };
    const outputs = buildRunOutputs(result, buildReport(result), { locale: 'en', ledger: LEDGER, bank: BANK, ranAt: 'x' });
    const sheet = outputs.sheets[0];
    expect(sheet.table).toBeUndefined();
    expect(sheet.values[1][0]).toBe('No matches found');
    expect(sheet.values[2].slice(8, 11)).toEqual([0, 0, 0]);
  });
});

describe('the status columns beside the user ranges', () => {
  it('labels every row of the bank range from below its header, in the first column right of it', () => {
    const { outputs } = layout();
    const bank = outputs.annotations[1];
    expect(bank).toMatchObject({ sheet: 'Bank export', firstRow: 5, lastRow: 12, statusColumn: 8, statusHeader: '对账状态', rangeAddress: "'Bank export'!A1:G12" });
    expect(bank.labels).toEqual(['M1 已匹配', 'M2 已匹配', 'M3 待确认', 'M4 待确认', '未匹配', '未匹配', '跳过: 合计行']);
    expect(bank.highlights).toEqual(['auto', 'auto', 'suggested', 'suggested', 'unmatched', 'unmatched', 'skipped']);
  });

  it('labels the ledger, both lines of an N:1 group carrying the same id', () => {
    const { outputs } = layout({ locale: 'zh-TW' });
    const ledger = outputs.annotations[0];
    expect(ledger).toMatchObject({ firstRow: 1, lastRow: 9, statusColumn: 8, statusHeader: '對帳狀態' });
    expect(ledger.labels).toEqual(['M1 已匹配', 'M2 已匹配', 'M3 待確認', 'M3 待確認', 'M4 待確認', '未匹配', '未匹配', '略過: 合計列']);
  });

  it('gives each label exactly the highlight its rules give it, in all three languages', () => {
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      for (const annotation of layout({ locale }).outputs.annotations) {
        const rules = annotation.highlightRules!;
        annotation.labels.forEach((label, i) => {
          const matching = rules.filter((r) => highlightForLabel(label, [r]) !== null);
          expect(matching.length).toBe(annotation.highlights[i] === null ? 0 : 1);
          expect(highlightForLabel(label, rules)).toBe(annotation.highlights[i]);
        });
      }
    }
  });

  it('turns rules into case-sensitive Excel formulas keyed on the status column', () => {
    const [rules] = [layout({ locale: 'en' }).outputs.annotations[0].highlightRules!];
    expect(rules.map((r) => ruleFormula(r, '$H2'))).toEqual([
      'EXACT(RIGHT($H2,8)," Matched")',
      'EXACT(RIGHT($H2,10)," Suggested")',
      'EXACT($H2,"Unmatched")',
      'EXACT(LEFT($H2,9),"Skipped: ")',
    ]);
  });

  it('leaves blank lines unlabelled and covers the whole range when its height is known', () => {
    const result = sampleResult();
    result.bank.skipped.push({ side: 'bank', row: 13, kind: 'blank', reason: '' });
    const outputs = buildRunOutputs(result, buildReport(result), {
      locale: 'zh-CN', ledger: LEDGER, bank: positionOfAddress("'Bank export'!B1:H14"), ranAt: 'x',
    });
    const bank = outputs.annotations[1];
    expect(bank.statusColumn).toBe(9);
    expect(bank.lastRow).toBe(14);
    expect(bank.labels.slice(-3)).toEqual(['跳过: 合计行', '', '']);
    expect(bank.highlights.slice(-3)).toEqual(['skipped', null, null]);
  });

  it('moves status columns apart when both ranges sit side by side on one sheet', () => {
    const outputs = buildRunOutputs(sampleResult(), buildReport(sampleResult()), {
      locale: 'zh-CN', ranAt: 'x',
      ledger: positionOfAddress('对账!A1:G9'), bank: positionOfAddress('对账!H1:N12'),
    });
    expect(outputs.annotations.map((a) => a.statusColumn)).toEqual([15, 16]);
    expect(outputs.runRecord.highlightAreas).toEqual(['对账!A2:G9', '对账!H6:N12']);
  });
});

describe('the run record', () => {
  it('lists the sheets and status columns this run writes, with its options', () => {
    const { outputs } = layout();
    expect(outputs.runRecord).toMatchObject({
      version: 1,
      ranAt: '2025-04-01T08:00:00.000Z',
      ledgerRange: '日记账!A1:G9',
      bankRange: "'Bank export'!A1:G12",
      sheets: ['匹配结果', '差异表', '余额调节表', '对账汇总'],
      statusColumns: [
        { sheet: '日记账', column: 8, firstRow: 1, lastRow: 9 },
        { sheet: 'Bank export', column: 8, firstRow: 5, lastRow: 12 },
      ],
      highlightAreas: ['日记账!A2:H9', "'Bank export'!A6:H12"],
    });
    expect(outputs.runRecord.options).toMatchObject({ dateWindowDays: '7', tolerance: '50.00', ledgerKind: 'cash-journal', locale: 'zh-CN' });
    // Written by the one table of options, so it reads back into the options the run used.
    expect(resolveMatchOptions(parseMatchOptions(outputs.runRecord.options))).toEqual(resolveMatchOptions());
  });
});

describe('output sheet names never take a user sheet', () => {
  it('picks "Matches (2)" when the user has a "Matches" sheet, and reuses Recon\'s own on a re-run', () => {
    expect(layout({ locale: 'en', existingSheetNames: ['Bank export', 'Matches'] }).outputs.sheets[0].name).toBe('Matches (2)');
    expect(layout({ locale: 'en', existingSheetNames: ['matches', 'Matches (2)'] }).outputs.sheets[0].name).toBe('Matches (3)');
    const previous = { sheets: ['Matches (2)'] } as RunRecord;
    expect(layout({ locale: 'en', existingSheetNames: ['Matches', 'Matches (2)'], previousRun: previous }).outputs.sheets[0].name).toBe('Matches (2)');
    expect(layout({ locale: 'en', existingSheetNames: ['Matches'], previousRun: { sheets: ['Matches'] } as RunRecord }).outputs.sheets[0].name).toBe('Matches');
  });

  it('stays within 31 characters', () => {
    const base = 'x'.repeat(31);
    expect(uniqueSheetName(base, [base])).toBe(`${'x'.repeat(27)} (2)`);
  });
});

describe('helpers hosts share', () => {
  it('safeText prefixes an apostrophe only where Excel would read a formula or a number', () => {
    const cases: [CellValue, CellValue][] = [
      ['=SUM(A1)', "'=SUM(A1)"], ['+86 138 0000', "'+86 138 0000"], ['-转账', "'-转账"], ['@user', "'@user"],
      ['\tx', "'\tx"], ["'quoted", "''quoted"], ['货款', '货款'], [12.5, 12.5], [null, null],
    ];
    for (const [input, output] of cases) expect(safeText(input)).toBe(output);
  });

  it('reads and writes A1 addresses with quoted sheet names', () => {
    expect(parseAddress("'Bank export'!A3:H90")).toEqual({ sheet: 'Bank export', rect: { top: 3, left: 1, bottom: 90, right: 8 } });
    expect(parseAddress("'O''Brien'!$B$2")).toEqual({ sheet: "O'Brien", rect: { top: 2, left: 2, bottom: 2, right: 2 } });
    expect(parseAddress('Sheet1')).toEqual({ sheet: 'Sheet1' });
    expect(parseAddress('C5:A1')).toEqual({ sheet: undefined, rect: { top: 1, left: 1, bottom: 5, right: 3 } });
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Bank export')).toBe("'Bank export'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'xfd'].map(columnNumber)).toEqual([1, 26, 27, 16384]);
  });

  it('converts ISO dates to Excel serials and back', () => {
    expect(excelSerial('2025-03-05')).toBe(45721);
    expect(excelSerial('1970-01-01')).toBe(25569);
    expect(isoFromSerial(45721)).toBe('2025-03-05');
  });
});
