/**
 * The downloaded workbook read back with exceljs and held against what the engine computed in
 * Node: the Matches sheet line by line with totals that are the sums of their lines to the cent,
 * the status labels beside both ranges, the highlight rules over them, the run record, and every
 * one of the user's own cells unchanged.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../src/engine/types';
import { sheetText } from '../../../src/i18n/sheets';
import { HIGHLIGHT_COLOURS } from '../../../src/workbook/colours';
import { STATE_SHEET } from '../../../src/workbook/file/xlsx-workbook';
import { worksheetValues } from '../../../src/workbook/file/sheet-values';
import { decodeState } from '../../../src/workbook/layout/recon-state';
import { highlightRect } from '../../../src/workbook/layout/highlight-rules';
import { rectAddress } from '../../../src/workbook/layout/a1';
import type { Locale } from '../../../src/i18n/locale';
import type { ExpectedRun } from './expected';

/** Blank is blank however it was stored ('' or no cell). */
function plain(value: CellValue): CellValue {
  return value === undefined || value === '' ? null : value;
}

/** The cells of a rectangle, 1-based and inclusive, blanks as null. */
function area(values: CellValue[][], top: number, left: number, bottom: number, right: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let row = top; row <= bottom; row++) {
    const line: CellValue[] = [];
    for (let column = left; column <= right; column++) line.push(plain(values[row - 1]?.[column - 1] ?? null));
    out.push(line);
  }
  return out;
}

export async function checkReconciledWorkbook(bytes: Uint8Array, expected: ExpectedRun, locale: Locale): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const [ledgerSheet, bankSheet] = expected.demo.sheets;
  const matchesSpec = expected.outputs.sheets[0];
  // The user's two sheets first, then every sheet the run laid out (Matches first; the month-end sheets,
  // the Audit log), nothing else visible.
  const visible = book.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
  expect(visible.slice(0, 3)).toEqual([ledgerSheet.name, bankSheet.name, matchesSpec.name]);
  expect(visible).toEqual(expect.arrayContaining(expected.outputs.sheets.map((s) => s.name)));
  expect(book.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');

  // The Matches sheet: a header, one line per match group, a totals line; exactly what the engine laid out.
  const matches = worksheetValues(book.getWorksheet(matchesSpec.name)!);
  const width = matchesSpec.values[0].length;
  expect(matches).toHaveLength(expected.report.matches.length + 2);
  expect(area(matches, 1, 1, matches.length, width)).toEqual(matchesSpec.values.map((line) => line.map(plain)));
  const header = matches[0];
  const totals = matches[matches.length - 1];
  expect(totals[0]).toBe(sheetText('row.total', locale));
  const totalled = [
    ['column.ledgerAmount', expected.report.matchTotals.ledger],
    ['column.bankAmount', expected.report.matchTotals.bank],
    ['column.difference', expected.report.matchTotals.difference],
  ] as const;
  for (const [column, reportTotal] of totalled) {
    const c = header.indexOf(sheetText(column, locale));
    expect(c).toBeGreaterThan(0);
    const sum = matches.slice(1, -1).reduce((s, line) => s.plus(new Decimal(String(line[c] ?? 0))), new Decimal(0));
    expect(new Decimal(String(totals[c])).toFixed(2)).toBe(sum.toFixed(2));
    expect(sum.toFixed(2)).toBe(reportTotal.toFixed(2));
  }

  for (const [index, annotation] of expected.outputs.annotations.entries()) {
    const source = expected.demo.sheets[index];
    const ws = book.getWorksheet(annotation.sheet)!;
    const values = worksheetValues(ws);
    // The user's own cells, every one of them, as the demo has them.
    const rows = source.values.length;
    const columns = source.values[0].length;
    expect(area(values, 1, 1, rows, columns)).toEqual(source.values.map((line) => line.map(plain)));
    // The status column right beside the range: its header, then one label per row.
    expect(annotation.statusColumn).toBe(columns + 1);
    expect(values[annotation.firstRow - 1][annotation.statusColumn - 1]).toBe(annotation.statusHeader);
    const labels = area(values, annotation.firstRow + 1, annotation.statusColumn, annotation.lastRow, annotation.statusColumn).map((line) => line[0]);
    expect(labels).toEqual(annotation.labels.map((label) => plain(label)));
    // Nothing written past it.
    expect(area(values, 1, annotation.statusColumn + 1, rows, annotation.statusColumn + 3).flat().every((v) => v === null)).toBe(true);
    // The highlights are conditional rules over the range, keyed on the labels, in the shared colours.
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual([rectAddress(highlightRect(annotation)!)]);
    expect(formats[0].rules.map((rule) => rule.style.fill.bgColor.argb)).toEqual(
      annotation.highlightRules!.map((rule) => `FF${HIGHLIGHT_COLOURS[rule.highlight].slice(1)}`),
    );
  }

  // The run record, in the state format every host reads (layout/recon-state), so Clear (in any
  // host, the add-in included) removes exactly what this run wrote.
  const state = book.getWorksheet(STATE_SHEET)!;
  const record = decodeState(worksheetValues(state).map((row) => row.slice(0, 3)))!.run!;
  expect(record.sheets).toEqual(visible.slice(2));
  expect(record.sheets[0]).toBe(matchesSpec.name);
  expect(record.statusColumns).toEqual(expected.outputs.runRecord.statusColumns);
  expect(record.highlightAreas).toEqual(expected.outputs.runRecord.highlightAreas);
}
