/**
 * The month-end sheets a run writes after the Matches sheet: Discrepancies, the bank reconciliation
 * statement and the Summary, from one Reconciliation, with names in the output language that never
 * take a user's sheet (a previous run's sheets are free to replace).
 */
import { buildReconciliation } from '../../engine/report/reconciliation';
import type { Report } from '../../engine/report/report';
import type { ReconciliationOptions } from '../../engine/report/reconciliation-options';
import type { ReconcileResult } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { reportText } from '../../i18n/report-sheets';
import type { SheetSpec } from '../workbook';
import { buildDiscrepanciesSheet } from './discrepancies-sheet';
import { uniqueSheetName } from './sheet-names';
import type { SourcePositions } from './source-links';
import { buildStatementSheet } from './reconciliation-sheet';
import { buildSummarySheet } from './summary-sheet';
import type { SignOffStatus } from './sign-off';

export interface ReportSheetsOptions {
  locale: Locale;
  positions: SourcePositions;
  ranAt: string;
  statement?: ReconciliationOptions;
  existing: string[];
  reconSheets: string[];
  /** Names this run already uses. */
  taken: string[];
  /** The reviewer's sign-off after this run (shown on the Summary); absent: no memory kept. */
  signOff?: SignOffStatus;
}

export function buildReportSheets(result: ReconcileResult, report: Report, options: ReportSheetsOptions): SheetSpec[] {
  const { locale, positions } = options;
  const reconciliation = buildReconciliation(result, options.statement);
  const taken = [...options.taken];
  const nameOf = (id: 'sheet.summary' | 'sheet.discrepancies' | 'sheet.statement') => {
    const name = uniqueSheetName(reportText(id, locale), options.existing, options.reconSheets, taken);
    taken.push(name);
    return name;
  };
  return [
    buildDiscrepanciesSheet(reconciliation, positions, locale, nameOf('sheet.discrepancies')),
    buildStatementSheet(reconciliation, result.ledger.kind, positions, locale, nameOf('sheet.statement')),
    buildSummarySheet(result, report, reconciliation, { ranAt: options.ranAt, ledgerRange: positions.ledger.address, bankRange: positions.bank.address, signOff: options.signOff }, locale, nameOf('sheet.summary')),
  ];
}
