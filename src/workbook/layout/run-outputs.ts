/**
 * buildRunOutputs: a reconcile result and its report → everything one run writes (pure; every host
 * writes the same RunOutputs). Output sheet names avoid the user's own sheets; sheets the previous
 * run created (its RunRecord) are free to be replaced.
 */
import type { Report } from '../../engine/report/report';
import type { StatementOptions } from '../../engine/report/statements/statement-model';
import type { ReconcileResult } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { sheetText } from '../../i18n/sheets';
import { formatMatchOptions } from '../../engine/match/option-definitions';
import type { CellValue } from '../../engine/types';
import type { RunOutputs, RunRecord, SourceAnnotation } from '../workbook';
import { buildAliasesSheet } from './aliases-sheet';
import { buildAuditSheet } from './audit-log';
import type { Alias, SignOff, WorkbookMemory, WorkbookSettings } from './recon-state';
import { memoryAfterRun, signOffOfRun } from './run-memory';
import { parseAddress } from './a1';
import { highlightArea } from './highlight-rules';
import { buildMatchesSheet } from './matches-sheet';
import { uniqueSheetName } from './sheet-names';
import { buildSourceAnnotation, type SourcePosition } from './source-annotation';
import { buildStatementSheets, type StatementSheetsRequest } from './statements/statement-outputs';
import { buildReportSheets } from './report-sheets';
import type { ReconciliationOptions } from '../../engine/report/reconciliation-options';

export type { SourcePosition } from './source-annotation';

export interface RunLayoutOptions {
  locale: Locale;
  /** Where each side's cells came from: a position, or the range's address (`'Bank'!A1:H90`). */
  ledger: SourcePosition | string;
  bank: SourcePosition | string;
  /** ISO timestamp of the run. */
  ranAt: string;
  /** The workbook's sheet names now (tab order), to avoid taking a user's sheet name. */
  existingSheetNames?: string[];
  /** The record of the previous run, whose sheets this run replaces. */
  previousRun?: RunRecord | null;
  /**
   * What the workbook remembers (layout/recon-state): given, the run adds its decisions, groups and
   * Audit log lines to it and writes the Audit log sheet; absent, the hosts keep what was stored.
   */
  memory?: WorkbookMemory;
  /** Who runs it (the Audit log); default "Recon". */
  user?: string;
  /** The Audit log sheet's values now, so edits made to it by hand are noticed. */
  auditSheetValues?: CellValue[][];
  /** The Aliases sheet's rows as the user left them (workbook/previous-run), when there is one. */
  aliases?: Alias[];
  settings?: WorkbookSettings;
  /** The reviewer's mark, when this run is a sign-off (kept only if the results are unchanged). */
  signOff?: SignOff;
  /** Per-customer statements and their index, when asked for (a receivables ledger). */
  statements?: StatementSheetsRequest;
  /** Period end and balances the user entered for the reconciliation statement. */
  statement?: ReconciliationOptions;
}

