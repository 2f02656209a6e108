/**
 * The receivables ledger grouped by customer: one group per customer name (spaces, full-width
 * characters and Latin case do not make two customers; nothing else is merged, so two similar
 * names stay two customers rather than being joined on a guess). Lines with no customer name are
 * returned apart, for the notes.
 */
import { toHalfWidth, trimPadding } from '../../read/text';
import type { Entry } from '../../types';

export interface CustomerLedger {
  key: string;
  /** The name as first written in the ledger. */
  name: string;
  entries: Entry[];
}

/** The grouping key of a customer name ('' for none). */
export function customerKey(name: string): string {
  return toHalfWidth(trimPadding(name)).replace(/\s+/g, ' ').trim().toUpperCase();
}

export function groupByCustomer(entries: readonly Entry[]): { customers: CustomerLedger[]; nameless: Entry[] } {
  const byKey = new Map<string, CustomerLedger>();
  const nameless: Entry[] = [];
  for (const entry of entries) {
    const key = customerKey(entry.counterparty);
    if (key === '') {
      nameless.push(entry);
      continue;
    }
    let ledger = byKey.get(key);
    if (!ledger) {
      ledger = { key, name: trimPadding(entry.counterparty).replace(/\s+/g, ' '), entries: [] };
      byKey.set(key, ledger);
    }
    ledger.entries.push(entry);
  }
  for (const ledger of byKey.values()) ledger.entries.sort((a, b) => a.day - b.day || a.row - b.row);
  return { customers: [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), nameless };
}
