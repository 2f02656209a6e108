/**
 * The engine work behind each EngineClient call: plain requests in, plain results out. The worker
 * runs these; the in-process client calls them directly. Nothing here touches the DOM or Office.
 */
import Decimal from 'decimal.js';
import { DEFAULT_MATCH_OPTIONS, readSide, reconcile } from '../../engine';
import type { CellsSource, MatchOptions, ProgressListener, ReadOptions, ReconcileResult } from '../../engine/types';
import type { Decision } from '../../engine/decisions/decision';
import { buildReport } from '../../engine/report/build-report';
import { buildRunOutputs } from '../../workbook/layout';
import { aliasProblemText } from '../../workbook/layout/aliases-sheet';
import { emptyMemory } from '../../workbook/layout/recon-state';
import { decisionInputs } from '../../workbook/previous-run';
import { setReconciliationOption, type ReconciliationOptionKey, type ReconciliationOptions } from '../../engine/report/reconciliation-options';
import type { MatchSettings, MovedRows, ReconcileOutcome, ReconcileRequest, SideDetection } from './engine-client';
import { toRunSummary, toSideDetection } from './plain-data';

export function matchDefaults(): MatchSettings {
  return {
    dateWindowDays: DEFAULT_MATCH_OPTIONS.dateWindowDays,
    referenceWindowDays: DEFAULT_MATCH_OPTIONS.referenceWindowDays,
    tolerance: DEFAULT_MATCH_OPTIONS.tolerance.toFixed(2),
    allowCombined: DEFAULT_MATCH_OPTIONS.allowCombined,
    allowInstalments: DEFAULT_MATCH_OPTIONS.allowInstalments,
    maxGroupSize: DEFAULT_MATCH_OPTIONS.maxGroupSize,
    nameStrictness: DEFAULT_MATCH_OPTIONS.nameStrictness,
  };
}

export function toMatchOptions(settings: MatchSettings): MatchOptions {
  return {
    dateWindowDays: settings.dateWindowDays,
    referenceWindowDays: settings.referenceWindowDays,
    tolerance: new Decimal(settings.tolerance),
    allowCombined: settings.allowCombined,
    allowInstalments: settings.allowInstalments,
    maxGroupSize: settings.maxGroupSize,
    nameStrictness: settings.nameStrictness,
  };
}

export function detectSide(source: CellsSource, options: ReadOptions): SideDetection {
  return toSideDetection(readSide(source, options), source);
}

export function reconcileAndLayout(request: ReconcileRequest, onProgress?: ProgressListener): ReconcileOutcome {
  const result = reconcile(request.ledger, request.bank, {
    ledger: request.ledgerOptions,
    bank: request.bankOptions,
    match: toMatchOptions(request.match),
    onProgress,
    ...(request.previous && decisionInputs({ ...request.previous, record: request.previousRun })),
  });
  onProgress?.('reporting', 0, 2);
  const report = buildReport(result);
  onProgress?.('reporting', 1, 2);
  const outputs = buildRunOutputs(result, report, {
    locale: request.locale,
    ledger: request.ledgerPosition,
    bank: request.bankPosition,
    ranAt: request.ranAt,
    existingSheetNames: request.existingSheetNames,
    previousRun: request.previousRun,
    memory: request.previous?.memory ?? emptyMemory(),
    user: request.user,
    ...(request.signOff && { signOff: request.signOff }),
    ...(request.settings && { settings: request.settings }),
    auditSheetValues: request.previous?.auditSheetValues,
    aliases: request.previous?.aliases,
    ...(request.statements && {
      statements: {
        ledger: request.ledger,
        options: {
          company: request.statements.company,
          ...(request.statements.period && { period: request.statements.period }),
          ...(request.statements.statementDate && { statementDate: request.statements.statementDate }),
        },
      },
    }),
    statement: reconciliationOptionsOf(request.statement),
  });
  onProgress?.('reporting', 2, 2);
  const lostDecisions = result.decisions
    .filter((d) => d.outcome === 'not-found')
    .map(({ decision: d, missing }) => ({
      id: d.id,
      kind: d.kind,
      by: d.by,
      at: d.at,
      reason: d.reason,
      rows: missing.map((k) => ({ side: k.side, row: k.row, date: k.date, amount: k.amount, counterparty: k.counterparty })),
    }));
  const readings = { ledger: result.ledger.reading, bank: result.bank.reading };
  const dateOrders = { ledger: result.ledger.dateOrder, bank: result.bank.dateOrder };
  const aliasProblems = (request.previous?.aliasProblems ?? []).map((p) => aliasProblemText(p, request.locale));
  const movedRows = typedRowsMoved(result, request.previous?.memory.decisions ?? []);
  return {
    outputs,
    summary: { ...toRunSummary(report, outputs), readings, dateOrders, lostDecisions, unreadDecisions: request.previous?.unreadDecisions ?? [], aliasProblems, ...(movedRows.length > 0 && { movedRows }) },
  };
}

/**
 * Rows typed into the last Matches sheet are read as the rows they were at that run; where the
 * source was rearranged since, those rows now sit elsewhere. Said to the user, never silent.
 */
export function typedRowsMoved(result: ReconcileResult, known: readonly Decision[]): MovedRows[] {
  const old = new Set(known.map((d) => d.id));
  const taken = new Map(result.decisions.filter((r) => r.outcome === 'applied' && !old.has(r.decision.id)).map((r) => [r.decision.id, r.decision]));
  const moved: MovedRows[] = [];
  for (const match of result.matches) {
    const decision = match.decidedBy && taken.get(match.decidedBy.decision);
    if (!decision || decision.source !== 'sheet' || decision.matchId !== undefined) continue;
    for (const side of ['ledger', 'bank'] as const) {
      const typed = decision[side].map((k) => k.row).sort((a, b) => a - b);
      const now = match[side].map((i) => result[side].entries[i].row).sort((a, b) => a - b);
      if (typed.join(',') !== now.join(',')) moved.push({ id: decision.id, kind: decision.kind, side, typed, now });
    }
  }
  return moved;
}

/** The pane's texts → statement options; an empty text means "from the data". */
export function reconciliationOptionsOf(texts: Partial<Record<ReconciliationOptionKey, string>> | undefined): ReconciliationOptions {
  const options: ReconciliationOptions = {};
  for (const [key, text] of Object.entries(texts ?? {}) as [ReconciliationOptionKey, string][]) {
    if (text.trim() === '') continue;
    const problem = setReconciliationOption(options, key, text);
    if (problem) throw new Error(problem);
  }
  return options;
}
