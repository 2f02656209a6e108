/**
 * The Audit log: each run (time, user, options, input ranges with a print of their contents,
 * control totals per side) and each decision (who, when, what, why), append-only. Every line
 * carries a running checksum over itself and every line before it, so a line edited in the sheet
 * is noticed by the next run: it says so in a new line and writes the log back from Recon's record.
 */
import { hash53 } from '../../engine/decisions/row-keys';
import type { CellValue } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { sheetText, type SheetMessageId } from '../../i18n/sheets';
import type { SheetSpec } from '../workbook';
import type { AuditAction, AuditEntry } from './recon-state';

export const AUDIT_SHEET_KEY = 'audit';

/** The checksum after `previous` for one line. */
export function auditChecksum(previous: string, entry: Omit<AuditEntry, 'checksum'>): string {
  return hash53([previous, entry.at, entry.by, entry.action, entry.detail].join('\u0001'));
}

/** Appends a line, chained to the last one. */
export function appendAudit(log: readonly AuditEntry[], entry: Omit<AuditEntry, 'checksum'>): AuditEntry[] {
  const previous = log.length > 0 ? log[log.length - 1].checksum : '';
  return [...log, { ...entry, checksum: auditChecksum(previous, entry) }];
}

const HEADERS: SheetMessageId[] = ['audit.number', 'audit.time', 'audit.user', 'audit.action', 'audit.detail', 'audit.checksum'];

function actionText(action: AuditAction, locale: Locale): string {
  return sheetText(`audit.action.${action}`, locale);
}

export function buildAuditSheet(log: readonly AuditEntry[], locale: Locale, name: string): SheetSpec {
  const lines: CellValue[][] = log.map((e, i) => [i + 1, e.at, e.by, actionText(e.action, locale), e.detail, e.checksum]);
  return {
    key: AUDIT_SHEET_KEY,
    name,
    values: [HEADERS.map((h) => sheetText(h, locale)), ...lines],
    columnFormats: ['integer', 'text', 'text', 'text', 'text', 'text'],
    columnWidths: [6, 24, 14, 12, 90, 14],
    styles: [{ area: { row: 0, column: 0, rows: 1, columns: HEADERS.length }, bold: true, fill: 'header' }],
    freezeRows: 1,
  };
}

/**
 * The log's lines as the sheet shows them now, against Recon's record: the 1-based line numbers
 * that differ (changed, removed or added by hand). Empty when the sheet is as Recon wrote it.
 */
export function editedAuditLines(values: readonly CellValue[][], log: readonly AuditEntry[]): number[] {
  const text = (v: CellValue) => (v === null || v === undefined ? '' : String(v));
  const shown = values.slice(1).filter((line) => line.some((v) => text(v) !== ''));
  const edited: number[] = [];
  for (let i = 0; i < Math.max(shown.length, log.length); i++) {
    const line = shown[i];
    const entry = log[i];
    const same = line && entry && text(line[1]) === entry.at && text(line[2]) === entry.by && text(line[4]) === entry.detail && text(line[5]) === entry.checksum;
    if (!same) edited.push(i + 1);
  }
  return edited;
}

/** True when every checksum follows from the lines before it (Recon's own record is intact). */
export function auditChainHolds(log: readonly AuditEntry[]): boolean {
  let previous = '';
  for (const entry of log) {
    if (auditChecksum(previous, entry) !== entry.checksum) return false;
    previous = entry.checksum;
  }
  return true;
}