export function buildRunOutputs(result: ReconcileResult, report: Report, options: RunLayoutOptions): RunOutputs {
  const { locale } = options;
  const ledgerAt = toPosition(options.ledger);
  const bankAt = toPosition(options.bank);
  const existing = options.existingSheetNames ?? [];
  const reconSheets = options.previousRun?.sheets ?? [];

  const matchesName = uniqueSheetName(sheetText('sheet.matches', locale), existing, reconSheets);
  const sheets = [buildMatchesSheet(report, locale, matchesName)];
  const signOff = options.memory ? signOffOfRun({ previous: options.memory, result, signOff: options.signOff }) : undefined;
  sheets.push(...buildReportSheets(result, report, {
    locale, positions: { ledger: ledgerAt, bank: bankAt }, ranAt: options.ranAt, statement: options.statement, existing, reconSheets, taken: [matchesName], signOff,
  }));
  const statements = options.statements
    ? buildStatementSheets(result, options.statements, locale, { existing, reconSheets, taken: sheets.map((s) => s.name) })
    : undefined;
  if (statements) sheets.push(...statements.sheets);
  let memory: WorkbookMemory | undefined;
  if (options.memory) {
    const aliasesName = uniqueSheetName(sheetText('sheet.aliases', locale), [...existing, ...sheets.map((s) => s.name)], reconSheets);
    const auditName = uniqueSheetName(sheetText('sheet.audit', locale), [...existing, ...sheets.map((s) => s.name), aliasesName], reconSheets);
    memory = memoryAfterRun({
      previous: options.memory,
      result,
      report,
      locale,
      ranAt: options.ranAt,
      user: options.user ?? 'Recon',
      ledgerRange: ledgerAt.address,
      bankRange: bankAt.address,
      matchesSheet: matchesName,
      auditSheetValues: options.auditSheetValues,
      aliasesSheet: options.aliases,
      settings: options.settings,
      signOff: options.signOff,
    });
    memory.aliasesSheet = aliasesName;
    memory.auditSheet = auditName;
    sheets.push(buildAliasesSheet(memory.aliases, locale, aliasesName));
    sheets.push(buildAuditSheet(memory.audit, locale, auditName));
  }

  const annotations = [
    buildSourceAnnotation('ledger', result, report, ledgerAt, locale),
    buildSourceAnnotation('bank', result, report, bankAt, locale),
  ];
  separateStatusColumns(annotations);

  const runRecord: RunRecord = {
    version: 1,
    ranAt: options.ranAt,
    ledgerRange: ledgerAt.address,
    bankRange: bankAt.address,
    sheets: sheets.map((s) => s.name),
    statusColumns: annotations.map((a) => ({ sheet: a.sheet, column: a.statusColumn, firstRow: a.firstRow, lastRow: a.lastRow })),
    highlightAreas: annotations.map(highlightArea).filter((a): a is string => a !== null),
    options: {
      locale,
      ...formatMatchOptions(result.options),
      ledgerKind: result.ledger.kind,
      bankKind: result.bank.kind,
      ledgerHeaderRow: String(result.ledger.headerRow),
      bankHeaderRow: String(result.bank.headerRow),
      ...(statements ? statementRecord(statements.set.options) : {}),
    },
  };
  return { sheets, annotations, runRecord, memory, ...(signOff && { signOff }) };
}

/** What a re-run needs to make the same statements; the company name is kept here, in the workbook. */
function statementRecord(options: StatementOptions): Record<string, string> {
  return {
    company: options.company,
    statementsPeriod: `${options.period.from}..${options.period.to}`,
    statementDate: options.statementDate,
    termsDays: String(options.termsDays),
  };
}

/**
 * Both ranges on one sheet, side by side: the ledger's status column may land on the bank's
 * first column, or both status columns on the same column. Move them right of both ranges.
 */
function separateStatusColumns(annotations: SourceAnnotation[]): void {
  const [first, second] = annotations;
  if (first.sheet !== second.sheet) return;
  const firstRange = parseAddress(first.rangeAddress).rect;
  const secondRange = parseAddress(second.rangeAddress).rect;
  if (!firstRange || !secondRange) return;
  const rowsOverlap = firstRange.top <= secondRange.bottom && secondRange.top <= firstRange.bottom;
  if (!rowsOverlap) return;
  const inside = (column: number, rect: { left: number; right: number }) => column >= rect.left && column <= rect.right;
  const right = Math.max(firstRange.right, secondRange.right);
  if (inside(first.statusColumn, secondRange)) first.statusColumn = right + 1;
  if (inside(second.statusColumn, firstRange)) second.statusColumn = right + 1;
  if (second.statusColumn === first.statusColumn) second.statusColumn = first.statusColumn + 1;
}

/** A range's address → its position (sheet, first cell, size). */
export function positionOfAddress(address: string): SourcePosition {
  const { sheet, rect } = parseAddress(address);
  if (sheet === undefined || rect === undefined) throw new RangeError(`Expected a range with its sheet, such as 'Bank'!A1:H90, got "${address}"`);
  return { sheet, top: rect.top, left: rect.left, width: rect.right - rect.left + 1, height: rect.bottom - rect.top + 1, address };
}

function toPosition(at: SourcePosition | string): SourcePosition {
  return typeof at === 'string' ? positionOfAddress(at) : at;
}
