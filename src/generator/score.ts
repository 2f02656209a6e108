/**
 * How well a reconcile result finds a generated pair's known answer.
 *
 * Definitions (strict on purpose: a wrong automatic match is the costly error, because an accountant
 * trusts it without looking):
 * - A match is CORRECT when its ledger rows and its bank rows are exactly the rows of one true group.
 *   A proper subset of a true group is not correct: it leaves a true counterpart out, so its difference
 *   is wrong (an instalment paired alone with the invoice shows a false shortfall). Such matches are
 *   counted separately as `partial`, to tell "almost" from "wrong", but they still lower precision.
 *   No true group can be split into smaller groups that are each right: the generator makes every
 *   group's rows belong together only as a whole (the parts of an N:1 or 1:N never balance alone).
 * - Auto precision = correct auto matches / auto matches (1 when there are none).
 * - Recall = true groups found exactly by an auto OR a suggested match / true groups;
 *   auto recall counts auto matches only.
 * - A match is attributed to the kind of the truth bucket of its first ledger row (its first bank
 *   row when it has no ledger row), so a wrong match that swallows a deposit in transit counts
 *   against 'deposit-in-transit'.
 * - One-sided rows (未达账项 etc.) are right when they are in no auto match; documents (invoices of a
 *   receivables ledger) are right when the result sets them aside in `ledgerDocuments`.
 */
import type { ReconcileResult } from '../engine/types';
import type { Truth, TruthItem } from './truth';

export interface KindScore {
  /** True groups of this kind (0 for one-sided kinds). */
  groups: number;
  foundAuto: number;
  foundSuggested: number;
  /** Auto matches attributed to this kind, and how many are correct / a proper subset of a true group. */
  autoMatches: number;
  autoCorrect: number;
  autoPartial: number;
  suggestedMatches: number;
  suggestedCorrect: number;
  /** One-sided kinds: rows of this kind, and how many are in no auto match. */
  oneSidedRows: number;
  oneSidedLeftOut: number;
}

export interface ReadingScore {
  /** Data rows in the truth (both sides) and how many the reader turned into entries. */
  dataRows: number;
  readRows: number;
  /** Data rows with no entry, and entries on rows that are titles/headers/totals (first 20 of each, `L12`/`B7`). */
  missing: string[];
  extra: string[];
  missingCount: number;
  extraCount: number;
}

export interface QualityScore {
  autoMatches: number;
  autoCorrect: number;
  autoPartial: number;
  suggestedMatches: number;
  suggestedCorrect: number;
  trueGroups: number;
  foundAuto: number;
  foundSuggested: number;
  oneSidedRows: number;
  oneSidedLeftOut: number;
  documentRows: number;
  documentsSetAside: number;
  /** Ratios derived from the counts above (see the file comment). */
  autoPrecision: number;
  recall: number;
  autoRecall: number;
  byKind: Record<string, KindScore>;
  /** Group kinds split by how the bank showed the name: 'name-variant/person', 'reference-typo/person' … */
  byVariant: Record<string, KindScore>;
  reading: ReadingScore;
}

function emptyKind(): KindScore {
  return { groups: 0, foundAuto: 0, foundSuggested: 0, autoMatches: 0, autoCorrect: 0, autoPartial: 0, suggestedMatches: 0, suggestedCorrect: 0, oneSidedRows: 0, oneSidedLeftOut: 0 };
}

/** Row → what it is in the truth: group index (≥ 0), or a one-sided/document item. */
interface RowOwners {
  group: Int32Array;
  item: Map<number, TruthItem>;
}

function owners(rowCount: number, groups: number[][], items: TruthItem[][]): RowOwners {
  const group = new Int32Array(rowCount + 2).fill(-1);
  groups.forEach((rows, g) => rows.forEach((row) => (group[row] = g)));
  const item = new Map<number, TruthItem>();
  for (const list of items) for (const it of list) item.set(it.row, it);
  return { group, item };
}

