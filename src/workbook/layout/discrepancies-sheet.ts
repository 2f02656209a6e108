/**
 * The Discrepancies sheet (差异表): a title, any pasted-twice periods named, a block with each
 * section's count and totals, then one Excel table of every line with a Section and a Reason column
 * (filter by section, sort by amount), each row number linking to the row it came from. Risk flags
 * come after the sections, each with its rule in words, and last the rows that could not be read.
 */
import type Decimal from 'decimal.js';
import type { DiscrepancyLine, SectionKey } from '../../engine/report/discrepancies';
import type { Reconciliation } from '../../engine/report/reconciliation';
import type { CellValue, Side } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { formatReasons } from '../../i18n/reasons';
import { formatReadText } from '../../i18n/read-texts';
import { reportText, reportTextOf, type ReportMessageId } from '../../i18n/report-sheets';
import type { AreaStyle, CellFormat, CellLink, SheetSpec } from '../workbook';
import { excelSerial } from './excel-dates';
import { moneyCell } from './money';
import { sourceLink, type SourcePositions } from './source-links';

export const DISCREPANCIES_SHEET_KEY = 'discrepancies';
export const DISCREPANCIES_TABLE_NAME = 'ReconDiscrepancies';

/** The table's columns: header, format, width. Values are filled per line below, in this order. */
const COLUMNS: { header: ReportMessageId; format: CellFormat; width: number }[] = [
  { header: 'col.section', format: 'text', width: 16 },
  { header: 'col.reason', format: 'text', width: 34 },
  { header: 'col.side', format: 'text', width: 7 },
  { header: 'col.row', format: 'general', width: 7 },
  { header: 'col.date', format: 'date', width: 11 },
  { header: 'col.counterparty', format: 'text', width: 24 },
  { header: 'col.reference', format: 'text', width: 14 },
  { header: 'col.description', format: 'text', width: 22 },
  { header: 'col.amount', format: 'amount', width: 14 },
  { header: 'col.otherRows', format: 'general', width: 9 },
  { header: 'col.otherAmount', format: 'amount', width: 14 },
  { header: 'col.difference', format: 'amount', width: 12 },
  { header: 'col.match', format: 'text', width: 8 },
  { header: 'col.details', format: 'text', width: 40 },
];
const ROW_COLUMN = 3;
const AMOUNT_COLUMN = 8;
const OTHER_ROWS_COLUMN = 9;
const DIFFERENCE_COLUMN = 11;

interface TableLine {
  cells: CellValue[];
  side: Side;
  row: number;
  otherSide?: Side;
  otherRow?: number;
}

