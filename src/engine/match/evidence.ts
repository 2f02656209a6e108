/**
 * What a pair of entries has going for it beyond the amount: do the names agree, does a reference
 * tie them, how far apart are the dates. Turned into a strength (for deciding auto vs suggested) and
 * into reasons (data; src/i18n/reasons.ts renders them).
 */
import type Decimal from 'decimal.js';
import type { NameStrictness, Reason, Side } from '../types';
import { aliasDay } from './aliases';
import type { MatchContext } from './context';
import { damerauLevenshtein } from './edit-distance';
import { holdersOf, referenceIndex, type KeyIndex } from './indexes';
import { isCoreOf, isStrongToken, referenceCoreStart } from './normalize-reference';
import { bankOwnLineCode, namesInterest } from '../bank-own-lines';
import { REASONS } from './reason-codes';
import { toSimplified } from './traditional-simplified';
import { compareNames, nameInText, personNameWritten, shortNameInText, type NormalizedName } from './normalize-name';
import { hasToken, referenceIdAt, referenceKeyAt, tokenAt, tokenCount, type PreparedEntry } from './prepared-entry';

/**
 * 'alias': a person confirmed the two names are the same counterparty (aliases.ts);
 * 'in-text': one side's name is written in the other's description (收华兴贸易货款);
 * 'short-name': only its short form is (收华兴货款, "Receipt from Redgranite");
 * 'other-in-text': the description names a different counterparty of the other side.
 */
export type NameEvidence = 'agree' | 'in-text' | 'similar' | 'short-name' | 'unknown' | 'other-in-text' | 'differ' | 'alias';

/** Name evidence as a small number (kept with a candidate pair) and back. */
export const NAME_EVIDENCE: readonly NameEvidence[] = ['agree', 'in-text', 'similar', 'short-name', 'unknown', 'other-in-text', 'differ', 'alias'];
export function evidenceCode(evidence: NameEvidence): number {
  return NAME_EVIDENCE.indexOf(evidence);
}

export function nameEvidence(ctx: MatchContext, l: PreparedEntry, b: PreparedEntry): NameEvidence {
  const strictness = ctx.options.nameStrictness;
  if (l.name && b.name) {
    // Agreeing, similar, or two different organisations: the names settle it, no memo needed,
    // unless a person said these two names are one counterparty.
    const compared = compareNames(l.name, b.name, strictness);
    if (compared !== 'agree' && ctx.aliases !== null && ctx.aliases.find(l.name, b.name)) return 'alias';
    // An interest line whose bank-side name is the bank's own interest account (应付个人活期储蓄存款利息)
    // where the book names the bank: two names that say nothing against the pair. (Not charges: 服务费
    // and 管理费 are also what customers are invoiced for.)
    if (compared === 'differ' && namesInterest(b.entry.counterparty) && bankOwnLineCode(l.entry) === 'bank-interest') return 'unknown';
    if (compared !== 'unknown') return compared;
  }
  // A missing name, or a person on one side: look in the descriptions.
  if (b.name && nameInText(b.name, ctx.text('ledger', l.pos), strictness)) return 'in-text';
  if (l.name && nameInText(l.name, ctx.text('bank', b.pos), strictness)) return 'in-text';
  if (b.name && personNameWritten(b.name, ctx.textWords('ledger', l.pos))) return 'in-text';
  if (l.name && personNameWritten(l.name, ctx.textWords('bank', b.pos))) return 'in-text';
  if (b.name && shortWritten(ctx, b.name, 'ledger', l.pos)) return 'short-name';
  if (l.name && shortWritten(ctx, l.name, 'bank', b.pos)) return 'short-name';
  // "Receipt from Horizon" against a bank line from Sterling Distribution Ltd: the description names
  // another customer. Only an organisation's name counts; a person may pay for anyone.
  if (!l.name && b.name?.organisation && namesAnother(mentionedShorts(ctx, 'ledger', l.pos), b.name.short)) return 'other-in-text';
  if (!b.name && l.name?.organisation && namesAnother(mentionedShorts(ctx, 'bank', b.pos), l.name.short)) return 'other-in-text';
  return 'unknown';
}

