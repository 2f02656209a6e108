/**
 * Hand-built test data for the Office adapter: a cash journal (银行存款日记账) and a bank export
 * as a user would paste them (title lines above the header, a 合计 line below), and RunOutputs
 * shaped like the layout's (matches sheet, discrepancies, status labels and highlights).
 * Deterministic: a small seeded generator, no Math.random.
 */
import { FakeExcel } from '../../fake-excel';
import { OfficeWorkbook } from '../../../src/workbook/office/office-workbook';
import type { OfficeWorkbookOptions } from '../../../src/workbook/office/office-workbook';
import type { Highlight, RunOutputs, SheetSpec, SourceAnnotation } from '../../../src/workbook/workbook';

type Stored = string | number | boolean;

function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

const COMPANIES = ['上海明辉贸易有限公司', '北京星河科技有限公司', '广州南方物流有限公司', '深圳华强电子有限公司', '杭州云帆网络科技有限公司', 'ACME Trading Ltd.', '成都天府食品有限公司'];
const MEMOS = ['收货款', '支付材料款', '报销差旅费', '银行手续费', '收到投资款', '=转账备注', '支付房租', '-冲销上月多记', '+86 138 0013 8000 来电确认', '代发工资'];

export const LEDGER_SHEET = '银行存款日记账';
export const BANK_SHEET = '工行流水';
/** 1-based row of each side's header (three title lines above). */
export const HEADER_ROW = 4;

/** A cash journal: 3 title lines, header at row 4 (columns A–H), `n` entries, a 合计 line. */
export function ledgerRows(n: number, seed = 1): Stored[][] {
  const rnd = generator(seed);
  const rows: Stored[][] = [
    ['银行存款日记账'],
    ['账号：6222 0210 0112 3456 789', '', '', '', '单位：元'],
    ['期间：2025年1月1日 至 2025年12月31日'],
    ['日期', '凭证号', '摘要', '对方单位', '借方金额', '贷方金额', '余额', '备注'],
  ];
  let balance = 1_000_000;
  for (let i = 0; i < n; i++) {
    const amount = Math.round(rnd() * 50_000_00) / 100;
    const income = rnd() < 0.5;
    balance = Math.round((balance + (income ? amount : -amount)) * 100) / 100;
    rows.push([
      45658 + Math.floor(i / 300),
      `记-${String(i + 1).padStart(5, '0')}`,
      MEMOS[i % MEMOS.length],
      COMPANIES[Math.floor(rnd() * COMPANIES.length)],
      income ? amount : '',
      income ? '' : amount,
      balance,
      i % 7 === 0 ? `发票号 0${44000000 + i}` : '',
    ]);
  }
  rows.push(['合计', '', '', '', 0, 0, balance, '']);
  return rows;
}

