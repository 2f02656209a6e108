/**
 * A generated ledger/bank pair written as the two CSV files a user would hand to `recon match`, plus
 * a layout note (where each side's header, date and amount columns are) that only the floors read:
 * they are told the layout, Recon finds it out. Run as a child of the bench (a 1M pair needs its own
 * heap): `tsx bench/whole/csv-pair.ts --rows N --layout L --rows-per-day D --dir DIR`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CellValue } from '../../src/engine/types';
import { isoDate } from '../../src/generator/days';
import { generatePair } from '../../src/generator/generate-pair';
import { BANK_LAYOUTS, BANK_STYLES_FOR, LEDGER_LAYOUTS, type Layout } from '../../src/generator/layouts';
import { option } from '../table';

/** What a floor needs to read one side: the header line, the date column and its format, the amount columns. */
export interface SideLayout {
  file: string;
  /** 0-based line of the header; data follow it (lines that do not parse are passed over). */
  headerLine: number;
  date: number;
  /** strftime-style: %Y-%m-%d, %Y%m%d, %Y/%m/%d (no padding), %d/%m/%Y. */
  dateFormat: string;
  /** Money in (ledger debit, bank deposits) and out; the signed amount is in − out. */
  moneyIn: number;
  moneyOut: number;
}

export interface PairLayout {
  rows: number;
  ledgerKind: string;
  ledger: SideLayout;
  bank: SideLayout;
  ledgerLines: number;
  bankLines: number;
}

const DATE_FORMATS: Record<string, string> = { iso: '%Y-%m-%d', compact: '%Y%m%d', 'slash-short': '%Y/%m/%d', dmy: '%d/%m/%Y' };
/** Excel's serial of 1970-01-01: the generator's ledger dates are serials, a CSV holds text. */
const UNIX_EPOCH_SERIAL = 25569;

function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeCsv(file: string, cells: CellValue[][], serialDateColumn: number): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let chunk = '';
  for (const row of cells) {
    const line = row.map((value, c) => (c === serialDateColumn && typeof value === 'number' ? isoDate(value - UNIX_EPOCH_SERIAL) : csvCell(value)));
    chunk += `${line.join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => out.on('finish', () => resolve()).on('error', reject));
  await rename(partial, file);
}

function headerLine(cells: CellValue[][], first: string): number {
  const line = cells.findIndex((row) => row[0] === first);
  if (line < 0) throw new Error(`no header starting with ${first}`);
  return line;
}

export async function writeCsvPair(rows: number, layout: Layout, rowsPerDay: number, dir: string): Promise<PairLayout> {
  const seed = 1;
  const bankStyle = BANK_STYLES_FOR[layout][seed % BANK_STYLES_FOR[layout].length];
  const pair = generatePair({ seed, rows, layout, bankStyle, days: Math.ceil(rows / rowsPerDay) });
  const ledgerLayout = LEDGER_LAYOUTS[layout];
  const bankLayout = BANK_LAYOUTS[bankStyle];
  await mkdir(dir, { recursive: true });
  const ledgerFile = path.join(dir, 'ledger.csv');
  const bankFile = path.join(dir, 'bank.csv');
  await writeCsv(ledgerFile, pair.ledger.cells, ledgerLayout.fields.indexOf('date'));
  await writeCsv(bankFile, pair.bank.cells, bankLayout.date === 'excel-serial' ? bankLayout.fields.indexOf('date') : -1);
  const note: PairLayout = {
    rows,
    ledgerKind: pair.truth.ledgerKind,
    ledgerLines: pair.ledger.cells.length,
    bankLines: pair.bank.cells.length,
    ledger: {
      file: ledgerFile,
      headerLine: headerLine(pair.ledger.cells, ledgerLayout.headers[0]),
      date: ledgerLayout.fields.indexOf('date'),
      dateFormat: DATE_FORMATS.iso,
      moneyIn: ledgerLayout.fields.indexOf('debit'),
      moneyOut: ledgerLayout.fields.indexOf('credit'),
    },
    bank: {
      file: bankFile,
      headerLine: headerLine(pair.bank.cells, bankLayout.headers[0]),
      date: bankLayout.fields.indexOf('date'),
      dateFormat: DATE_FORMATS[bankLayout.date === 'excel-serial' ? 'iso' : bankLayout.date],
      moneyIn: bankLayout.fields.indexOf('in'),
      moneyOut: bankLayout.fields.indexOf('out'),
    },
  };
  // written last: its presence says the pair is complete
  await writeFile(path.join(dir, 'layout.json'), `${JSON.stringify(note, null, 2)}\n`);
  return note;
}

if (process.argv.includes('--child')) {
  const argv = process.argv.slice(2);
  writeCsvPair(Number(option(argv, 'rows')), option(argv, 'layout') as Layout, Number(option(argv, 'rows-per-day')), option(argv, 'dir')!).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