/** Is `name`'s short form written in the description at (side, pos)? */
function shortWritten(ctx: MatchContext, name: NormalizedName, side: Side, pos: number): boolean {
  if (!name.short) return false;
  // An organisation's short name is among the (cached) ones the description mentions.
  if (name.organisation) return mentionedShorts(ctx, side, pos).includes(name.short);
  return shortNameInText(name, ctx.text(side, pos), ctx.textWords(side, pos));
}

function namesAnother(mentioned: readonly string[], own: string): boolean {
  for (const short of mentioned) if (short !== own) return true;
  return false;
}

const NONE: readonly string[] = [];

/**
 * Short names of the other side's organisations written in the description at (side, pos), computed
 * once per entry: 收德恒货款 → [德恒], "Receipt from Redgranite" → [redgranite].
 */
function mentionedShorts(ctx: MatchContext, side: Side, pos: number): readonly string[] {
  return ctx.memo(side, 'mentionedShorts', pos, () => {
    const shorts = shortNames(ctx, side === 'ledger' ? 'bank' : 'ledger');
    let found: string[] | null = null;
    const note = (short: string): void => {
      if (!shorts.has(short)) return;
      if (found === null) found = [short];
      else if (!found.includes(short)) found.push(short);
    };
    for (const word of ctx.textWords(side, pos)) {
      note(word);
      // Chinese runs have no spaces: look at every two characters (收德恒货款 → 德恒).
      if (word.length > 2 && CJK_START.test(word)) for (let i = 0; i + 2 <= word.length; i++) note(word.slice(i, i + 2));
    }
    return found ?? NONE;
  });
}

/** Short names of one side's counterparties (字号, first words), for spotting another name in a memo. */
function shortNames(ctx: MatchContext, side: Side): ReadonlySet<string> {
  return ctx.index(side, 'shorts', () => {
    const shorts = new Set<string>();
    for (const e of ctx.entries(side)) if (e.name?.short && e.name.organisation) shorts.add(e.name.short);
    return shorts;
  });
}

const CJK_START = /[\u3400-\u9fff]/;

/**
 * How strongly names single a pair out: 2 they agree, 1 similar, 0 no evidence (missing, a person
 * paying for a company), -1 two organisations with different names. Strictness moves 'similar'.
 */
export function nameLevel(evidence: NameEvidence, strictness: NameStrictness): number {
  switch (evidence) {
    case 'agree':
    case 'alias':
    case 'in-text':
      return 2;
    case 'similar':
    case 'short-name':
      return strictness === 'loose' ? 2 : strictness === 'strict' ? 0 : 1;
    case 'unknown':
      return 0;
    case 'other-in-text':
    case 'differ':
      return -1;
  }
}

/** 0..1 contribution of names to a score. */
export function nameScore(evidence: NameEvidence): number {
  return { agree: 1, alias: 1, 'in-text': 0.9, similar: 0.5, 'short-name': 0.4, unknown: 0, 'other-in-text': -0.5, differ: -1 }[evidence];
}

export interface ReferenceEvidence {
  /**
   * 'same': equal reference fields; 'in-text': one side's reference is written in the other's text;
   * 'shared': both texts carry the same long reference (发票17674830 / 货款17674830).
   */
  kind: 'same' | 'in-text' | 'shared';
  /** The reference as the user wrote it. */
  reference: string;
}

function shownRef(e: PreparedEntry): string {
  const raw = e.entry.reference;
  const trimmed = raw.trim();
  return trimmed.length === raw.length ? raw : trimmed;
}

/**
 * A reference ties l and b when l's reference is b's reference or appears in b's memo, or the other
 * way round, or both memos carry the same long reference-like token (not a date, not a short number).
 */
export function referenceEvidence(l: PreparedEntry, b: PreparedEntry): ReferenceEvidence | null {
  if (l.reference && l.reference === b.reference) return { kind: 'same', reference: shownRef(l) };
  if (l.reference && hasToken(b, l.reference)) return { kind: 'in-text', reference: shownRef(l) };
  if (b.reference && hasToken(l, b.reference)) return { kind: 'in-text', reference: shownRef(b) };
  for (let t = 0; t < tokenCount(l); t++) {
    const token = tokenAt(l, t);
    if (isStrongToken(token, l.day) && hasToken(b, token)) return { kind: 'shared', reference: token };
  }
  // The same number, written with a prefix on at least one side (INV-75695 / NO 75695 / 75695): a
  // prefix says the writer meant a reference, so a shorter number counts.
  return prefixedNumberShared(l, b) ?? prefixedNumberShared(b, l);
}

