/**
 * The workbook's memory after a run (pure): every decision and what became of it, this run's
 * groups (stable ids next time), the Audit log with this run's lines, the sign-off cleared (a re-run
 * changes what was signed off, and the log says so), and the settings the run used.
 */
import Decimal from 'decimal.js';
import type { Decision, RowKey } from '../../engine/decisions/decision';
import { hash53, rowKeysOf } from '../../engine/decisions/row-keys';
import { formatMatchOptions } from '../../engine/match/option-definitions';
import type { Report } from '../../engine/report/report';
import type { CellValue, ReconcileResult } from '../../engine/types';
import type { Locale } from '../../i18n/locale';
import { sheetText } from '../../i18n/sheets';
import { updateAliases } from './alias-memory';
import { appendAudit, editedAuditLines } from './audit-log';
import type { Alias, AuditEntry, SignOff, WorkbookMemory, WorkbookSettings } from './recon-state';
import { changedGroups, signOffAfterRun, type SignOffStatus } from './sign-off';

export interface RunMemoryInput {
  previous: WorkbookMemory;
  result: ReconcileResult;
  report: Report;
  locale: Locale;
  ranAt: string;
  /** Who ran it: Office's user, or the name typed once in the pane, or the command line's user. */
  user: string;
  ledgerRange: string;
  bankRange: string;
  matchesSheet: string;
  /** The Audit log sheet as it is now (to notice edits), when there is one. */
  auditSheetValues?: CellValue[][];
  /** The Aliases sheet's rows as the user left them; absent when there is no sheet to read. */
  aliasesSheet?: Alias[];
  settings?: WorkbookSettings;
  /** The reviewer's mark, when this run is a sign-off (it holds only if the results are unchanged). */
  signOff?: SignOff;
}

const rowsOf = (keys: RowKey[]) => keys.map((k) => k.row).join(', ') || '—';

export function decisionAuditText(decision: Decision, locale: Locale): string {
  return sheetText('audit.decision', locale, {
    decision: decision.id,
    kind: sheetText(`decisionKind.${decision.kind}`, locale),
    rows: sheetText('audit.rows', locale, { ledger: rowsOf(decision.ledger), bank: rowsOf(decision.bank) }),
    reason: decision.reason || '—',
  });
}

/** A print of a side's contents as read: changes when any entry's content changes. */
function contentPrint(result: ReconcileResult, side: 'ledger' | 'bank'): string {
  return hash53(rowKeysOf(result[side].entries).map((k) => k.fingerprint).join('\n'));
}

/** Decisions this run takes in that the workbook did not hold (typed into the sheet, made in the pane). */
function newDecisions(input: Pick<RunMemoryInput, 'previous' | 'result'>) {
  const known = new Set(input.previous.decisions.map((d) => d.id));
  return input.result.decisions.filter(({ decision }) => !known.has(decision.id)).map((r) => r.decision);
}

/** What becomes of the sign-off in this run (see sign-off.ts). */
export function signOffOfRun(input: Pick<RunMemoryInput, 'previous' | 'result' | 'signOff'>): SignOffStatus {
  const changes = input.signOff ? changedGroups(input.previous.groups, input.result.groups) + newDecisions(input).length : 0;
  return signOffAfterRun(input.previous.signOff, input.signOff, changes);
}

export function memoryAfterRun(input: RunMemoryInput): WorkbookMemory {
  const { previous, result, report, locale, ranAt, user } = input;
  let audit: AuditEntry[] = [...previous.audit];
  const add = (action: AuditEntry['action'], by: string, at: string, detail: string) => (audit = appendAudit(audit, { at, by, action, detail }));

  const edited = input.auditSheetValues ? editedAuditLines(input.auditSheetValues, previous.audit) : [];
  if (edited.length > 0) add('edited', user, ranAt, sheetText('audit.edited', locale, { rows: edited.join(', ') }));

  for (const decision of newDecisions(input)) add('decision', decision.by, decision.at, decisionAuditText(decision, locale));
  const aliases = updateAliases({
    stored: previous.aliases,
    sheet: input.aliasesSheet,
    learnedFrom: previous.aliasesLearnedFrom ?? [],
    decisions: result.decisions,
    locale,
  });
  for (const detail of aliases.audit) add('alias', user, ranAt, detail);
  const signOff = signOffOfRun(input);
  if (previous.signOff && signOff.state !== 'signed') add('sign-off', user, ranAt, sheetText('audit.signOffCleared', locale, { by: previous.signOff.by, at: previous.signOff.at }));

  const money = (d: Decimal) => d.toFixed(2);
  const decided = report.matches.filter((m) => m.origin !== 'auto' && m.origin !== 'suggested').length;
  const options = Object.entries(formatMatchOptions(result.options)).map(([k, v]) => `${k}=${v}`).join(' ');
  add('run', user, ranAt, sheetText('audit.run', locale, {
    ledgerRange: input.ledgerRange,
    ledgerCount: report.ledger.entries.count,
    ledgerSum: money(report.ledger.entries.sum),
    ledgerPrint: contentPrint(result, 'ledger'),
    bankRange: input.bankRange,
    bankCount: report.bank.entries.count,
    bankSum: money(report.bank.entries.sum),
    bankPrint: contentPrint(result, 'bank'),
    options,
    auto: report.matches.filter((m) => m.origin === 'auto').length,
    suggested: report.matches.filter((m) => m.origin === 'suggested').length,
    decided,
  }));
  if (signOff.state === 'signed') add('sign-off', signOff.by, signOff.at, sheetText('audit.signOff', locale));
  if (signOff.state === 'refused') add('sign-off', user, ranAt, sheetText('audit.signOffRefused', locale, { changes: signOff.changes }));

  return {
    ...previous,
    settings: { ...previous.settings, ...input.settings, match: formatMatchOptions(result.options), locale },
    decisions: result.decisions.map((r) => r.decision),
    groups: result.groups,
    nextMatchNumber: result.nextMatchNumber,
    audit,
    aliases: aliases.aliases,
    aliasesLearnedFrom: aliases.learnedFrom,
    signOff: signOff.state === 'signed' ? { by: signOff.by, at: signOff.at } : null,
    matchesSheet: input.matchesSheet,
    ...(result.rowPrints && { rowPrints: result.rowPrints }),
  };
}