function sameRows(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function scoreResult(result: ReconcileResult, truth: Truth): QualityScore {
  const ledgerEntries = result.ledger.entries;
  const bankEntries = result.bank.entries;
  // Truth lines include each side's last row (its total or footnote); entries may only repeat those rows.
  let ledgerMax = Math.max(0, ...truth.ledgerLines.map((l) => l.row));
  let bankMax = Math.max(0, ...truth.bankLines.map((l) => l.row));
  for (const e of ledgerEntries) if (e.row > ledgerMax) ledgerMax = e.row;
  for (const e of bankEntries) if (e.row > bankMax) bankMax = e.row;
  const ledger = owners(ledgerMax, truth.groups.map((g) => g.ledgerRows), [truth.ledgerOnly, truth.ledgerDocuments]);
  const bank = owners(bankMax, truth.groups.map((g) => g.bankRows), [truth.bankOnly]);

  const score: QualityScore = {
    autoMatches: 0, autoCorrect: 0, autoPartial: 0, suggestedMatches: 0, suggestedCorrect: 0,
    trueGroups: truth.groups.length, foundAuto: 0, foundSuggested: 0,
    oneSidedRows: 0, oneSidedLeftOut: 0, documentRows: truth.ledgerDocuments.length, documentsSetAside: 0,
    autoPrecision: 1, recall: 1, autoRecall: 1, byKind: {}, byVariant: {},
    reading: { dataRows: 0, readRows: 0, missing: [], extra: [], missingCount: 0, extraCount: 0 },
  };
  const kindScore = (kind: string): KindScore => (score.byKind[kind] ??= emptyKind());
  const variantScore = (key: string): KindScore => (score.byVariant[key] ??= emptyKind());
  const variantKey = (g: number): string | null => (truth.groups[g].nameVariant ? `${truth.groups[g].kind}/${truth.groups[g].nameVariant}` : null);
  for (const [g, group] of truth.groups.entries()) {
    kindScore(group.kind).groups++;
    const key = variantKey(g);
    if (key) variantScore(key).groups++;
  }

  const foundBy = new Int8Array(truth.groups.length); // 0 not found, 1 auto, 2 suggested
  const inAutoMatch = { ledger: new Uint8Array(ledgerMax + 2), bank: new Uint8Array(bankMax + 2) };
  for (const match of result.matches) {
    const ledgerRows = match.ledger.map((i) => ledgerEntries[i].row).sort((a, b) => a - b);
    const bankRows = match.bank.map((i) => bankEntries[i].row).sort((a, b) => a - b);
    const auto = match.status === 'auto';
    if (auto) {
      for (const r of ledgerRows) inAutoMatch.ledger[r] = 1;
      for (const r of bankRows) inAutoMatch.bank[r] = 1;
    }
    // Which true group (if any) all its rows fall in, and whether it is that group exactly.
    const first = ledgerRows.length ? ledger.group[ledgerRows[0]] : bank.group[bankRows[0]];
    const within = first >= 0 && ledgerRows.every((r) => ledger.group[r] === first) && bankRows.every((r) => bank.group[r] === first);
    const exact = within && sameRows(ledgerRows, truth.groups[first].ledgerRows) && sameRows(bankRows, truth.groups[first].bankRows);
    const attributedKind =
      first >= 0 ? truth.groups[first].kind : ledgerRows.length ? ledger.item.get(ledgerRows[0])?.kind ?? 'not-a-data-row' : bank.item.get(bankRows[0])?.kind ?? 'not-a-data-row';
    const targets = [kindScore(attributedKind)];
    const key = first >= 0 ? variantKey(first) : null;
    if (key) targets.push(variantScore(key));
    if (auto) {
      score.autoMatches++;
      if (exact) score.autoCorrect++;
      else if (within) score.autoPartial++;
      for (const t of targets) {
        t.autoMatches++;
        if (exact) t.autoCorrect++;
        else if (within) t.autoPartial++;
      }
    } else {
      score.suggestedMatches++;
      if (exact) score.suggestedCorrect++;
      for (const t of targets) {
        t.suggestedMatches++;
        if (exact) t.suggestedCorrect++;
      }
    }
    if (exact && foundBy[first] === 0) foundBy[first] = auto ? 1 : 2;
    else if (exact && auto) foundBy[first] = 1;
  }
  for (let g = 0; g < foundBy.length; g++) {
    if (!foundBy[g]) continue;
    const targets = [kindScore(truth.groups[g].kind)];
    const key = variantKey(g);
    if (key) targets.push(variantScore(key));
    for (const t of targets) {
      if (foundBy[g] === 1) t.foundAuto++;
      else t.foundSuggested++;
    }
    if (foundBy[g] === 1) score.foundAuto++;
    else score.foundSuggested++;
  }
  for (const [side, items] of [['ledger', truth.ledgerOnly], ['bank', truth.bankOnly]] as const) {
    for (const item of items) {
      const k = kindScore(item.kind);
      k.oneSidedRows++;
      score.oneSidedRows++;
      if (!inAutoMatch[side][item.row]) {
        k.oneSidedLeftOut++;
        score.oneSidedLeftOut++;
      }
    }
  }
  const setAside = new Set(result.ledgerDocuments.map((i) => ledgerEntries[i].row));
  for (const doc of truth.ledgerDocuments) if (setAside.has(doc.row)) score.documentsSetAside++;

  score.reading = readingScore(result, ledger, bank);
  return finish(score);
}

function readingScore(result: ReconcileResult, ledger: RowOwners, bank: RowOwners): ReadingScore {
  const reading: ReadingScore = { dataRows: 0, readRows: 0, missing: [], extra: [], missingCount: 0, extraCount: 0 };
  for (const [prefix, owner, entries] of [['L', ledger, result.ledger.entries], ['B', bank, result.bank.entries]] as const) {
    const isData = (row: number) => (row < owner.group.length && owner.group[row] >= 0) || owner.item.has(row);
    const read = new Set<number>();
    for (const e of entries) {
      read.add(e.row);
      if (!isData(e.row)) {
        reading.extraCount++;
        if (reading.extra.length < 20) reading.extra.push(`${prefix}${e.row}`);
      }
    }
    const dataRows: number[] = [];
    for (let row = 1; row < owner.group.length; row++) if (owner.group[row] >= 0) dataRows.push(row);
    for (const row of owner.item.keys()) dataRows.push(row);
    reading.dataRows += dataRows.length;
    for (const row of dataRows) {
      if (read.has(row)) reading.readRows++;
      else {
        reading.missingCount++;
        if (reading.missing.length < 20) reading.missing.push(`${prefix}${row}`);
      }
    }
  }
  return reading;
}

/** Recompute the ratios from the counts. */
function finish(score: QualityScore): QualityScore {
  score.autoPrecision = score.autoMatches ? score.autoCorrect / score.autoMatches : 1;
  score.recall = score.trueGroups ? (score.foundAuto + score.foundSuggested) / score.trueGroups : 1;
  score.autoRecall = score.trueGroups ? score.foundAuto / score.trueGroups : 1;
  return score;
}

function addKind(into: KindScore, from: KindScore): void {
  for (const key of Object.keys(from) as Array<keyof KindScore>) into[key] += from[key];
}

/** Sum of several scores (several seeds or layouts), ratios recomputed from the summed counts. */
export function mergeScores(scores: QualityScore[]): QualityScore {
  const total: QualityScore = {
    autoMatches: 0, autoCorrect: 0, autoPartial: 0, suggestedMatches: 0, suggestedCorrect: 0,
    trueGroups: 0, foundAuto: 0, foundSuggested: 0, oneSidedRows: 0, oneSidedLeftOut: 0, documentRows: 0, documentsSetAside: 0,
    autoPrecision: 1, recall: 1, autoRecall: 1, byKind: {}, byVariant: {},
    reading: { dataRows: 0, readRows: 0, missing: [], extra: [], missingCount: 0, extraCount: 0 },
  };
  const counts = ['autoMatches', 'autoCorrect', 'autoPartial', 'suggestedMatches', 'suggestedCorrect', 'trueGroups', 'foundAuto', 'foundSuggested', 'oneSidedRows', 'oneSidedLeftOut', 'documentRows', 'documentsSetAside'] as const;
  for (const s of scores) {
    for (const key of counts) total[key] += s[key];
    for (const [kind, k] of Object.entries(s.byKind)) addKind((total.byKind[kind] ??= emptyKind()), k);
    for (const [kind, k] of Object.entries(s.byVariant)) addKind((total.byVariant[kind] ??= emptyKind()), k);
    total.reading.dataRows += s.reading.dataRows;
    total.reading.readRows += s.reading.readRows;
    total.reading.missingCount += s.reading.missingCount;
    total.reading.extraCount += s.reading.extraCount;
    total.reading.missing.push(...s.reading.missing.slice(0, 20 - total.reading.missing.length));
    total.reading.extra.push(...s.reading.extra.slice(0, 20 - total.reading.extra.length));
  }
  return finish(total);
}
