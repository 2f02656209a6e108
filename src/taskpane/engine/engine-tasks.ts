/**
 * The engine work behind each EngineClient call: plain requests in, plain results out. The worker
 * runs these; the in-process client calls them directly. Nothing here touches the DOM or Office.
 */
import Decimal from 'decimal.js';
import { DEFAULT_MATCH_OPTIONS, readSide, reconcile } from '../../engine';
import type { CellsSource, MatchOptions, ProgressListener, ReadOptions } from '../../engine/types';
import { buildReport } from '../../engine/report/build-report';
import { buildRunOutputs } from '../../workbook/layout';
import type { MatchSettings, ReconcileOutcome, ReconcileRequest, SideDetection } from './engine-client';
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
  return toSideDetection(readSide(source, options));
}

export function reconcileAndLayout(request: ReconcileRequest, onProgress?: ProgressListener): ReconcileOutcome {
  const result = reconcile(request.ledger, request.bank, {
    ledger: request.ledgerOptions,
    bank: request.bankOptions,
    match: toMatchOptions(request.match),
    onProgress,
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
  });
  onProgress?.('reporting', 2, 2);
  return { outputs, summary: toRunSummary(report, outputs) };
}
