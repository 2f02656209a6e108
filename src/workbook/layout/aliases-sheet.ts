/**
 * The Aliases sheet: counterparty name pairs people confirmed, one per row (ledger name, bank
 * name, who, when, note). Recon writes it after every run; people add, change or delete rows by
 * hand, and the next run in any host reads it back: the sheet is the user's word. The header is
 * recognised in any of the three languages, so a zh-CN sheet re-run in English is still read.
 */
import type { CellValue } from '../../engine/types';
import { LOCALES, type Locale } from '../../i18n/locale';
import { sheetText, type SheetMessageId } from '../../i18n/sheets';
import type { SheetSpec } from '../workbook';
import { columnLetter } from './a1';
import { isoFromSerial } from './excel-dates';
import type { Alias } from './recon-state';

export const ALIASES_SHEET_KEY = 'aliases';

/** The columns, in order: header message, width, the value per alias. */
const ALIAS_COLUMNS = [
  { key: 'ledgerName', header: 'aliases.ledgerName', width: 32, value: (a: Alias) => a.ledgerName },
  { key: 'bankName', header: 'aliases.bankName', width: 26, value: (a: Alias) => a.bankName },
  { key: 'by', header: 'aliases.by', width: 12, value: (a: Alias) => a.by },
  { key: 'at', header: 'aliases.at', width: 24, value: (a: Alias) => a.at },
  { key: 'note', header: 'aliases.note', width: 36, value: (a: Alias) => a.note ?? '' },
] as const satisfies readonly { key: keyof Alias; header: SheetMessageId; width: number; value: (a: Alias) => string }[];

type ColumnKey = (typeof ALIAS_COLUMNS)[number]['key'];
/** Columns a row cannot do without. */
const NAME_COLUMNS: readonly ColumnKey[] = ['ledgerName', 'bankName'];

/** Row 1 says what the sheet is for; row 2 is the header; the pairs follow. */
const HEADER_ROW = 1;

export function buildAliasesSheet(aliases: readonly Alias[], locale: Locale, name: string): SheetSpec {
  const explain: CellValue[] = [sheetText('aliases.explain', locale), ...ALIAS_COLUMNS.slice(1).map(() => '')];
  const header = ALIAS_COLUMNS.map((c) => sheetText(c.header, locale));
  return {
    key: ALIASES_SHEET_KEY,
    name,
    values: [explain, header, ...aliases.map((a) => ALIAS_COLUMNS.map((c) => c.value(a)))],
    columnFormats: ALIAS_COLUMNS.map(() => 'text'),
    columnWidths: ALIAS_COLUMNS.map((c) => c.width),
    styles: [
      { area: { row: 0, column: 0, rows: 1, columns: 1 }, fill: 'note' },
      { area: { row: HEADER_ROW, column: 0, rows: 1, columns: ALIAS_COLUMNS.length }, bold: true, fill: 'header' },
    ],
    freezeRows: HEADER_ROW + 1,
  };
}

/** Something in the sheet Recon could not use, said back to the user (never guessed around). */
export interface AliasSheetProblem {
  message: 'aliases.incomplete' | 'aliases.noHeader';
  params: Record<string, string | number>;
}

export interface AliasSheetReading {
  /** Every pair row as the sheet has it (rows missing a name included: they are written back as they were). */
  aliases: Alias[];
  /** False when the sheet has no header Recon knows: the stored copy is used instead. */
  found: boolean;
  problems: AliasSheetProblem[];
}

const text = (v: CellValue) => (v === null || v === undefined ? '' : String(v).trim());

/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2_958_466;

/** A time typed or left as Excel shows it: a date serial becomes an ISO date; text is kept. */
function timeText(v: CellValue): string {
  return typeof v === 'number' && v > 0 && v < MAX_SERIAL ? isoFromSerial(v) : text(v);
}

function findHeader(values: readonly CellValue[][]): { row: number; at: Record<ColumnKey, number> } | null {
  for (let r = 0; r < Math.min(values.length, 5); r++) {
    const cells = (values[r] ?? []).map(text);
    for (const locale of LOCALES) {
      const at = {} as Record<ColumnKey, number>;
      for (const c of ALIAS_COLUMNS) at[c.key] = cells.indexOf(sheetText(c.header, locale));
      if (NAME_COLUMNS.every((k) => at[k] >= 0)) return { row: r, at };
    }
  }
  return null;
}

/**
 * The sheet's values → its aliases. `by` and `at` stand in for who added a row and when where the
 * row leaves them empty (a pair typed by hand). `sheet` names the sheet in messages; `origin` is
 * the 1-based sheet row and column of values[0][0] (a used range need not start at A1).
 */
export function readAliasesSheet(
  values: readonly CellValue[][],
  sheet: string,
  by: string,
  at: string,
  origin: { top: number; left: number } = { top: 1, left: 1 },
): AliasSheetReading {
  const header = findHeader(values);
  if (header === null) {
    return {
      aliases: [],
      found: false,
      problems: [{ message: 'aliases.noHeader', params: { sheet } }],
    };
  }
  const aliases: Alias[] = [];
  const problems: AliasSheetProblem[] = [];
  for (let r = header.row + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const cell = (key: ColumnKey) => (header.at[key] >= 0 ? line[header.at[key]] : null);
    const alias: Alias = {
      ledgerName: text(cell('ledgerName')),
      bankName: text(cell('bankName')),
      by: text(cell('by')) || by,
      at: timeText(cell('at')) || at,
    };
    const note = text(cell('note'));
    if (note !== '') alias.note = note;
    if (alias.ledgerName === '' && alias.bankName === '' && note === '') continue; // a blank row
    for (const key of NAME_COLUMNS) {
      if (alias[key] !== '') continue;
      const column = ALIAS_COLUMNS.find((c) => c.key === key)!;
      problems.push({ message: 'aliases.incomplete', params: { sheet, row: origin.top + r, column: columnLetter(origin.left + header.at[key]), header: text(values[header.row][header.at[key]]) || column.header } });
    }
    aliases.push(alias);
  }
  return { aliases, found: true, problems };
}

/** A problem in the user's language. */
export function aliasProblemText(problem: AliasSheetProblem, locale: Locale): string {
  const headers = { ledger: sheetText('aliases.ledgerName', locale), bank: sheetText('aliases.bankName', locale) };
  return sheetText(problem.message, locale, { ...headers, ...problem.params });
}
