/**
 * The status column written beside one of the user's ranges: `M12 已匹配`, `M13 待确认`, `未匹配`,
 * `跳过: 合计行` on the row the line came from, and highlight rules keyed on those labels.
 * The user's own cells are never written; only the first column right of their range is.
 */
import type { Report } from '../../engine/report/report';
import type { ReconcileResult, Side, SkipKind } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { sheetText, skippedLineText, statusText } from '../../i18n/sheets';
import type { Highlight, HighlightRule, SourceAnnotation } from '../workbook';

/** Where a side's cells came from: a CellBlock without its values, plus the range's width. */
export interface SourcePosition {
  sheet: string;
  /** 1-based sheet row and column of the range's first cell. */
  top: number;
  left: number;
  /** Columns in the user's range. */
  width: number;
  /** Rows in the user's range (optional: the last row with something to say is used otherwise). */
  height?: number;
  /** `'Bank export'!A1:H812`. */
  address: string;
}

/** Skipped lines not worth a label: a blank row stays blank. */
const UNLABELLED_SKIPS: ReadonlySet<SkipKind> = new Set(['blank']);

export function highlightRules(locale: Locale): HighlightRule[] {
  return [
    { highlight: 'auto', test: 'endsWith', text: ` ${statusText('auto', locale)}` },
    { highlight: 'suggested', test: 'endsWith', text: ` ${statusText('suggested', locale)}` },
    { highlight: 'unmatched', test: 'equals', text: statusText('unmatched', locale) },
    { highlight: 'skipped', test: 'startsWith', text: sheetText('status.skippedPrefix', locale) },
  ];
}

export function buildSourceAnnotation(
  side: Side,
  result: ReconcileResult,
  report: Report,
  position: SourcePosition,
  locale: Locale,
): SourceAnnotation {
  const read = side === 'ledger' ? result.ledger : result.bank;
  // With no header row found, the status header goes in the row above the range (if there is one).
  const firstRow = read.headerRow > 0 ? read.headerRow : position.top - 1;
  const skippedRows = read.skipped.filter((line) => !UNLABELLED_SKIPS.has(line.kind) && line.row > firstRow);

  let lastRow = position.height === undefined ? firstRow : Math.max(firstRow, position.top + position.height - 1);
  const see = (row: number) => {
    if (row > lastRow) lastRow = row;
  };
  for (const match of report.matches) for (const row of side === 'ledger' ? match.ledgerRows : match.bankRows) see(row);
  for (const entry of report.unmatched[side]) see(entry.row);
  if (side === 'ledger') for (const entry of report.ledgerDocuments) see(entry.row);
  for (const line of skippedRows) see(line.row);

  // Plain arrays indexed by row offset, filled once: a run may label a million rows.
  const count = lastRow - firstRow;
  const labels: string[] = new Array<string>(count).fill('');
  const highlights: (Highlight | null)[] = new Array<Highlight | null>(count).fill(null);
  const put = (row: number, label: string, highlight: Highlight | null) => {
    labels[row - firstRow - 1] = label;
    highlights[row - firstRow - 1] = highlight;
  };
  const words = { auto: ` ${statusText('auto', locale)}`, suggested: ` ${statusText('suggested', locale)}` };
  for (const match of report.matches) {
    const label = match.id + words[match.status];
    for (const row of side === 'ledger' ? match.ledgerRows : match.bankRows) put(row, label, match.status);
  }
  const unmatched = statusText('unmatched', locale);
  for (const entry of report.unmatched[side]) put(entry.row, unmatched, 'unmatched');
  if (side === 'ledger') {
    const document = sheetText('status.document', locale);
    for (const entry of report.ledgerDocuments) put(entry.row, document, null);
  }
  for (const line of skippedRows) put(line.row, skippedLineText(line, locale), 'skipped');

  return {
    rangeAddress: position.address,
    sheet: position.sheet,
    firstRow,
    lastRow,
    statusColumn: position.left + position.width,
    statusHeader: sheetText('status.header', locale),
    labels,
    highlights,
    // The same colours as rules on the labels (tests check both agree on every label).
    highlightRules: highlightRules(locale),
  };
}
