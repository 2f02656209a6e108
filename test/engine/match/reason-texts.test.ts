/** Every reason the matcher emits has a text in zh-CN, zh-TW and en; texts fill in their params. */
import fs from 'fs';
import path from 'path';
import { formatReason, formatReasons, REASON_CODES } from '../../../src/i18n/reasons';
import { normaliseLocale, type Locale } from '../../../src/i18n/locale';
import type { Reason } from '../../../src/engine/types';
import { runRows } from './entries';
import { reconcile } from '../../../src/engine';

const MATCH_SOURCE = path.join(__dirname, '..', '..', '..', 'src', 'engine', 'match');

/** Reason codes written in the matcher's source: `code: '…'`, `shared('…'`, `code: x ? '…' : '…'`, code maps. */
function codesInSource(): Set<string> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts')) files.push(full);
    }
  };
  walk(MATCH_SOURCE);
  const codes = new Set<string>();
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!/\bcode\b|shared\(/.test(line)) continue;
      for (const m of line.matchAll(/(?:code: |shared\()'([a-z-]+)'/g)) codes.add(m[1]);
      for (const m of line.matchAll(/code: [^,]*\? '([a-z-]+)' : '([a-z-]+)'/g)) codes.add(m[1]).add(m[2]);
      for (const m of line.matchAll(/'([a-z]+(?:-[a-z]+)+)'(?!\s*:)/g)) codes.add(m[1]);
    }
  }
  return codes;
}

const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];

describe('reason texts', () => {
  it('cover every code the matcher emits, in every locale', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThanOrEqual(20); // the scan itself found the codes
    for (const code of codes) {
      expect(REASON_CODES).toContain(code);
      for (const locale of LOCALES) expect(formatReason({ code, params: {} }, locale)).not.toBe(code);
    }
  });

  it('fill in params, including translated sides', () => {
    const fee: Reason = { code: 'fee-difference', params: { amount: '-15.00' } };
    expect(formatReason(fee, 'en')).toBe('Difference -15.00, probably a bank fee');
    expect(formatReason(fee, 'zh-CN')).toBe('差额 -15.00，可能是银行手续费');
    const group: Reason = { code: 'group-sum', params: { count: 3, side: 'ledger' } };
    expect(formatReason(group, 'zh-CN')).toBe('3 笔账簿记录合计等于对方金额');
    expect(formatReason(group, 'zh-TW')).toBe('3 筆帳簿記錄合計等於對方金額');
    expect(formatReason(group, 'en')).toBe('3 ledger lines add up to the other side’s amount');
    expect(formatReason({ code: 'same-reference', params: { reference: 'bank' } }, 'en')).toBe('Same reference: bank');
  });

  it('render a real match’s reasons as one cell per locale', () => {
    const result = runRows(
      [{ row: 5, date: '2025-03-03', amount: '12000.00', counterparty: '北京华兴贸易有限责任公司', reference: 'INV-2025-0042' }],
      [{ row: 8, date: '2025-03-05', amount: '12000.00', counterparty: '北京華興貿易有', description: '货款 INV-2025-0042' }],
    );
    const reasons = result.raw.matches[0].reasons;
    expect(formatReasons(reasons, 'zh-CN')).toBe('对方摘要中写有单据号 INV-2025-0042；金额相同；对方户名一致；日期相差 2 天');
    expect(formatReasons(reasons, 'zh-TW')).toBe('對方摘要中寫有單據號 INV-2025-0042；金額相同；對方戶名一致；日期相差 2 天');
    expect(formatReasons(reasons, 'en')).toBe('Reference INV-2025-0042 appears in the other side’s description; Same amount; Counterparty names agree; Dates 2 day(s) apart');
  });

  it('show an unknown code as itself', () => {
    expect(formatReason({ code: 'brand-new', params: {} }, 'en')).toBe('brand-new');
  });
});

describe('normaliseLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh_SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(normaliseLocale(tag)).toBe(locale);
  });
});

describe('a short name in a reason is written as the name writes it', () => {
  // A reviewer found 簡稱 信义（信義不動產…） in a zh-TW workbook: the short form came from the
  // normalised (Simplified) name.
  it('信義, not 信义, for a Traditional name', () => {
    const ledger = [['日期', '摘要', '收入', '支出'], ['2025-03-05', '收信義仲介佣金', '12,000.00', '']];
    const bank = [['交易日期', '對方戶名', '存入', '支出'], ['2025-03-05', '信義房屋仲介股份有限公司', '12,000.00', '']];
    const result = reconcile({ cells: ledger }, { cells: bank }, { ledger: { kind: 'cash-journal' } });
    const reason = result.matches[0].reasons.find((r) => r.code === 'short-name-in-text')!;
    expect(reason.params).toEqual({ name: '信義', full: '信義房屋仲介股份有限公司' });
    expect(formatReason(reason, 'zh-TW')).toBe('摘要中寫有簡稱 信義（信義房屋仲介股份有限公司）');
  });
});
