/**
 * People's decisions → what the matcher must keep, leave alone or never propose (pure).
 *   - Decisions typed into the Matches sheet become Decisions first (sheetEditsToDecisions).
 *   - Each decision's rows are found again by content (exact fingerprint, else the one row with
 *     the same date, amount, counterparty and reference); a decision with a row that cannot be
 *     found is reported "not-found", never applied to other rows.
 *   - Newest first: a newer decision about the same rows wins, the older one is "superseded"
 *     (accept, then unmatch: the group is forbidden; reject, then accept: it is kept).
 */
import type { Entry } from '../types';
import { FORBIDDING, PINNING, type Decision, type DecisionReport, type GroupRecord, type RowKey, type RowPrints, type SheetEdit } from './decision';
import { looseKeyOf } from './row-keys';

export interface SideKeys {
  ledger: RowKey[];
  bank: RowKey[];
}

/** A decision that holds rows in this run: a kept group, or rows explained on their own. */
export interface HeldGroup {
  decision: Decision;
  ledger: number[];
  bank: number[];
}

export interface ResolvedDecisions {
  reports: DecisionReport[];
  /** Accepted and manual groups, and explained rows (decision.kind tells which). */
  held: HeldGroup[];
  /** Signatures (groupSignature) of groups never to propose again. */
  forbidden: Set<string>;
  claimedLedger: Set<number>;
  claimedBank: Set<number>;
}

/** A group by its entry indices, order-free. */
export function groupSignature(ledger: readonly number[], bank: readonly number[]): string {
  const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b).join(',');
  return `${sorted(ledger)}|${sorted(bank)}`;
}

/** Finds rows by content; one finder per run. */
export class RowFinder {
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number[]>();

  constructor(keys: readonly RowKey[]) {
    keys.forEach((key, index) => {
      this.exact.set(key.fingerprint, index);
      const loose = looseKeyOf(key);
      const list = this.loose.get(loose);
      if (list) list.push(index);
      else this.loose.set(loose, [index]);
    });
  }

  /** The entry index of the row `key` names, or null when it is not there (or not only one). */
  find(key: RowKey): number | null {
    const exact = this.exact.get(key.fingerprint);
    if (exact !== undefined) return exact;
    const candidates = this.loose.get(looseKeyOf(key));
    return candidates && candidates.length === 1 ? candidates[0] : null;
  }
}

export function resolveDecisions(decisions: readonly Decision[], keys: SideKeys): ResolvedDecisions {
  // No decisions (most runs): no finders to build over every row.
  if (decisions.length === 0) return { reports: [], held: [], forbidden: new Set(), claimedLedger: new Set(), claimedBank: new Set() };
  const finders = { ledger: new RowFinder(keys.ledger), bank: new RowFinder(keys.bank) };
  const claimedLedger = new Set<number>();
  const claimedBank = new Set<number>();
  const forbidden = new Set<string>();
  const kept = new Set<string>();
  const held: HeldGroup[] = [];
  const reports: DecisionReport[] = new Array(decisions.length);

  for (let i = decisions.length - 1; i >= 0; i--) {
    const decision = decisions[i];
    const missing: RowKey[] = [];
    const findAll = (side: 'ledger' | 'bank', list: RowKey[]) =>
      list.map((key) => finders[side].find(key)).filter((found, n): found is number => (found === null ? (missing.push(list[n]), false) : true));
    const ledger = findAll('ledger', decision.ledger);
    const bank = findAll('bank', decision.bank);
    if (missing.length > 0 || ledger.length + bank.length === 0) {
      reports[i] = { decision, outcome: 'not-found', missing: missing.length > 0 ? missing : [...decision.ledger, ...decision.bank] };
      continue;
    }
    const signature = groupSignature(ledger, bank);
    const taken = ledger.some((x) => claimedLedger.has(x)) || bank.some((x) => claimedBank.has(x));
    let applied: boolean;
    if (FORBIDDING.has(decision.kind)) {
      applied = !kept.has(signature);
      if (applied) forbidden.add(signature);
    } else {
      applied = !taken && !(PINNING.has(decision.kind) && forbidden.has(signature));
      if (applied) {
        ledger.forEach((x) => claimedLedger.add(x));
        bank.forEach((x) => claimedBank.add(x));
        kept.add(signature);
        held.push({ decision, ledger, bank });
      }
    }
    reports[i] = { decision, outcome: applied ? 'applied' : 'superseded', missing: [] };
  }
  return { reports, held: held.reverse(), forbidden, claimedLedger, claimedBank };
}