function prefixedNumberShared(a: PreparedEntry, b: PreparedEntry): ReferenceEvidence | null {
  // a's keys in order (its reference, then its tokens); no array and no sliced core per pair.
  // shown as the entry wrote it (INV-25035), not as its key (INV25035)
  if (a.reference && sharesCore(a.reference, b)) return { kind: 'shared', reference: shownRef(a) };
  for (let t = 0; t < tokenCount(a); t++) {
    const key = tokenAt(a, t);
    if (sharesCore(key, b)) return { kind: 'shared', reference: key };
  }
  return null;
}

/** Is the number inside `key` (INV345678 → 345678) b's reference or one of b's tokens? */
function sharesCore(key: string, b: PreparedEntry): boolean {
  const start = referenceCoreStart(key);
  if (start < 0) return false;
  if (isCoreOf(key, start, b.reference)) return true;
  for (let t = 0; t < tokenCount(b); t++) if (isCoreOf(key, start, tokenAt(b, t))) return true;
  return false;
}

/**
 * True when a reference points elsewhere: b's memo names a reference that another ledger entry of the
 * same counterparty carries and l does not, or the other way round. The memo "pays 15662137, 15662138"
 * speaks against pairing that bank line with invoice 15661717 of the same customer and amount. An
 * entry of another counterparty carrying the reference does not count: with sequential invoice
 * numbers a mistyped reference often equals some other customer's invoice.
 */
export function referenceConflict(ctx: MatchContext, l: PreparedEntry, b: PreparedEntry): boolean {
  return pointsElsewhere(ctx, b, 'bank', l) || pointsElsewhere(ctx, l, 'ledger', b);
}

function carriesKeyOf(e: PreparedEntry, index: KeyIndex): boolean {
  for (let k = 0; k < e.keyCount; k++) if (holdersOf(index, referenceIdAt(e, k)) > 0) return true;
  return false;
}

/** How many entries carrying one reference are looked at (a reference repeated more is not one). */
const MAX_HOLDERS = 8;

/**
 * One direction of referenceConflict: `from` names a reference that an entry of the other side (not
 * `to`) of the same counterparty carries, and `to` does not. Group passes use it from each line of a
 * group towards the single entry.
 */
export function pointsElsewhere(ctx: MatchContext, from: PreparedEntry, fromSide: Side, to: PreparedEntry): boolean {
  if (from.keyCount === 0) return false;
  const otherSide: Side = fromSide === 'ledger' ? 'bank' : 'ledger';
  const index = referenceIndex(ctx, otherSide);
  if (!ctx.remember(fromSide, 'keysOnOtherSide', from.pos, () => carriesKeyOf(from, index))) return false;
  const others = ctx.entries(otherSide);
  const sameCounterparty = (pos: number): boolean => {
    const holder = others[pos];
    if (holder === to) return false;
    const evidence = fromSide === 'ledger' ? nameEvidence(ctx, from, holder) : nameEvidence(ctx, holder, from);
    return nameLevel(evidence, ctx.options.nameStrictness) >= 1;
  };
  for (let k = 0; k < from.keyCount; k++) {
    const key = referenceKeyAt(from, k);
    if (key === to.reference || hasToken(to, key)) continue;
    const id = referenceIdAt(from, k);
    const count = Math.min(holdersOf(index, id), MAX_HOLDERS);
    for (let i = 0; i < count; i++) if (sameCounterparty(index.positions[index.start[id] + i])) return true;
  }
  return false;
}

export interface ReferenceTypo {
  ledger: string;
  bank: string;
  edits: number;
}

const DIGITS_ONLY = /^\d+$/;

/**
 * Edits allowed between two references: none below 5 characters, one, two from 10 characters with
 * letters. Numbers alone get one: sequential invoice numbers are already one or two edits apart.
 */
export function allowedEdits(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  if (length < 5) return 0;
  return length >= 10 && !DIGITS_ONLY.test(a) && !DIGITS_ONLY.test(b) ? 2 : 1;
}

/**
 * The closest pair of references (one side's reference against the other's reference or memo
 * tokens) that are 1..allowedEdits apart; null when none is.
 */
