/**
 * Ledger entries × bank entries → match groups and leftovers.
 *
 *   1. Invoices/bills that the ledger also settles with its own receipts/payments are documents, not
 *      bank movements: they are set aside (ledgerDocuments) for statements. Against a counterparty's
 *      own ledger (往来对账), which has documents too, they stay: documents pair only with documents.
 *   2. Both sides are put in canonical order (day, amount, row), so the result never depends on the
 *      order rows arrived in.
 *   3. The passes of passes.ts run in turn, each on what the earlier ones left.
 *   4. Matches get ids M1, M2 … by first ledger row, then first bank row.
 *
 * Every entry ends up in exactly one place: one match, unmatched, or ledgerDocuments.
 */
import Decimal from 'decimal.js';
import type { DocumentType, Entry, Match, MatchOptions, MatchResult, ProgressListener } from '../types';
import { checkOption, defaultMatchOptions, MATCH_OPTION_DEFINITIONS, type OptionKey } from './option-definitions';
import { aliasBookOf, type NameAlias } from './aliases';
import { MatchContext, Progress } from './context';
import { PASSES } from './passes';
import { NameCache, prepareSide, sumAmounts, type PreparedEntry } from './prepared-entry';
import { centsToDecimal, centsTotalAt } from '../cents';

/** The defaults of match/option-definitions.ts, the one table of options. */
export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze(defaultMatchOptions());

/**
 * Defaults filled in; every given value checked against option-definitions.ts: a value outside its
 * range is refused with an OptionError naming the range, never clamped. A reference window
 * narrower than the date window is the date window (a reference only ever widens the search).
 */
export function resolveMatchOptions(partial: Partial<MatchOptions> = {}): MatchOptions {
  const options = { ...DEFAULT_MATCH_OPTIONS };
  for (const d of MATCH_OPTION_DEFINITIONS) {
    const value = partial[d.key];
    if (value !== undefined && value !== null) (options as Record<OptionKey, unknown>)[d.key] = checkOption(d.key, value);
  }
  options.referenceWindowDays = Math.max(options.referenceWindowDays, options.dateWindowDays);
  return options;
}

const DOCUMENT_TYPES: ReadonlySet<DocumentType> = new Set<DocumentType>(['invoice', 'bill']);

/**
 * A ledger with its own receipts/payments AND invoices/bills (a receivables ledger): the invoices are
 * settled inside the ledger, the receipts meet the bank. A ledger of invoices only (an open-items
 * list): the invoices themselves meet the bank (cash application).
 */
export function splitDocuments(ledger: readonly Entry[]): { movements: Entry[]; documents: Entry[] } {
  const hasDocuments = ledger.some((e) => DOCUMENT_TYPES.has(e.document));
  const hasCash = ledger.some((e) => !DOCUMENT_TYPES.has(e.document));
  if (!hasDocuments || !hasCash) return { movements: [...ledger], documents: [] };
  return {
    movements: ledger.filter((e) => !DOCUMENT_TYPES.has(e.document)),
    documents: ledger.filter((e) => DOCUMENT_TYPES.has(e.document)),
  };
}

export function matchEntries(ledger: Entry[], bank: Entry[], options: MatchOptions, onProgress?: ProgressListener, aliases?: readonly NameAlias[]): MatchResult {
  // Against a counterparty's own ledger (their bills and payments), our invoices meet their bills.
  const counterpartyLedger = bank.some((e) => DOCUMENT_TYPES.has(e.document));
  const { movements, documents } = counterpartyLedger ? { movements: [...ledger], documents: [] } : splitDocuments(ledger);
  const enabled = PASSES.filter((pass) => pass.enabled(options));
  const size = { ledger: movements.length, bank: bank.length };
  const preparation = size.ledger + size.bank;
  const progress = new Progress(onProgress, preparation + enabled.reduce((sum, pass) => sum + size[pass.walks], 0));

  const cache = new NameCache();
  const ctx = new MatchContext(prepareSide(movements, cache, counterpartyLedger), prepareSide(bank, cache, counterpartyLedger, true), options, cache, progress);
  ctx.aliases = aliasBookOf(aliases);
  ctx.oneCounterparty = counterpartyLedger && new Set(movements.map((e) => e.counterparty).filter((name) => name !== '')).size <= 1;
  let done = preparation;
  progress.reach(done);
  for (const pass of enabled) {
    pass.run(ctx);
    done += size[pass.walks];
    progress.reach(done);
  }
  return assemble(ctx, documents);
}

function byRow(a: Entry, b: Entry): number {
  return a.row - b.row || a.index - b.index;
}

/** Shared by every exact match; Decimals are immutable. */
const ZERO = new Decimal(0);

/** Positions → entries in row order. */
function entriesAt(side: readonly PreparedEntry[], positions: readonly number[]): Entry[] {
  const entries = positions.map((p) => side[p].entry);
  return entries.length > 1 ? entries.sort(byRow) : entries;
}

