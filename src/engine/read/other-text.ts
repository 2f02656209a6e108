/**
 * Text columns beyond the one read as the reference and the one read as the description: a bank with
 * 摘要, 附言 and 备注, a journal with 摘要 and 备注. A customer writes the invoice number wherever the
 * form let them, so the matcher looks for references in these too (Entry.notes). A journal's 对方科目
 * (应收账款-杭州宏远纺织有限公司) is kept the same way, for the name it carries.
 */
import type { CellValue, ColumnMapping } from '../types';
import { CONTRA_ACCOUNT_HEADERS, matchHeader } from './header-words';
import { cellText, normalizeLabel } from './text';

/** Columns no role took whose header names a reference, a description or a contra account. */
export function otherTextColumns(headerTexts: readonly string[], columns: ColumnMapping): number[] {
  const taken = new Set(Object.values(columns));
  const found: number[] = [];
  headerTexts.forEach((text, column) => {
    if (text === '' || taken.has(column)) return;
    const key = matchHeader(text)?.key;
    if (key === 'reference' || key === 'description' || CONTRA_ACCOUNT_HEADERS.has(normalizeLabel(text))) found.push(column);
  });
  return found;
}

/** The other text columns' cells of one row, joined with spaces; undefined when all are empty. */
export function notesOf(row: readonly CellValue[], otherColumns: readonly number[]): string | undefined {
  if (otherColumns.length === 0) return undefined;
  let notes = '';
  for (const column of otherColumns) {
    const text = cellText(row[column]);
    if (text !== '') notes = notes === '' ? text : `${notes} ${text}`;
  }
  return notes === '' ? undefined : notes;
}