/**
 * Words typed into the Matches sheet (and the pane's buttons) → decisions, numbered after
 * `existing`. A line about a match id takes that group's rows from the previous run (found now by
 * their fingerprints). A line of rows typed into the sheet takes the rows that held those numbers
 * at the last run (`previousRows`), found now by content, so a sort after typing changes nothing;
 * a row the last run did not print, and rows picked in the pane, are the rows at those numbers now.
 */
export function sheetEditsToDecisions(
  edits: readonly SheetEdit[],
  existing: readonly Decision[],
  previousGroups: readonly GroupRecord[],
  entries: { ledger: readonly Entry[]; bank: readonly Entry[] },
  keys: SideKeys,
  previousRows?: RowPrints,
): Decision[] {
  if (edits.length === 0) return [];
  const byFingerprint = {
    ledger: new Map(keys.ledger.map((k) => [k.fingerprint, k])),
    bank: new Map(keys.bank.map((k) => [k.fingerprint, k])),
  };
  const byRow = {
    ledger: new Map(entries.ledger.map((e) => [e.row, keys.ledger[e.index]])),
    bank: new Map(entries.bank.map((e) => [e.row, keys.bank[e.index]])),
  };
  const unknownRow = (side: 'ledger' | 'bank', row: number): RowKey => ({ side, row, date: '', amount: '', counterparty: '', reference: '', fingerprint: `row ${row}` });
  const unknownKey = (side: 'ledger' | 'bank', fingerprint: string, row = 0): RowKey => ({ side, row, date: '', amount: '', counterparty: '', reference: '', fingerprint });
  const rowKey = (side: 'ledger' | 'bank', row: number, source: Decision['source']): RowKey => {
    const printed = source === 'sheet' ? previousRows?.[side][row] : undefined;
    if (printed !== undefined) {
      // The row as it was when typed (shown to people); its content is what finds it now.
      const found = byFingerprint[side].get(printed);
      return found ? { ...found, row } : unknownKey(side, printed, row);
    }
    return byRow[side].get(row) ?? unknownRow(side, row);
  };
  let next = nextDecisionNumber(existing);
  return edits.map((edit): Decision => {
    let ledger: RowKey[];
    let bank: RowKey[];
    let kind = edit.kind;
    const source = edit.source ?? 'sheet';
    const group = edit.matchId === undefined ? undefined : previousGroups.find((g) => g.id === edit.matchId);
    if (edit.matchId !== undefined) {
      ledger = (group?.ledger ?? []).map((f) => byFingerprint.ledger.get(f) ?? unknownKey('ledger', f));
      bank = (group?.bank ?? []).map((f) => byFingerprint.bank.get(f) ?? unknownKey('bank', f));
      // Rejecting an automatic match is unmatching it.
      if (kind === 'reject' && group && group.origin !== 'suggested') kind = 'unmatch';
    } else {
      ledger = edit.ledgerRows.map((r) => rowKey('ledger', r, source));
      bank = edit.bankRows.map((r) => rowKey('bank', r, source));
    }
    const rule = kind === 'accept' ? group?.rule : undefined;
    return { id: `D${next++}`, kind, matchId: edit.matchId, ...(rule && { rule }), ledger, bank, reason: edit.reason, by: edit.by, at: edit.at, source };
  });
}

export function nextDecisionNumber(decisions: readonly Decision[]): number {
  let next = 1;
  for (const d of decisions) {
    const n = Number(/^D(\d+)$/.exec(d.id)?.[1]);
    if (Number.isInteger(n) && n >= next) next = n + 1;
  }
  return next;
}
