/**
 * buildReconciliation: a reconcile result → the month-end papers as plain data: the discrepancy
 * sections with risk flags, the bank reconciliation statement at the period end, and the figures of
 * the Summary sheet. Pure; the layouts in src/workbook/layout/ turn it into sheets.
 */
import type { ReconcileResult } from '../types';
import { balanceAt, checkBalanceColumn, type BalanceBreak } from './balances';
import { buildDiscrepancies, type Discrepancies } from './discrepancies';
import { findRiskFlags } from './risk-flags';
import { buildStatement, type ReconciliationStatement } from './reconciliation-statement';
import type { ReconciliationOptions } from './reconciliation-options';
import { balanceMovement, isOwedLedger } from '../side-kinds';
import { settledBefore, type SettledBefore } from './settled-before';
import { buildRunFigures, type RunFigures } from './summary';
import { monthPeriod } from './statements/period';


export interface Reconciliation {
  periodEnd: string;
  /** The one currency the lines are written in (a 美元户: USD), or '' when none is written or they differ. */
  currency: string;
  /** null when there is no statement to draw up; `statementMissing` says why. */
  statement: ReconciliationStatement | null;
  statementMissing?: 'not-cash' | 'no-entries';
  discrepancies: Discrepancies;
  figures: RunFigures;
  breaks: BalanceBreak[];
  options: ReconciliationOptions;
}

/** A side's last date: its latest line, or a closing line's later date in that month (31 MAY BALANCE CARRIED FORWARD). */
function sideEnd(read: ReconcileResult['ledger']): string {
  let latest = '';
  for (const e of read.entries) if (e.date > latest) latest = e.date;
  let end = latest;
  for (const line of read.balances ?? []) {
    if (line.kind !== 'opening' && line.date > end && line.date.slice(0, 7) === latest.slice(0, 7)) end = line.date;
  }
  return end;
}

/**
 * The date the papers are made up to, unless given: where both sides end, each at its latest line or
 * a closing line's later date that month (本月合计 4/30). When one side runs into a later month (a
 * bank export to 4/3 against March's journal), the month both cover is the one being closed: the
 * papers are as at the last day of the earlier side's month, and the later lines wait for next month.
 */
export function defaultPeriodEnd(result: ReconcileResult): string {
  const ledgerEnd = sideEnd(result.ledger);
  const bankEnd = sideEnd(result.bank);
  if (ledgerEnd === '' || bankEnd === '') return ledgerEnd || bankEnd;
  const [earlier, later] = ledgerEnd <= bankEnd ? [ledgerEnd, bankEnd] : [bankEnd, ledgerEnd];
  if (earlier.slice(0, 7) === later.slice(0, 7)) return later;
  return monthPeriod(Number(earlier.slice(0, 4)), Number(earlier.slice(5, 7)))?.to ?? later;
}

export function buildReconciliation(result: ReconcileResult, options: ReconciliationOptions = {}): Reconciliation {
  const periodEnd = options.periodEnd ?? (defaultPeriodEnd(result) || '1970-01-01');
  const matchedLedger = new Set(result.matches.flatMap((m) => m.ledger));
  const matchedBank = new Set(result.matches.flatMap((m) => m.bank));
  const documents = new Set(result.ledgerDocuments);
  const bankDates = result.bank.entries.map((e) => e.date).sort();
  // Lines from before the other side begins that the opening balances show settled (cash books only:
  // a receivables ledger's balance is not the bank's).
  const earlier: SettledBefore = isOwedLedger(result.ledger.kind) ? { ledger: new Set(), bank: new Set() } : settledBefore(result);
  const risks = findRiskFlags({
    ledger: result.ledger.entries.filter((e) => !documents.has(e.index)),
    bank: result.bank.entries,
    isOpen: (e) => (e.side === 'ledger' ? !matchedLedger.has(e.index) && !earlier.ledger.has(e.index) : !matchedBank.has(e.index) && !earlier.bank.has(e.index)),
    periodStart: bankDates[0] ?? periodEnd,
    periodEnd,
  });
  const discrepancies = buildDiscrepancies(result, risks, earlier);
  // Our 应收/应付 ledger against the other company's own ledger: a balance confirmation (往来对账);
  // against a bank there is no statement to draw up (the ledger's balance is not the bank's).
  const counterparty = isOwedLedger(result.ledger.kind) && discrepancies.against === 'counterparty';
  // How each balance column moves: a 往来 ledger's by what is owed (both ledgers' when 往来对账).
  const ourMovement = balanceMovement(result.ledger.kind);
  const theirMovement = counterparty ? ourMovement : balanceMovement(result.bank.kind);
  const breaks = [checkBalanceColumn(result.ledger, ourMovement), checkBalanceColumn(result.bank, theirMovement)].filter((b): b is BalanceBreak => b !== null);

  let statement: ReconciliationStatement | null = null;
  let statementMissing: Reconciliation['statementMissing'];
  if (isOwedLedger(result.ledger.kind) && !counterparty) statementMissing = 'not-cash';
  else if (result.ledger.entries.length === 0 && result.bank.entries.length === 0) statementMissing = 'no-entries';
  else {
    statement = buildStatement({
      result,
      periodEnd,
      bookBalance: balanceAt(result.ledger, periodEnd, options.bookBalance, ourMovement),
      bankBalance: balanceAt(result.bank, periodEnd, options.bankBalance, theirMovement),
      breaks,
      duplicates: discrepancies.duplicates,
      earlier,
      ...(counterparty && { counterparty: { receivable: result.ledger.kind === 'receivables-ledger' } }),
    });
  }
  return { periodEnd, currency: writtenCurrency(result), statement, statementMissing, discrepancies, figures: buildRunFigures(result, periodEnd), breaks, options };
}

/** The currency every line that names one names (either side), or '' when none does or two differ. */
export function writtenCurrency(result: ReconcileResult): string {
  let found = '';
  for (const entries of [result.ledger.entries, result.bank.entries]) {
    for (const e of entries) {
      if (e.currency === '' || e.currency === found) continue;
      if (found !== '') return '';
      found = e.currency;
    }
  }
  return found;
}
