/**
 * Counterparty aliases as evidence: a person confirmed that the bank's name for a payer (张伟, "ACME
 * IND SUP") stands for a ledger counterparty (上海恒丰贸易有限公司, Acme Industrial Supply LLC). The
 * engine takes the list as plain data (the hosts keep it in the workbook's Aliases sheet) and counts
 * a known pair as names that agree; it never reads a workbook.
 *
 * Names are compared as the matcher compares them (width, script, case, punctuation folded), so
 * 張偉 on a Hong Kong export is the alias 张伟 a person confirmed. A pair counts either way round.
 */
import { normalizeName, type NormalizedName } from './normalize-name';

/** One confirmed pair: the ledger's name, the bank's name, who confirmed it and when (ISO). */
export interface NameAlias {
  ledgerName: string;
  bankName: string;
  by: string;
  at: string;
  note?: string;
}

const SEPARATOR = '\u0001';

/** Known pairs, looked up by the folded names of a ledger and a bank entry. */
export class AliasBook {
  private readonly pairs = new Map<string, NameAlias>();

  constructor(aliases: readonly NameAlias[]) {
    for (const alias of aliases) {
      const ledger = normalizeName(alias.ledgerName)?.full;
      const bank = normalizeName(alias.bankName)?.full;
      // A row with a name missing is no evidence (the hosts tell the user about it).
      if (!ledger || !bank || ledger === bank) continue;
      if (!this.pairs.has(ledger + SEPARATOR + bank)) this.pairs.set(ledger + SEPARATOR + bank, alias);
      if (!this.pairs.has(bank + SEPARATOR + ledger)) this.pairs.set(bank + SEPARATOR + ledger, alias);
    }
  }

  get size(): number {
    return this.pairs.size;
  }

  /** The alias that ties these two names, or undefined. */
  find(ledger: NormalizedName | null, bank: NormalizedName | null): NameAlias | undefined {
    if (ledger === null || bank === null || this.pairs.size === 0) return undefined;
    return this.pairs.get(ledger.full + SEPARATOR + bank.full);
  }
}

/** An empty book is no book: the matcher skips the lookup entirely. */
export function aliasBookOf(aliases: readonly NameAlias[] | undefined): AliasBook | null {
  if (!aliases || aliases.length === 0) return null;
  const book = new AliasBook(aliases);
  return book.size > 0 ? book : null;
}

/** The day part of an ISO timestamp, for a reason ("added by 王会计 on 2025-04-01"). */
export function aliasDay(at: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : at;
}

/** One key for a pair, either way round, as the matcher folds names; null when a name is missing. */
export function aliasKey(ledgerName: string, bankName: string): string | null {
  const ledger = normalizeName(ledgerName)?.full;
  const bank = normalizeName(bankName)?.full;
  if (!ledger || !bank) return null;
  return ledger < bank ? ledger + SEPARATOR + bank : bank + SEPARATOR + ledger;
}