export function referenceTypo(l: PreparedEntry, b: PreparedEntry): ReferenceTypo | null {
  let best: ReferenceTypo | null = null;
  if (l.reference) {
    if (b.reference) best = closerTypo(best, l.reference, b.reference);
    for (let t = 0; t < tokenCount(b); t++) best = closerTypo(best, l.reference, tokenAt(b, t));
  }
  if (b.reference) for (let t = 0; t < tokenCount(l); t++) best = closerTypo(best, tokenAt(l, t), b.reference);
  return best;
}

/** `best`, or the pair ledgerKey/bankKey when it is a typo fewer edits apart (an object only then). */
function closerTypo(best: ReferenceTypo | null, ledgerKey: string, bankKey: string): ReferenceTypo | null {
  const edits = allowedEdits(ledgerKey, bankKey);
  if (edits === 0) return best;
  const d = damerauLevenshtein(ledgerKey, bankKey, edits);
  return d >= 1 && d <= edits && (best === null || d < best.edits) ? { ledger: ledgerKey, bank: bankKey, edits: d } : best;
}

/** An amount as text for a reason: at least two decimals, sign kept (-15.00). */
export function amountText(amount: Decimal): string {
  return amount.decimalPlaces() < 2 ? amount.toFixed(2) : amount.toFixed();
}


/** A trimmed name for a reason (no new string when there is nothing to trim). */
function shown(text: string): string {
  const trimmed = text.trim();
  return trimmed.length === text.length ? text : trimmed;
}

/**
 * A short form as the name writes it: the short form is taken from the normalised name (Simplified,
 * lower case), so 信義不動產's is 信义; a zh-TW reason must say 信義. The short form itself when the name
 * does not hold it character for character.
 */
function shortAsWritten(short: string, written: string): string {
  const plain = toSimplified(written).toLowerCase();
  const at = plain.indexOf(short);
  return at >= 0 && plain.length === written.length ? written.slice(at, at + short.length) : short;
}

/** The reason for a name verdict, or null when names say nothing. */
export function nameReason(ctx: MatchContext, evidence: NameEvidence, l: PreparedEntry, b: PreparedEntry): Reason | null {
  switch (evidence) {
    case 'agree':
      return REASONS.namesAgree;
    case 'alias': {
      const alias = ctx.aliases?.find(l.name, b.name);
      return { code: 'known-alias', params: { bank: shown(b.entry.counterparty), ledger: shown(l.entry.counterparty), by: alias?.by ?? '', at: aliasDay(alias?.at ?? '') } };
    }
    case 'in-text':
      return { code: 'name-in-text', params: { name: shown(b.name ? b.entry.counterparty : l.entry.counterparty) } };
    case 'short-name': {
      // Whose short form was found: the bank's name in the ledger's description, or the other way.
      const bankShort = b.name !== null && b.name.short !== '' && ctx.text('ledger', l.pos).includes(b.name.short);
      const named = bankShort ? b : l;
      // A one-word name is its own short form ("ADP"): say the name, not "short name adp (ADP)".
      if (named.name !== null && named.name.short === named.name.full) return { code: 'name-in-text', params: { name: shown(named.entry.counterparty) } };
      return { code: 'short-name-in-text', params: { name: shortAsWritten(named.name?.short ?? '', named.entry.counterparty), full: shown(named.entry.counterparty) } };
    }
    case 'similar':
      return { code: 'names-similar', params: { ledger: shown(l.entry.counterparty), bank: shown(b.entry.counterparty) } };
    case 'other-in-text':
      return REASONS.otherNameInText;
    case 'differ':
      return { code: 'names-differ', params: { ledger: shown(l.entry.counterparty), bank: shown(b.entry.counterparty) } };
    case 'unknown':
      return null;
  }
}

/** The reason for a reference tie, or null. */
export function referenceReason(evidence: ReferenceEvidence | null): Reason | null {
  if (evidence === null) return null;
  const code = { same: 'same-reference', 'in-text': 'reference-in-text', shared: 'shared-reference' }[evidence.kind];
  return { code, params: { reference: evidence.reference } };
}

/** Reasons in order, without the nulls. */
export function reasonList(...reasons: Array<Reason | null>): Reason[] {
  const list: Reason[] = [];
  for (const r of reasons) if (r !== null) list.push(r);
  return list;
}

/** Closeness of two dates as 0..1 within the window (1 = same day). */
export function dateCloseness(days: number, window: number): number {
  return Math.max(0, 1 - days / (window + 1));
}

export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
