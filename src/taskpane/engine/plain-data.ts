/**
 * Engine results restated as clone-safe plain data for the pane (decimal.js amounts become
 * strings). Runs inside the worker, next to the engine.
 */
import type { CellsSource, ReadResult, ReadingSummary } from '../../engine/types';
import type { CountAndSum, Report, ReportMatch, SideSummary } from '../../engine/report/report';
import { explainedFigures } from '../../engine/report/summary';
import { MATCHES_SHEET_KEY } from '../../workbook/layout';
import type { RunOutputs } from '../../workbook/workbook';
import {
  PREVIEW_ISSUES,
  PREVIEW_ROWS,
  MAX_SUGGESTIONS,
  type CountAndSumText,
  type GroupSummary,
  type RunSummary,
  type SideDetection,
  type SideFigures,
} from './engine-client';


/** The reading summary as plain data (it already is; copied so nothing shared crosses the worker). */
function structuredReading(reading: ReadingSummary): ReadingSummary {
  return { ...reading, chosen: { ...reading.chosen }, alternatives: reading.alternatives.map((a) => ({ ...a })) };
}

export function toSideDetection(read: ReadResult, source?: CellsSource): SideDetection {
  const headerCells = source && read.headerRow > 0 ? source.cells[read.headerRow - (source.firstRow ?? 1)] : undefined;
  return {
    ...(headerCells && { headerCells: [...headerCells] }),
    headerRow: read.headerRow,
    columns: { ...read.columns },
    columnHeaders: { ...read.columnHeaders },
    kind: read.kind,
    decisions: read.decisions.map((d) => ({ code: d.code, params: { ...d.params } })),
    ...(read.reading && { reading: structuredReading(read.reading) }),
    ...(read.dateOrder && { dateOrder: { ...read.dateOrder } }),
    entryCount: read.entries.length,
    skippedCount: read.skipped.length,
    issueCount: read.issues.length,
    issues: read.issues.slice(0, PREVIEW_ISSUES),
    preview: read.entries.slice(0, PREVIEW_ROWS).map((entry) => ({
      row: entry.row,
      date: entry.date,
      amount: entry.amount.toFixed(2),
      counterparty: entry.counterparty,
      reference: entry.reference,
      description: entry.description,
    })),
  };
}

function countAndSum(figure: CountAndSum): CountAndSumText {
  return { count: figure.count, sum: figure.sum.toFixed(2) };
}

function sideFigures(side: SideSummary): SideFigures {
  return {
    kind: side.kind,
    entries: countAndSum(side.entries),
    auto: countAndSum(side.auto),
    suggested: countAndSum(side.suggested),
    unmatched: countAndSum(side.unmatched),
    ledgerDocuments: countAndSum(side.ledgerDocuments),
    skipped: side.skipped,
    issues: side.issues,
    matchRate: side.matchRate,
  };
}

function groupSummary(m: ReportMatch): GroupSummary {
  return {
    id: m.id,
    ledgerRows: [...m.ledgerRows],
    bankRows: [...m.bankRows],
    ledgerTotal: m.ledgerTotal.toFixed(2),
    bankTotal: m.bankTotal.toFixed(2),
    difference: m.difference.toFixed(2),
    counterparty: m.ledgerCounterparties[0] ?? m.bankCounterparties[0] ?? '',
    date: m.ledgerDates[0] ?? m.bankDates[0] ?? '',
  };
}

export function toRunSummary(report: Report, outputs: RunOutputs): RunSummary {
  const explained = explainedFigures(report);
  const origins: string[] = [];
  let suggestedCount = 0;
  for (const m of report.matches) {
    origins.push(`${m.id} ${m.origin}`);
    if (m.origin === 'suggested') suggestedCount++;
  }
  const groupOrigins = origins.join('\n');
  return {
    ledger: { ...sideFigures(report.ledger), explained: countAndSum(explained.ledger) },
    bank: { ...sideFigures(report.bank), explained: countAndSum(explained.bank) },
    suggestions: report.matches.filter((m) => m.status === 'suggested').slice(0, MAX_SUGGESTIONS).map(groupSummary),
    groupOrigins,
    suggestedCount,
    ...(outputs.signOff && { signOff: outputs.signOff }),
    matchRate: report.matchRate,
    matchCount: report.matches.length,
    matchesSheet: outputs.sheets.find((sheet) => sheet.key === MATCHES_SHEET_KEY)?.name ?? null,
    issues: report.issues.slice(0, PREVIEW_ISSUES),
  };
}
