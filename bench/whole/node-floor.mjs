/**
 * The plain-Node floor: read both CSV files, parse each line's date and amount, and join ledger to bank
 * on the exact amount (a Map from cents to bank lines) within ±7 days. What any program must at least
 * do with these files, told the layout; no detection, no scoring, no report. Prints the pair count
 * (found by binary search in each amount's date-sorted list, as DuckDB's join counts them).
 *   node bench/whole/node-floor.mjs <layout.json>
 */
import { readFileSync } from 'node:fs';

const WINDOW_DAYS = 7;
const layout = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** Fields of one CSV line (quotes honoured; lines never hold a newline in these files). */
function fields(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) { value += line.slice(i); i = line.length; break; }
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') { value += '"'; i = quote + 2; } else { i = quote + 1; break; }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

function cents(text) {
  if (!text) return 0;
  const clean = text.replace(/[^0-9.-]/g, '');
  if (!clean) return 0;
  const [whole, fraction = ''] = clean.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number((fraction + '00').slice(0, 2)));
}

const DAY_PARSERS = {
  '%Y-%m-%d': (t) => Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10)),
  '%Y%m%d': (t) => Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8)),
  '%Y/%m/%d': (t) => { const [y, m, d] = t.split('/'); return Date.UTC(+y, +m - 1, +d); },
  '%d/%m/%Y': (t) => Date.UTC(+t.slice(6, 10), +t.slice(3, 5) - 1, +t.slice(0, 2)),
};

/** One side as parallel arrays of day numbers and signed cents. */
function readSide(side) {
  const text = readFileSync(side.file, 'utf8');
  const parseDay = DAY_PARSERS[side.dateFormat];
  const days = [];
  const amounts = [];
  const lines = text.split(/\r?\n/);
  for (let n = side.headerLine + 1; n < lines.length; n++) {
    const row = fields(lines[n]);
    const day = parseDay(row[side.date] ?? '') / 86400000;
    const amount = cents(row[side.moneyIn]) - cents(row[side.moneyOut]);
    if (!Number.isFinite(day) || amount === 0) continue;
    days.push(day);
    amounts.push(amount);
  }
  return { days, amounts };
}

const ledger = readSide(layout.ledger);
const bank = readSide(layout.bank);
// Bank lines by amount, each list sorted by day: a window is two binary searches, so a busy round
// amount (1,000.00 thousands of times over the years) costs log n per ledger line, not its whole list.
const byAmount = new Map();
for (let i = 0; i < bank.amounts.length; i++) {
  const list = byAmount.get(bank.amounts[i]);
  if (list) list.push(bank.days[i]);
  else byAmount.set(bank.amounts[i], [bank.days[i]]);
}
for (const list of byAmount.values()) list.sort((a, b) => a - b);
/** Index of the first day in `days` that is ≥ day. */
function firstAtLeast(days, day) {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
let pairs = 0;
for (let i = 0; i < ledger.amounts.length; i++) {
  const days = byAmount.get(ledger.amounts[i]);
  if (days) pairs += firstAtLeast(days, ledger.days[i] + WINDOW_DAYS + 0.5) - firstAtLeast(days, ledger.days[i] - WINDOW_DAYS);
}
process.stdout.write(`${pairs} pairs\n`);
