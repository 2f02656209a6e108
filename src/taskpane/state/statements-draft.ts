/**
 * The statements inputs as the form holds them, and their validation into StatementSettings. The
 * company name's default is the one kept in the workbook by the last run (its record's options).
 */
import { isoDate, parsePeriod } from '../../engine/report/statements/period';
import type { PaneMessageId } from '../../i18n/pane';
import type { RunRecord } from '../../workbook/workbook';
import type { StatementSettings } from '../engine/engine-client';

export interface StatementsDraft {
  enabled: boolean;
  company: string;
  period: string;
  statementDate: string;
}

export type StatementsErrors = Partial<Record<'period' | 'statementDate', PaneMessageId>>;

export function statementsDraftOf(lastRun: RunRecord | null): StatementsDraft {
  const kept = lastRun?.options ?? {};
  return { enabled: kept.statementsPeriod !== undefined, company: kept.company ?? '', period: '', statementDate: '' };
}

/** Settings to send (null when statements are off), or the fields to fix. */
export function validateStatements(draft: StatementsDraft): { settings: StatementSettings | null; errors: StatementsErrors; valid: boolean } {
  if (!draft.enabled) return { settings: null, errors: {}, valid: true };
  const errors: StatementsErrors = {};
  const period = draft.period.trim() === '' ? undefined : parsePeriod(draft.period);
  if (period === null) errors.period = 'statements.period.invalid';
  const statementDate = draft.statementDate.trim() === '' ? undefined : isoDate(draft.statementDate);
  if (statementDate === null) errors.statementDate = 'statements.date.invalid';
  if (period === null || statementDate === null) return { settings: null, errors, valid: false };
  return {
    settings: { company: draft.company.trim(), ...(period && { period }), ...(statementDate && { statementDate }) },
    errors,
    valid: true,
  };
}