/** A bank export: 3 title lines, header at row 4 (columns A–H), `n` transactions. */
export function bankRows(n: number, seed = 2): Stored[][] {
  const rnd = generator(seed);
  const rows: Stored[][] = [
    ['中国工商银行 账户明细'],
    ['户名：上海某某有限公司', '账号：1001 2345 6789 0123 456'],
    ['查询期间：2025-01-01 至 2025-12-31'],
    ['交易日期', '摘要', '对方户名', '对方账号', '收入金额', '支出金额', '余额', '交易流水号'],
  ];
  for (let i = 0; i < n; i++) {
    const amount = Math.round(rnd() * 50_000_00) / 100;
    const month = 1 + Math.floor(i / (n / 12 + 1));
    rows.push([
      `2025-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      i % 5 === 0 ? '跨行转账' : '网银转账',
      COMPANIES[Math.floor(rnd() * COMPANIES.length)],
      `62220210${String(10_000_000 + i)}`,
      rnd() < 0.5 ? amount : '',
      rnd() < 0.5 ? '' : amount,
      Math.round(rnd() * 1e8) / 100,
      `HX2025${String(i).padStart(8, '0')}`,
    ]);
  }
  return rows;
}

/** Status label and highlight per data row: mostly matched, some suggested, some unmatched, the 合计 line skipped. */
export function statusFor(n: number, withTotal: boolean): { labels: string[]; highlights: (Highlight | null)[] } {
  const labels: string[] = [];
  const highlights: (Highlight | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 13 === 5) {
      labels.push('未匹配');
      highlights.push('unmatched');
    } else if (i % 11 === 3) {
      labels.push(`M${i + 1}?`);
      highlights.push('suggested');
    } else {
      labels.push(`M${i + 1}`);
      highlights.push('auto');
    }
  }
  if (withTotal) {
    labels.push('跳过：合计行');
    highlights.push('skipped');
  }
  return { labels, highlights };
}

export function annotation(sheet: string, rows: number, withTotal: boolean, statusColumn = 9): SourceAnnotation {
  const { labels, highlights } = statusFor(rows, withTotal);
  const lastRow = HEADER_ROW + labels.length;
  return {
    rangeAddress: `'${sheet}'!A${HEADER_ROW}:H${lastRow}`,
    sheet,
    firstRow: HEADER_ROW,
    lastRow,
    statusColumn,
    statusHeader: '对账结果',
    labels,
    highlights,
  };
}

/** The matches sheet: one row per match, memo and reference columns as text. */
export function matchesSheet(rows: number, name = '匹配结果'): SheetSpec {
  const values: (string | number)[][] = [['匹配号', '日记账行', '银行行', '日期', '金额', '对方单位', '规则', '摘要']];
  for (let i = 0; i < rows; i++) {
    values.push([`M${i + 1}`, HEADER_ROW + 1 + i, HEADER_ROW + 1 + i, 45658 + Math.floor(i / 300), Math.round(i * 137.31) / 100, COMPANIES[i % COMPANIES.length], '金额+日期', MEMOS[i % MEMOS.length]]);
  }
  return {
    key: 'matches',
    name,
    values,
    columnFormats: ['text', 'integer', 'integer', 'date', 'amount', 'text', 'text', 'text'],
    columnWidths: [10, 10, 10, 12, 14, 28, 12, 30],
    styles: [{ area: { row: 0, column: 0, rows: 1, columns: 8 }, bold: true, fill: 'header' }],
    table: { name: 'ReconMatches', area: { row: 0, column: 0, rows: rows + 1, columns: 8 } },
    freezeRows: 1,
  };
}

export function discrepancySheet(name = '差异明细'): SheetSpec {
  return {
    key: 'discrepancies',
    name,
    values: [
      ['差异说明'],
      ['类型', '行', '日期', '金额', '摘要'],
      ['银行已收企业未收', 7, '2025-01-03', 1234.5, '=SUM(A1:A9) 不是公式'],
      ['企业已付银行未付', 12, '2025/3/5', -88, '@张三 转账'],
      ['合计', '', '', 1146.5, ''],
    ],
    columnFormats: ['general', 'integer', 'general', 'amount', 'general'],
    styles: [
      { area: { row: 0, column: 0, rows: 1, columns: 5 }, bold: true, merge: true, align: 'center' },
      { area: { row: 1, column: 0, rows: 1, columns: 5 }, bold: true, fill: 'header', border: 'bottom' },
      { area: { row: 4, column: 0, rows: 1, columns: 5 }, bold: true, fill: 'total', border: 'top' },
    ],
  };
}

export interface Scenario {
  ledgerRows: number;
  bankRows: number;
  matchRows?: number;
}

/** A workbook with the two pasted sources, as a user has it before the first run. */
export function setUpWorkbook(fake: FakeExcel, s: Scenario): void {
  fake.addSheet(LEDGER_SHEET, ledgerRows(s.ledgerRows));
  fake.addSheet(BANK_SHEET, bankRows(s.bankRows));
  fake.activate(LEDGER_SHEET);
}

export function runOutputs(s: Scenario, names: { matches?: string; discrepancies?: string } = {}): RunOutputs {
  const matches = matchesSheet(s.matchRows ?? Math.min(s.ledgerRows, s.bankRows), names.matches);
  const ledger = annotation(LEDGER_SHEET, s.ledgerRows, true);
  const bank = annotation(BANK_SHEET, s.bankRows, false);
  return {
    sheets: [matches, discrepancySheet(names.discrepancies)],
    annotations: [ledger, bank],
    runRecord: {
      version: 1,
      ranAt: '2025-06-30T08:00:00.000Z',
      ledgerRange: ledger.rangeAddress,
      bankRange: bank.rangeAddress,
      sheets: [],
      statusColumns: [],
      options: { dateWindowDays: '7', tolerance: '0.00' },
    },
  };
}

export function officeWorkbook(fake: FakeExcel, options: OfficeWorkbookOptions = {}): OfficeWorkbook {
  return new OfficeWorkbook({
    run: fake.run,
    isSetSupported: fake.Office.context.requirements.isSetSupported,
    ...options,
  });
}
