/**
 * Aliases learned from people's decisions (pure): a person accepted (or matched by hand) a group
 * whose ledger and bank name different counterparties (the bank shows 张伟 paying for
 * 上海恒丰贸易有限公司), so the pair is kept, with who decided and when. Only a group with one name
 * on each side teaches anything: a bank line paying three customers says nothing about any of them.
 * Names the matcher already sees as one (a truncated or traditional spelling) teach nothing either,
 * nor does a payment platform or clearing account, which pays for anyone.
 */
import { compareNames, normalizeName } from '../match/normalize-name';
import type { NameAlias } from '../match/aliases';
import type { DecisionKind, DecisionReport, RowKey } from './decision';

/**
 * Names that pay for anyone: payment platforms, clearing and transit accounts, cash. Accepting one
 * of their lines says nothing about their next one, so they teach no alias (a person may still type
 * one into the Aliases sheet). Compared folded (lower case, simplified, no spaces), as contained words.
 */
const PAYS_FOR_ANYONE = [
  '支付宝', '财付通', '微信支付', '银联', '清算', '备付金', '待结算', '过渡户', '内部户', '现金', '网银在线', '快钱', '拉卡拉',
  'alipay', 'tenpay', 'wechatpay', 'paypal', 'stripe', 'squareinc', 'adyen', 'clearing', 'settlement', 'suspense', 'cash',
];

/** Decisions in which a person says the rows belong together. */
const TEACHING: ReadonlySet<DecisionKind> = new Set<DecisionKind>(['accept', 'manual']);

export interface LearnedAlias extends NameAlias {
  /** The decision it was learned from (D3), so it is learned once and a deleted row stays deleted. */
  decision: string;
  kind: DecisionKind;
  matchId?: string;
}

/** The one counterparty name the rows give (as first written), or null when none or several. */
function singleName(keys: readonly RowKey[]): string | null {
  let found: { raw: string; full: string } | null = null;
  for (const key of keys) {
    const full = normalizeName(key.counterparty)?.full;
    if (!full) continue;
    if (found === null) found = { raw: key.counterparty.trim(), full };
    else if (found.full !== full) return null;
  }
  return found?.raw ?? null;
}

/**
 * Every applied accept/manual decision not yet in `learned` (decision ids) whose two sides name
 * different counterparties → an alias. Decisions that teach nothing are not returned.
 */
export function aliasesFromDecisions(reports: readonly DecisionReport[], learned: ReadonlySet<string>): LearnedAlias[] {
  const found: LearnedAlias[] = [];
  for (const { decision, outcome } of reports) {
    if (outcome !== 'applied' || !TEACHING.has(decision.kind) || learned.has(decision.id)) continue;
    const ledgerName = singleName(decision.ledger);
    const bankName = singleName(decision.bank);
    if (ledgerName === null || bankName === null) continue;
    const ledger = normalizeName(ledgerName)!;
    const bank = normalizeName(bankName)!;
    if (compareNames(ledger, bank, 'normal') === 'agree') continue;
    if (PAYS_FOR_ANYONE.some((word) => bank.full.includes(word))) continue;
    found.push({ ledgerName, bankName, by: decision.by, at: decision.at, decision: decision.id, kind: decision.kind, ...(decision.matchId && { matchId: decision.matchId }) });
  }
  return found;
}
