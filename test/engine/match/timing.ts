/**
 * Matching time on synthetic entries (npx tsx test/engine/match/timing.ts [rows]). Entries are built
 * directly, so this times matching only; `npm run bench` times the whole pipeline.
 * Mix per 100: 70 receipts/payments 1:1 (lag 0–5 days, half with an invoice number in the memo),
 * 6 fees, 4 N:1, 3 1:N, 5 bank names truncated/person, 12 one-sided; rows in date order.
 */
import Decimal from 'decimal.js';
import { matchEntries, DEFAULT_MATCH_OPTIONS } from '../../../src/engine/match/match-entries';
import type { Entry, Side } from '../../../src/engine/types';

const rows = Number(process.argv[2] ?? 100_000);
let seed = 12345;
/** mulberry32: small, fast, good enough for test data. */
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const BRAND = '明达华信恒瑞金盛宏远鑫泰鼎丰佳新创博联通汇海天安正德和诚顺益兴隆昌源伟嘉荣宇星辉晨光龙凯利永胜万祥润中东方亚美康';
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '南京', '成都'];
const INDUSTRY = ['贸易', '科技', '实业', '电子', '机械', '物流'];
const customers = Array.from({ length: Math.max(50, Math.round(rows / 20)) }, (_, i) => `${CITIES[i % 8]}${BRAND[i % 50]}${BRAND[(i * 7 + 3) % 50]}${BRAND[(i * 13) % 50]}${INDUSTRY[i % 6]}有限公司`);
const days = Math.min(365, Math.max(31, Math.ceil(rows / 80)));
const start = 20148;

const ledger: Entry[] = [];
const bank: Entry[] = [];
function push(side: Side, day: number, cents: number, counterparty: string, reference: string, description: string): void {
  const list = side === 'ledger' ? ledger : bank;
  list.push({
    side, index: list.length, row: list.length + 2, date: '', day, amount: new Decimal(cents).dividedBy(100),
    document: 'movement', counterparty, reference, description, currency: 'CNY', balance: null,
  });
}
let invoice = 10_000_000;
while (ledger.length < rows) {
  const kind = int(1, 100);
  const day = start + int(0, days - 1);
  const lag = int(0, 5);
  const name = customers[int(0, customers.length - 1)];
  const cents = int(1_000, 5_000_000) * (rand() < 0.3 ? -1 : 1);
  const inv = String(++invoice);
  if (kind <= 70) {
    push('ledger', day + lag, cents, name, `记-${ledger.length}`, `收货款 发票${inv}`);
    push('bank', day, cents, name, rand() < 0.5 ? `货款${inv}` : '货款', '转账收入');
  } else if (kind <= 76) {
    push('ledger', day + lag, Math.abs(cents), name, '', '收货款');
    push('bank', day, Math.abs(cents) - int(50, 2500), name, '', '跨行汇款');
  } else if (kind <= 80) {
    const parts = [int(10_000, 900_000), int(10_000, 900_000), int(10_000, 900_000)];
    for (const p of parts) push('ledger', day + lag, p, name, '', '收货款');
    push('bank', day, parts[0] + parts[1] + parts[2], name, '', '货款');
  } else if (kind <= 83) {
    const a = int(10_000, 900_000);
    const b = int(10_000, 900_000);
    push('ledger', day, a + b, name, '', '收货款');
    push('bank', day + 1, a, name, '', '首期款');
    push('bank', day + 3, b, name, '', '尾款');
  } else if (kind <= 88) {
    push('ledger', day + lag, cents, name, '', '收货款');
    push('bank', day, cents, rand() < 0.5 ? name.slice(0, 7) : '张伟', '', '转账');
  } else if (kind <= 94) {
    push('ledger', day, cents, name, '', '收货款');
  } else {
    push('bank', day, -int(100, 5000), '', '', '手续费');
  }
}
// Exports list rows by date, and a reader creates entries in row order (so they sit in memory in
// that order too): rebuild both sides that way.
for (const list of [ledger, bank]) {
  list.sort((a, b) => a.day - b.day || a.row - b.row);
  list.forEach((e, i) => {
    list[i] = { ...e, index: i, row: i + 2, amount: new Decimal(e.amount), counterparty: `${e.counterparty}`, description: `${e.description}` };
  });
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const mem0 = process.memoryUsage().heapUsed;
const result = matchEntries(ledger, bank, DEFAULT_MATCH_OPTIONS);
const t1 = performance.now();
const cpu = process.cpuUsage(cpu0);
const auto = result.matches.filter((m) => m.status === 'auto').length;
console.log(
  `${ledger.length} ledger × ${bank.length} bank: ${((t1 - t0) / 1000).toFixed(2)} s wall, ` +
    `${(cpu.user / 1e6).toFixed(2)} s CPU (GC threads included), ${result.matches.length} matches (${auto} auto), ` +
    `unmatched ${result.unmatched.ledger.length}/${result.unmatched.bank.length}, heap +${((process.memoryUsage().heapUsed - mem0) / 1e6).toFixed(0)} MB`,
);
