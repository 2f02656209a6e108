/**
 * Section headings that name whose lines follow. A 应收账款 or 应付账款 ledger exported from 用友 or
 * 金蝶 by 辅助核算 (one block per customer) has no customer column: each block starts with a row like
 * `客户：100301 广西瑞丰商贸有限公司`, then its own header, 期初余额, movements and 本月合计. The
 * lines below a heading are that customer's, until the next heading. Only a label that names a party
 * (客户, 供应商, 往来单位, Customer, Supplier…) makes a heading: 科目 (the account) or 期间 do not.
 */
import { cellText, normalizeLabel } from './text';
import type { CellValue, ReadResult } from '../types';

export interface SectionHeading {
  /** Source row of the heading (1-based). */
  row: number;
  /** The party as written, without its code: 广西瑞丰商贸有限公司. */
  name: string;
}

/** Labels that name the party of a block, as normalizeLabel writes them. */
const PARTY_LABELS = new Set([
  '客户', '客戶', '客户名称', '客戶名稱', '往来单位', '往來單位', '往来单位名称', '往來單位名稱', '单位名称', '單位名稱',
  '对方单位', '對方單位', '供应商', '供應商', '供应商名称', '供應商名稱', '厂商', '廠商', '廠商名稱', '核算项目', '核算項目',
  'customer', 'customername', 'client', 'supplier', 'suppliername', 'vendor', 'vendorname',
]);

/** `label：value` in one cell: the value's end is where another label begins after a wide gap. */
const LABELLED = /^([^:：]{1,12})[:：]\s*(.*)$/;
const WIDE_GAP = /\s{2,}|\u3000/;
/** A code before the name: 100301, C-0012, [100301], (100301). */
const LEADING_CODE = /^(?:[[(（【]\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*[\])）】]\s*|[A-Za-z]{0,3}-?[0-9][A-Za-z0-9._-]{2,}\s+)/;

/** The party a heading row names, or null when the row is not such a heading. */
export function sectionParty(row: readonly CellValue[] | undefined): string | null {
  if (!row) return null;
  let c = 0;
  while (c < row.length && cellText(row[c]) === '') c++;
  if (c === row.length) return null;
  const first = cellText(row[c]);
  const labelled = LABELLED.exec(first);
  if (!labelled || !PARTY_LABELS.has(normalizeLabel(labelled[1]))) return null;
  // The name after the label, or in the next cell when the label stands alone (客户： | 广西瑞丰…).
  let value = labelled[2].trim();
  if (value === '') {
    let next = c + 1;
    while (next < row.length && cellText(row[next]) === '') next++;
    value = next < row.length ? cellText(row[next]) : '';
  }
  const name = value.split(WIDE_GAP)[0].replace(LEADING_CODE, '').trim();
  return name === '' ? null : name;
}

/** The party of the heading above `row` (headings in row order), or '' when none is above it. */
export function partyAt(headings: readonly SectionHeading[], row: number): string {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (headings[mid].row <= row) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? '' : headings[lo - 1].name;
}

/**
 * Gives each line of a receivables or payables ledger without a counterparty the party of the heading
 * above it, once the side's kind is settled, and says so in the side's decisions. Only our own
 * subsidiary ledgers, on the ledger side: the other side is a bank statement (its 户名 heading is the
 * account holder) or the counterparty's own ledger, whose 客户：or 供应商：heading names us.
 */
export function nameSectionParties(result: ReadResult): ReadResult {
  const sections = result.sections;
  if (!sections || sections.length === 0 || result.side !== 'ledger' || (result.kind !== 'receivables-ledger' && result.kind !== 'payables-ledger')) return result;
  let named = 0;
  for (const entry of result.entries) {
    if (entry.counterparty !== '') continue;
    const party = partyAt(sections, entry.row);
    if (party === '') continue;
    entry.counterparty = party;
    named++;
  }
  if (named > 0) {
    const parties = new Set(sections.map((s) => s.name)).size;
    result.decisions.push({ code: 'parties-from-sections', params: { count: named, parties, found: sections[0].name } });
  }
  return result;
}