export function buildDiscrepanciesSheet(reconciliation: Reconciliation, positions: SourcePositions, locale: Locale, name: string): SheetSpec {
  const { discrepancies, figures } = reconciliation;
  const width = COLUMNS.length;
  const values: CellValue[][] = [];
  const styles: AreaStyle[] = [];
  const links: CellLink[] = [];
  const pad = (cells: CellValue[]) => [...cells, ...Array<CellValue>(Math.max(0, width - cells.length)).fill(null)];
  const period = reportText('period', locale, { from: figures.period.from, to: figures.period.to });
  // Against a counterparty's own ledger (往来对账) the other side is "theirs", not the bank.
  const theirs = discrepancies.against === 'counterparty';
  const sideWord = (side: Side) => reportText(side === 'bank' && theirs ? 'side.counterparty' : `side.${side}`, locale);
  const sectionWord = (section: SectionKey) =>
    reportText(theirs && (section === 'ledger-only' || section === 'bank-only') ? `section.${section}.counterparty` : `section.${section}`, locale);

  values.push(pad([reportText('disc.title', locale, { period })]));
  styles.push({ area: { row: 0, column: 0, rows: 1, columns: width }, bold: true });
  for (const o of discrepancies.overlaps) {
    values.push(pad([reportText('disc.overlap', locale, { side: sideWord(o.side), first: o.rows[0], last: o.rows[1], firstCopy: o.copiesOf[0], lastCopy: o.copiesOf[1], from: o.from, to: o.to })]));
    styles.push({ area: { row: values.length - 1, column: 0, rows: 1, columns: width }, alert: true, bold: true });
  }
  values.push(pad([]));

  // Section block: count, then each total right above the table column it adds up (金额, 差额).
  const blockTop = values.length;
  const blockRow = (name: CellValue, count: CellValue, amount: CellValue, difference: CellValue) => {
    const row = pad([name, count]);
    row[AMOUNT_COLUMN] = amount;
    row[DIFFERENCE_COLUMN] = difference;
    values.push(row);
  };
  blockRow(reportText('disc.sectionsHeader', locale), reportText('disc.count', locale), reportText('disc.amountTotal', locale), reportText('disc.differenceTotal', locale));
  styles.push({ area: { row: blockTop, column: 0, rows: 1, columns: width }, bold: true, fill: 'header' });
  for (const s of discrepancies.sections) blockRow(sectionWord(s.section), s.count, moneyCell(s.amount), moneyCell(s.difference));
  blockRow(reportText('section.risk', locale), discrepancies.riskTotal.count, moneyCell(discrepancies.riskTotal.amount), null);
  if (discrepancies.unreadable.length > 0) blockRow(reportText('section.unreadable', locale), discrepancies.unreadable.length, null, null);
  const blockRows = values.length - blockTop;
  styles.push({ area: { row: blockTop + 1, column: 1, rows: blockRows - 1, columns: 1 }, format: 'integer', align: 'left' });
  styles.push({ area: { row: blockTop + 1, column: AMOUNT_COLUMN, rows: blockRows - 1, columns: 1 }, format: 'amount' });
  styles.push({ area: { row: blockTop + 1, column: DIFFERENCE_COLUMN, rows: blockRows - 1, columns: 1 }, format: 'amount' });
  const covered = discrepancies.lines.reduce((n, l) => n + l.rows.length + (l.section === 'duplicate' ? 0 : l.otherRows.length), 0);
  values.push(pad([reportText('disc.conservation', locale, { rows: covered })]));
  styles.push({ area: { row: values.length - 1, column: 0, rows: 1, columns: width }, merge: true, wrap: true });
  values.push(pad([]));

  // The table.
  const lines: TableLine[] = [
    ...discrepancies.lines.map((l) => discrepancyLine(l, locale, sideWord, sectionWord)),
    ...discrepancies.risks.map((r): TableLine => ({
      side: r.entry.side,
      row: r.entry.row,
      cells: [
        reportText('section.risk', locale), reportTextOf('risk', r.code, locale, r.params), sideWord(r.entry.side), r.entry.row, excelSerial(r.entry.date),
        r.entry.counterparty, r.entry.reference, r.entry.description, moneyCell(r.entry.amount), null, null, null, null, '',
      ],
    })),
    // No amount: the reader could not read one (or the date); what the cell held is in the reason.
    ...discrepancies.unreadable.map((l): TableLine => ({
      side: l.side,
      row: l.row,
      cells: [
        reportText('section.unreadable', locale), l.why ? formatReadText(l.why, locale) : l.reason, sideWord(l.side), l.row, null,
        '', '', '', null, null, null, null, null, '',
      ],
    })),
  ];
  const tableTop = values.length;
  values.push(COLUMNS.map((c) => reportText(c.header, locale)));
  styles.push({ area: { row: tableTop, column: 0, rows: 1, columns: width }, bold: true, fill: 'header', wrap: true });
  if (lines.length === 0) {
    values.push(pad([reportText('disc.noLines', locale)]));
    styles.push({ area: { row: tableTop + 1, column: 0, rows: 1, columns: width }, fill: 'note' });
  }
  for (const line of lines) {
    const at = values.length;
    values.push(line.cells);
    links.push(sourceLink(positions, line.side, line.row, { row: at, column: ROW_COLUMN }));
    if (line.otherSide && line.otherRow !== undefined) links.push(sourceLink(positions, line.otherSide, line.otherRow, { row: at, column: OTHER_ROWS_COLUMN }));
  }

  return {
    key: DISCREPANCIES_SHEET_KEY,
    name,
    values,
    columnWidths: COLUMNS.map((c) => c.width),
    styles: [
      ...styles,
      // The table's own columns, below its header (the block above keeps its own formats).
      ...COLUMNS.map((c, i): AreaStyle | null => (lines.length > 0 && c.format !== 'general' ? { area: { row: tableTop + 1, column: i, rows: lines.length, columns: 1 }, format: c.format } : null)).filter((s): s is AreaStyle => s !== null),
    ],
    table: lines.length > 0 ? { name: DISCREPANCIES_TABLE_NAME, area: { row: tableTop, column: 0, rows: 1 + lines.length, columns: width } } : undefined,
    freezeRows: 0,
    links,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToPagesWide: 1,
      repeatRows: { first: tableTop, last: tableTop },
      headerCenter: `${reportText('sheet.discrepancies', locale)}  ${period}`,
      footerCenter: reportText('page.footer', locale),
    },
  };
}

function discrepancyLine(line: DiscrepancyLine, locale: Locale, sideWord: (side: Side) => string, sectionWord: (section: SectionKey) => string): TableLine {
  const rows = (list: number[]): CellValue => (list.length === 0 ? null : list.length === 1 ? list[0] : list.join(', '));
  const pair = line.section === 'difference' || line.section === 'suggested';
  const amountOrNull = (d: Decimal | undefined) => (d === undefined ? null : moneyCell(d));
  return {
    side: line.side,
    row: line.rows[0],
    otherSide: line.otherRows.length > 0 ? line.otherSide : undefined,
    otherRow: line.otherRows[0],
    cells: [
      sectionWord(line.section),
      reportTextOf('why', line.reason.code, locale, line.reason.params),
      sideWord(line.side),
      rows(line.rows),
      excelSerial(line.date),
      line.counterparty,
      line.reference,
      line.description,
      moneyCell(line.amount),
      rows(line.otherRows),
      amountOrNull(line.otherAmount),
      pair ? moneyCell(line.difference) : null,
      line.matchId ?? '',
      pair ? formatReasons(line.matchReasons, locale) : '',
    ],
  };
}
