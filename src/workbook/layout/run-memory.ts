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
import type { Alias, AuditEntry, WorkbookMemory, WorkbookSettings } from './recon-state';

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

export function memoryAfterRun(input: RunMemoryInput): WorkbookMemory {
  const { previous, result, report, locale, ranAt, user } = input;
  let audit: AuditEntry[] = [...previous.audit];
  const add = (action: AuditEntry['action'], by: string, at: string, detail: string) => (audit = appendAudit(audit, { at, by, action, detail }));

  const edited = input.auditSheetValues ? editedAuditLines(input.auditSheetValues, previous.audit) : [];
  if (edited.length > 0) add('edited', user, ranAt, sheetText('audit.edited', locale, { rows: edited.join(', ') }));

  const known = new Set(previous.decisions.map((d) => d.id));
  for (const { decision } of result.decisions) {
    if (!known.has(decision.id)) add('decision', decision.by, decision.at, decisionAuditText(decision, locale));
  }
  const aliases = updateAliases({
    stored: previous.aliases,
    sheet: input.aliasesSheet,
    learnedFrom: previous.aliasesLearnedFrom ?? [],
    decisions: result.decisions,
    locale,
  });
  for (const detail of aliases.audit) add('alias', user, ranAt, detail);
  if (previous.signOff) add('sign-off', user, ranAt, sheetText('audit.signOffCleared', locale, { by: previous.signOff.by, at: previous.signOff.at }));

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

  return {
    ...previous,
    settings: { ...previous.settings, ...input.settings, match: formatMatchOptions(result.options), locale },
    decisions: result.decisions.map((r) => r.decision),
    groups: result.groups,
    nextMatchNumber: result.nextMatchNumber,
    audit,
    aliases: aliases.aliases,
    aliasesLearnedFrom: aliases.learnedFrom,
    signOff: null,
    matchesSheet: input.matchesSheet,
  };
}