function compareRowLists(x: readonly Entry[], y: readonly Entry[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = byRow(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

function difference(ctx: MatchContext, match: Match, ledgerCents: Float64Array, bankCents: Float64Array): Decimal {
  // Every line in exact cents (the usual case): the difference in cents, no Decimal per line (a
  // line's Decimal, once made, stays on its entry). Decimals otherwise.
  const bank = centsTotalAt(bankCents, match.bank);
  const ledger = centsTotalAt(ledgerCents, match.ledger);
  if (bank === bank && ledger === ledger) return bank === ledger ? ZERO : centsToDecimal(bank - ledger);
  return sumAmounts(ctx.bank, match.bank).minus(sumAmounts(ctx.ledger, match.ledger));
}

/** One side's rows and entry indices by position, read once in position order (cents: MatchContext.cents). */
interface RowColumns {
  rows: Float64Array;
  indices: Int32Array;
}

function rowColumnsOf(side: readonly PreparedEntry[]): RowColumns {
  const rows = new Float64Array(side.length);
  const indices = new Int32Array(side.length);
  for (let p = 0; p < side.length; p++) {
    const e = side[p];
    rows[p] = e.entry.row;
    indices[p] = e.entry.index;
  }
  return { rows, indices };
}

/** Sort a match's positions by row, in place (groups only; a single position is already sorted). */
function sortByRow(side: readonly PreparedEntry[], positions: number[]): void {
  if (positions.length > 1) positions.sort((x, y) => byRow(side[x].entry, side[y].entry));
}

/** Entry indices in row order (byRow), without a comparator over the whole list where rows differ. */
function indicesByRow(entries: readonly Entry[]): number[] {
  const rows = new Float64Array(entries.length);
  for (let k = 0; k < entries.length; k++) rows[k] = entries[k].row;
  const order = orderByRow(rows);
  if (order === null) return [...entries].sort(byRow).map((e) => e.index);
  return order.map((k) => entries[k].index);
}

/**
 * Indices 0..n-1 by row number, sorted natively as one number each (row · 2^k + index): a comparator
 * over a million items reads its arrays at random and waits on memory. Null when two items share a
 * row (hand-built entries) or the keys would not be exact: the caller then sorts with its full
 * comparator. Used for matches by first ledger row (a ledger row is in one match only).
 */
function orderByRow(rows: Float64Array): number[] | null {
  const n = rows.length;
  let span = 1;
  while (span < n) span *= 2;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Number.isInteger(row) || row < 0 || row * span >= 2 ** 52) return null;
    keys[i] = row * span + i;
  }
  keys.sort();
  const order = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    order[k] = keys[k] % span;
    if (k > 0 && rows[order[k]] === rows[order[k - 1]]) return null;
  }
  return order;
}

function assemble(ctx: MatchContext, documents: Entry[]): MatchResult {
  const found = ctx.matches;
  // A million matches read their entries at random; flat columns by position keep that off the
  // entry objects (one sequential pass each to fill).
  const ledger = rowColumnsOf(ctx.ledger);
  const bank = rowColumnsOf(ctx.bank);
  const ledgerCents = ctx.cents('ledger');
  const bankCents = ctx.cents('bank');
  const firstLedger = new Float64Array(found.length);
  const firstBank = new Float64Array(found.length);
  // A group with no ledger line (a reversal within the bank) comes after every ledger row, by its bank row.
  let lastLedgerRow = 0;
  for (let p = 0; p < ledger.rows.length; p++) if (ledger.rows[p] > lastLedgerRow) lastLedgerRow = ledger.rows[p];
  for (let i = 0; i < found.length; i++) {
    const match = found[i];
    sortByRow(ctx.ledger, match.ledger);
    sortByRow(ctx.bank, match.bank);
    firstBank[i] = match.bank.length > 0 ? bank.rows[match.bank[0]] : Infinity;
    firstLedger[i] = match.ledger.length > 0 ? ledger.rows[match.ledger[0]] : lastLedgerRow + 1 + firstBank[i];
    match.difference = difference(ctx, match, ledgerCents, bankCents);
  }
  // Stable ids: by first ledger row, then first bank row. Rows are unique within a side, so the
  // numeric keys nearly always decide; the full lists break ties between hand-built entries.
  const order =
    orderByRow(firstLedger) ??
    Array.from({ length: found.length }, (_, i) => i).sort(
      (x, y) =>
        firstLedger[x] - firstLedger[y] ||
        firstBank[x] - firstBank[y] ||
        compareRowLists(entriesAt(ctx.ledger, found[x].ledger), entriesAt(ctx.ledger, found[y].ledger)) ||
        compareRowLists(entriesAt(ctx.bank, found[x].bank), entriesAt(ctx.bank, found[y].bank)),
    );

  const matches = new Array<Match>(found.length);
  for (let k = 0; k < order.length; k++) {
    const match = found[order[k]];
    // Positions become entry indices, in place.
    for (let i = 0; i < match.ledger.length; i++) match.ledger[i] = ledger.indices[match.ledger[i]];
    for (let i = 0; i < match.bank.length; i++) match.bank[i] = bank.indices[match.bank[i]];
    match.id = `M${k + 1}`;
    matches[k] = match;
  }

  const leftovers = (side: readonly PreparedEntry[], free: Uint8Array): number[] => {
    const entries: Entry[] = [];
    for (let p = 0; p < side.length; p++) if (free[p] === 1) entries.push(side[p].entry);
    return indicesByRow(entries);
  };

  return {
    matches,
    unmatched: { ledger: leftovers(ctx.ledger, ctx.ledgerFree), bank: leftovers(ctx.bank, ctx.bankFree) },
    ledgerDocuments: indicesByRow(documents),
  };
}
