/**
 * Payment-platform settlements. A shop's day of 微信支付 / 支付宝 / 银联商务 receipts reaches the bank a
 * day or so later as one credit from the platform's company (财付通支付科技有限公司, 支付宝（中国）网络
 * 技术有限公司, 银联商务股份有限公司), less the platform's fee: a fixed rate of the day's takings (0.6 %,
 * 0.38 % …). Neither the names (微信收款 vs 财付通) nor the amounts (8,420.00 vs 8,369.48) meet the other
 * passes' tests, and a fee of 0.6 % is above any sensible fixed tolerance on a busy day.
 *
 * The evidence here: the platform named on both sides; the bank line on the ledger's day or up to four
 * days after it (T+1, a weekend); and above all one rate that fits day after day. Every pairing of a
 * day's platform receipts (one line or several) with a later platform credit implies a rate; the rate
 * most pairings share is the platform's. A pair at that rate is auto when the rate fits three or more
 * days and neither of its sides fits anything else at that rate; otherwise suggested. The difference
 * (the fee) stays on the match, so the discrepancy sheet and the 余额调节表 show it.
 */
import type { Side } from '../../types';
import type { MatchContext } from '../context';
import { comparable } from '../prepared-entry';
import { dateReason } from '../reason-codes';
import { clampScore } from '../evidence';

interface Platform {
  /** Its name in each language, for the reasons. */
  names: { 'zh-CN': string; 'zh-TW': string; en: string };
  /** Folded words (simplified, lower case) that name it in a counterparty or a description. */
  words: string[];
}

/** The platforms whose settlements come net of a rate fee, by the words either side uses. */
export const PLATFORMS: readonly Platform[] = [
  { names: { 'zh-CN': '微信支付', 'zh-TW': '微信支付', en: 'WeChat Pay' }, words: ['财付通', '微信支付', '微信', 'tenpay', 'wechatpay', 'weixin'] },
  { names: { 'zh-CN': '支付宝', 'zh-TW': '支付寶', en: 'Alipay' }, words: ['支付宝', 'alipay'] },
  { names: { 'zh-CN': '银联商务', 'zh-TW': '銀聯商務', en: 'UnionPay merchant services' }, words: ['银联商务', '银联', 'chinaums', 'unionpay'] },
  { names: { 'zh-CN': '拉卡拉', 'zh-TW': '拉卡拉', en: 'Lakala' }, words: ['拉卡拉', 'lakala'] },
];

/** A settlement reaches the bank on the day or within this many days (T+1 over a long weekend). */
const MAX_LAG_DAYS = 4;
/** The highest fee rate believed: above it the difference is something else. */
const MAX_RATE = 0.015;
/** Days the same rate must fit before a pair at that rate is auto. */
const AUTO_DAYS = 3;

/** Which platform an entry names (its counterparty first, then its description), or -1. */
function platformOf(ctx: MatchContext, side: Side, pos: number): number {
  const entry = ctx.entries(side)[pos];
  const texts = [entry.name?.full ?? '', ctx.text(side, pos)];
  for (const text of texts) {
    if (text === '') continue;
    for (let p = 0; p < PLATFORMS.length; p++) if (PLATFORMS[p].words.some((w) => text.includes(w))) return p;
  }
  return -1;
}

interface DayTakings {
  day: number;
  positions: number[];
  cents: number;
}

interface Fit {
  group: DayTakings;
  bank: number;
  fee: number;
}

/** Whether `fee` is `rate` (in basis points, hundredths of a per cent) of `cents`, allowing each order's own rounding. */
function fits(cents: number, fee: number, rate: number): boolean {
  const expected = (cents * rate) / 10_000;
  return Math.abs(fee - expected) <= Math.max(1, cents * 0.00005);
}

