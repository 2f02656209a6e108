/**
 * The demo a newcomer sees first: a small realistic pair, a 银行存款日记账 and an ICBC-like export with
 * its title lines and 合计 line (or an English cash book and a UK statement), every scenario present.
 */
import type { CellValue } from '../engine/types';
import { generatePair } from './generate-pair';
import type { Truth } from './truth';
import { columnLetter } from '../engine/read/column-letter';

export type DemoLocale = 'zh-CN' | 'zh-TW' | 'en';

export interface DemoWorkbook {
  sheets: { name: string; values: CellValue[][] }[];
  /** A1 addresses of the two ranges to reconcile, with their sheets: `'银行日记账'!A1:G61`. */
  ledgerAddress: string;
  bankAddress: string;
  /** The known answer, for tests and a guided tour. */
  truth: Truth;
}

const SHEET_NAMES: Record<DemoLocale, { ledger: string; bank: string }> = {
  'zh-CN': { ledger: '银行日记账', bank: '银行流水' },
  'zh-TW': { ledger: '銀行日記賬', bank: '銀行流水' },
  en: { ledger: 'Ledger', bank: 'Bank statement' },
};

/** Fixed, so the demo is the same workbook for everyone (and a screenshot in the guide stays true). */
const DEMO_SEED = 20250301;
const DEMO_ROWS = 56;

export function demoWorkbook(locale: DemoLocale): DemoWorkbook {
  const english = locale === 'en';
  const pair = generatePair({
    seed: DEMO_SEED,
    rows: DEMO_ROWS,
    layout: english ? 'en-bank' : 'zh-bank-cash-journal',
    bankStyle: english ? 'uk' : 'icbc',
    startDate: '2025-03-01',
  });
  const names = SHEET_NAMES[locale];
  return {
    sheets: [
      { name: names.ledger, values: pair.ledger.cells },
      { name: names.bank, values: pair.bank.cells },
    ],
    ledgerAddress: rangeAddress(names.ledger, pair.ledger.cells),
    bankAddress: rangeAddress(names.bank, pair.bank.cells),
    truth: pair.truth,
  };
}

function rangeAddress(sheet: string, values: CellValue[][]): string {
  const width = Math.max(...values.map((r) => r.length));
  return `'${sheet.replace(/'/g, "''")}'!A1:${columnLetter(width - 1)}${values.length}`;
}
