/**
 * The aliases after a run (pure). The Aliases sheet as the user left it is the user's word; the
 * state keeps the copy Recon last wrote, so what the user added or deleted is noticed (an Audit log
 * line each) and honoured. Then the pairs this run's decisions teach are added, once per decision:
 * a decision already learned from is never learned again, so a deleted alias stays deleted until
 * someone accepts such a pair anew.
 */
import { aliasesFromDecisions } from '../../engine/decisions/learn-aliases';
import type { DecisionReport } from '../../engine/decisions/decision';
import { aliasKey } from '../../engine/match/aliases';
import type { Locale } from '../../i18n/locale';
import { sheetText } from '../../i18n/sheets';
import type { Alias } from './recon-state';

export interface AliasUpdateInput {
  /** The copy Recon wrote last time (the state). */
  stored: readonly Alias[];
  /** The Aliases sheet as read now; undefined when there is none to read (first run, sheet gone). */
  sheet: readonly Alias[] | undefined;
  learnedFrom: readonly string[];
  decisions: readonly DecisionReport[];
  locale: Locale;
}

export interface AliasUpdate {
  aliases: Alias[];
  learnedFrom: string[];
  /** Audit log lines (detail texts), in order. */
  audit: string[];
}

const keyOf = (a: Alias) => aliasKey(a.ledgerName, a.bankName);
const pair = (a: Alias) => ({ bank: a.bankName || '—', ledger: a.ledgerName || '—' });

/** Aliases of `list` whose pair is not among `others`' pairs (rows missing a name: by their text). */
function missingFrom(list: readonly Alias[], others: readonly Alias[]): Alias[] {
  const keys = new Set(others.map((a) => keyOf(a) ?? `${a.ledgerName}\u0001${a.bankName}`));
  return list.filter((a) => !keys.has(keyOf(a) ?? `${a.ledgerName}\u0001${a.bankName}`));
}

export function updateAliases(input: AliasUpdateInput): AliasUpdate {
  const { stored, sheet, locale } = input;
  const audit: string[] = [];
  const aliases = [...(sheet ?? stored)];
  if (sheet) {
    for (const a of missingFrom(stored, sheet)) audit.push(sheetText('audit.aliasDeleted', locale, pair(a)));
    for (const a of missingFrom(sheet, stored)) audit.push(sheetText('audit.aliasAdded', locale, pair(a)));
  }

  const learnedFrom = new Set(input.learnedFrom);
  const known = new Set(aliases.map(keyOf).filter((k): k is string => k !== null));
  for (const learned of aliasesFromDecisions(input.decisions, learnedFrom)) {
    learnedFrom.add(learned.decision);
    const key = aliasKey(learned.ledgerName, learned.bankName);
    if (key === null || known.has(key)) continue;
    known.add(key);
    const kind = sheetText(`decisionKind.${learned.kind}`, locale);
    const decision = learned.matchId ? `${learned.decision} ${learned.matchId}` : learned.decision;
    aliases.push({ ledgerName: learned.ledgerName, bankName: learned.bankName, by: learned.by, at: learned.at, note: sheetText('aliases.learned', locale, { decision, kind }) });
    audit.push(sheetText('audit.aliasLearned', locale, { ...pair(learned), decision: learned.decision }));
  }
  return { aliases, learnedFrom: [...learnedFrom], audit };
}