export function platformSettlementPass(ctx: MatchContext): void {
  const ledgerCents = ctx.cents('ledger');
  const bankCents = ctx.cents('bank');
  const ledgerDays = ctx.days('ledger');
  const bankDays = ctx.days('bank');
  // Each free receipt's platform, looked up once (most name none).
  const ledgerPlatform = new Int8Array(ledgerCents.length).fill(-1);
  const bankPlatform = new Int8Array(bankCents.length).fill(-1);
  for (let lp = 0; lp < ledgerCents.length; lp++) if (ctx.ledgerFree[lp] === 1 && ledgerCents[lp] > 0) ledgerPlatform[lp] = platformOf(ctx, 'ledger', lp);
  for (let bp = 0; bp < bankCents.length; bp++) if (ctx.bankFree[bp] === 1 && bankCents[bp] > 0) bankPlatform[bp] = platformOf(ctx, 'bank', bp);
  for (let p = 0; p < PLATFORMS.length; p++) {
    // The ledger's free platform receipts, a day's together; the bank's free platform credits.
    const byDay = new Map<number, DayTakings>();
    for (let lp = 0; lp < ledgerCents.length; lp++) {
      if (ledgerPlatform[lp] !== p) continue;
      const day = ledgerDays[lp];
      const group = byDay.get(day) ?? { day, positions: [], cents: 0 };
      group.positions.push(lp);
      group.cents += ledgerCents[lp];
      byDay.set(day, group);
    }
    if (byDay.size === 0) continue;
    const credits: number[] = [];
    for (let bp = 0; bp < bankCents.length; bp++) {
      if (bankPlatform[bp] === p) credits.push(bp);
    }
    if (credits.length === 0) continue;

    // Every day-and-credit pairing that could be a settlement, and the rate (in basis points) it implies.
    const pairings: Fit[] = [];
    const votes = new Map<number, Set<number>>();
    for (const group of byDay.values()) {
      for (const bp of credits) {
        const lag = bankDays[bp] - group.day;
        const fee = group.cents - bankCents[bp];
        if (lag < 0 || lag > MAX_LAG_DAYS || fee <= 0 || fee > group.cents * MAX_RATE) continue;
        if (!group.positions.every((lp) => comparable(ctx.ledger[lp], ctx.bank[bp]))) continue;
        pairings.push({ group, bank: bp, fee });
        const rate = Math.round((fee / group.cents) * 10_000);
        (votes.get(rate) ?? votes.set(rate, new Set()).get(rate)!).add(bp);
      }
    }
    // The platform's rate: the one most credits fit (ties: the lower rate).
    let rate = -1;
    let most = 0;
    for (const [candidate, credited] of votes) {
      if (credited.size > most || (credited.size === most && candidate < rate)) {
        rate = candidate;
        most = credited.size;
      }
    }
    if (rate < 0) continue;
    const atRate = pairings.filter((f) => fits(f.group.cents, f.fee, rate));
    const perCredit = new Map<number, number>();
    const perDay = new Map<DayTakings, number>();
    for (const f of atRate) {
      perCredit.set(f.bank, (perCredit.get(f.bank) ?? 0) + 1);
      perDay.set(f.group, (perDay.get(f.group) ?? 0) + 1);
    }
    const days = new Set(atRate.map((f) => f.group)).size;
    const { names } = PLATFORMS[p];
    const platformNames = { platform: names['zh-CN'], platformTw: names['zh-TW'], platformEn: names.en };
    // Nearest settlement first; each day and each credit used once.
    atRate.sort((x, y) => bankDays[x.bank] - x.group.day - (bankDays[y.bank] - y.group.day) || x.group.day - y.group.day || x.bank - y.bank);
    const usedDays = new Set<DayTakings>();
    const usedCredits = new Set<number>();
    for (const f of atRate) {
      if (usedDays.has(f.group) || usedCredits.has(f.bank)) continue;
      usedDays.add(f.group);
      usedCredits.add(f.bank);
      const unique = perCredit.get(f.bank) === 1 && perDay.get(f.group) === 1;
      const auto = unique && days >= AUTO_DAYS;
      const lag = bankDays[f.bank] - f.group.day;
      ctx.record({
        ledger: [...f.group.positions].sort((a, b) => a - b),
        bank: [f.bank],
        status: auto ? 'auto' : 'suggested',
        rule: f.group.positions.length > 1 ? 'many-to-one' : 'amount-tolerance',
        score: clampScore(auto ? 0.9 : 0.65),
        reasons: [
          { code: 'platform-fee', params: { ...platformNames, rate: (rate / 100).toFixed(2), amount: (f.fee / 100).toFixed(2) } },
          ...(f.group.positions.length > 1 ? [{ code: 'platform-day-total', params: { ...platformNames, count: f.group.positions.length } }] : []),
          dateReason(lag),
          { code: 'platform-rate-days', params: { days } },
        ],
      });
    }
  }
}
