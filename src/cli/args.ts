/**
 * Command-line arguments → a plain request. The flags are a table (name, what it sets, how its
 * value is read), so adding one is one line. Every mistake is a UsageError with one clear sentence.
 */
import type { ColumnMapping, ColumnRole, MatchOptions, SideKind } from '../engine/types';
import { DATE_ORDERS, type DateOrder } from '../engine/read/calendar-day';
import { MATCH_OPTION_DEFINITIONS, OptionError, parseOption, type OptionDefinition } from '../engine/match/option-definitions';
import { isoDate, parsePeriod } from '../engine/report/statements/period';
import type { Period } from '../engine/report/statements/statement-model';
import type { Locale } from '../i18n/locale';
import { columnNumber } from '../workbook/layout/a1';
import { setReconciliationOption, RECONCILIATION_OPTIONS, type ReconciliationOptions } from '../engine/report/reconciliation-options';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface MatchRequest {
  ledger: string;
  bank: string;
  json: string;
  out?: string;
  ledgerColumns?: ColumnMapping;
  bankColumns?: ColumnMapping;
  ledgerKind?: SideKind;
  bankKind?: SideKind;
  /** Day/month order of the dates that fit both (01/05/2023); decided from the data when absent. */
  ledgerDateOrder?: DateOrder;
  bankDateOrder?: DateOrder;
  oppositeSigns: boolean;
  /** The ledger writes money out positive and money in negative (a household list of spending): read reversed. */
  ledgerOppositeSigns?: boolean;
  /** Matching options given on the command line (flags from engine/match/option-definitions). */
  match: Partial<MatchOptions>;
  lang?: Locale;
  /** Customer statements (with --out): period, statement date, our company's name, zero balances too. */
  statementsPeriod?: Period;
  statementDate?: string;
  company?: string;
  /** Who runs it, for the Audit log (default: the OS user). */
  user?: string;
  statementsAll?: boolean;
  /** Payment terms (days) and statement language per customer name. */
  customerTerms?: Record<string, number>;
  customerLanguages?: Record<string, Locale>;
  /** --period-end, --book-balance, --bank-balance (defined once in RECONCILIATION_OPTIONS). */
  statement?: ReconciliationOptions;
}

export type ParsedArgs = { command: 'help' } | { command: 'match'; request: MatchRequest };

const SIDE_KINDS: readonly SideKind[] = ['cash-journal', 'receivables-ledger', 'payables-ledger', 'bank-statement', 'card-statement'];
const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
const COLUMN_ROLES: readonly ColumnRole[] = [
  'date', 'amount', 'inflow', 'outflow', 'direction', 'counterparty', 'reference', 'description', 'currency', 'balance', 'status', 'fee',
];

type Setter = (request: Partial<MatchRequest>, value: string, flag: string) => void;

/** Flag → [takes a value?, what it sets]. */
const FLAGS: Record<string, [boolean, Setter]> = {
  '--ledger': [true, (r, v) => (r.ledger = v)],
  '--bank': [true, (r, v) => (r.bank = v)],
  '--json': [true, (r, v) => (r.json = v)],
  '--out': [true, (r, v) => (r.out = v)],
  '--ledger-columns': [true, (r, v, f) => (r.ledgerColumns = parseColumns(v, f))],
  '--bank-columns': [true, (r, v, f) => (r.bankColumns = parseColumns(v, f))],
  '--ledger-kind': [true, (r, v, f) => (r.ledgerKind = oneOf(v, SIDE_KINDS, f))],
  '--bank-kind': [true, (r, v, f) => (r.bankKind = oneOf(v, SIDE_KINDS, f))],
  '--ledger-date-order': [true, (r, v, f) => (r.ledgerDateOrder = oneOf(v.toUpperCase(), DATE_ORDERS, f))],
  '--bank-date-order': [true, (r, v, f) => (r.bankDateOrder = oneOf(v.toUpperCase(), DATE_ORDERS, f))],
  '--opposite-signs': [false, (r) => (r.oppositeSigns = true)],
  '--ledger-opposite-signs': [false, (r) => (r.ledgerOppositeSigns = true)],
  '--lang': [true, (r, v, f) => (r.lang = oneOf(v, LOCALES, f))],
  ...Object.fromEntries(MATCH_OPTION_DEFINITIONS.map((d) => [d.flag, optionFlag(d)])),
  '--statements-period': [true, (r, v, f) => (r.statementsPeriod = parseStatementsPeriod(v, f))],
  '--statement-date': [true, (r, v, f) => (r.statementDate = parseIsoDate(v, f))],
  '--company': [true, (r, v) => (r.company = v.trim())],
  '--user': [true, (r, v) => (r.user = v.trim() || undefined)],
  '--statements-all': [false, (r) => (r.statementsAll = true)],
  '--customer-terms': [true, (r, v, f) => (r.customerTerms = parsePerCustomer(v, f, (x) => parseTerms(x, f)))],
  '--customer-lang': [true, (r, v, f) => (r.customerLanguages = parsePerCustomer(v, f, (x) => oneOf(x, LOCALES, f)))],
  ...Object.fromEntries(
    RECONCILIATION_OPTIONS.map((option): [string, [boolean, Setter]] => [option.flag, [true, (r, v) => {
      const problem = setReconciliationOption((r.statement ??= {}), option.key, v);
      if (problem) throw new UsageError(problem);
    }]]),
  ),
};

/** A matching option's flag: a switch's flag turns it off; the others read their value by the option's own parser. */
function optionFlag(d: OptionDefinition): [boolean, Setter] {
  if (d.kind === 'switch') return [false, (r) => ((r.match ??= {})[d.key] = false)];
  return [
    true,
    (r, v, f) => {
      try {
        (r.match ??= {})[d.key] = parseOption(d.key, v) as never;
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        const { min, max } = error.params;
        const allowed = d.kind === 'choice' ? `one of ${d.choices.join(', ')}` : d.kind === 'amount' ? `an amount from ${min} to ${max}` : `a whole number from ${min} to ${max}`;
        throw new UsageError(`${f}: expected ${allowed}, found "${v}"`);
      }
    },
  ];
}

const REQUIRED: (keyof MatchRequest)[] = ['ledger', 'bank', 'json'];

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0 || argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'match') throw new UsageError(`Unknown command "${command}"; the command is: recon match --ledger <file> --bank <file> --json <result.json>`);

  const request: Partial<MatchRequest> = { oppositeSigns: false, match: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const entry = FLAGS[flag];
    if (!entry) throw new UsageError(arg.startsWith('-') ? `Unknown option ${flag}` : `Unexpected argument "${arg}"`);
    const [takesValue, set] = entry;
    if (!takesValue) {
      if (eq > 0 && arg.startsWith('--')) throw new UsageError(`${flag} takes no value`);
      set(request, '', flag);
      continue;
    }
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = rest[++i];
      if (value === undefined || (value.startsWith('--') && value in FLAGS)) throw new UsageError(`${flag} needs a value`);
    }
    if (value === '') throw new UsageError(`${flag} needs a value`);
    set(request, value, flag);
  }
  const missing = REQUIRED.filter((key) => request[key] === undefined);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(', ')}`);
  return { command: 'match', request: request as MatchRequest };
}

/** `date=A,amount=F,counterparty=C` → { date: 0, amount: 5, counterparty: 2 } (0-based indices). */
export function parseColumns(spec: string, flag = '--columns'): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^([a-z]+)\s*=\s*([A-Za-z]{1,3})$/.exec(part);
    if (!match) throw new UsageError(`${flag}: expected role=LETTER such as date=A, found "${part}"`);
    const role = match[1] as ColumnRole;
    if (!COLUMN_ROLES.includes(role)) throw new UsageError(`${flag}: unknown role "${match[1]}"; roles are ${COLUMN_ROLES.join(', ')}`);
    if (mapping[role] !== undefined) throw new UsageError(`${flag}: role "${role}" given twice`);
    mapping[role] = columnNumber(match[2]) - 1;
  }
  if (Object.keys(mapping).length === 0) throw new UsageError(`${flag}: expected role=LETTER pairs such as date=A,amount=F`);
  return mapping;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, found "${value}"`);
  return value as T;
}

function parseStatementsPeriod(value: string, flag: string): Period {
  const period = parsePeriod(value);
  if (!period) throw new UsageError(`${flag}: expected a month such as 2025-03 or dates such as 2025-03-01..2025-03-31, found "${value}"`);
  return period;
}

/** `客户甲=60;Customer B=45` → { 客户甲: 60, 'Customer B': 45 }; the last `=` splits name and value. */
function parsePerCustomer<T>(spec: string, flag: string, read: (value: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const part of spec.split(/[;；]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.lastIndexOf('=');
    const name = eq > 0 ? part.slice(0, eq).trim() : '';
    if (name === '') throw new UsageError(`${flag}: expected customer=value pairs separated by ;, found "${part}"`);
    out[name] = read(part.slice(eq + 1).trim());
  }
  return out;
}

function parseTerms(value: string, flag: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) > 365) throw new UsageError(`${flag}: expected payment terms in days from 0 to 365, found "${value}"`);
  return Number(value);
}

function parseIsoDate(value: string, flag: string): string {
  const date = isoDate(value);
  if (!date) throw new UsageError(`${flag}: expected a date such as 2025-03-31, found "${value}"`);
  return date;
}


export const USAGE = `Usage: recon match --ledger <file> --bank <file> --json <result.json> [options]

Reconciles a ledger (银行存款日记账, 应收账款明细账 …) against a bank export (.xlsx or .csv).

Options:
  --out <reconciled.xlsx>      also write a workbook: both sources, match status beside them, the Matches,
                               Discrepancies, bank reconciliation statement and Summary sheets
  --ledger-columns <spec>      column roles of the ledger, e.g. date=A,amount=F,counterparty=C
  --bank-columns <spec>        the same for the bank file (roles: ${COLUMN_ROLES.join(', ')})
  --ledger-kind <kind>         ${SIDE_KINDS.join(' | ')}
  --bank-kind <kind>           the same, for the bank file (default: detected, else bank-statement)
  --ledger-date-order <order>  DMY | MDY | YMD: how the ledger's dates such as 01/05/2023 are read
                               (default: from dates that fit one order only, else from the bank's lines)
  --bank-date-order <order>    the same, for the bank file
  --opposite-signs             the --bank file is the counterparty's own ledger: its amounts are negated
  --ledger-opposite-signs      the --ledger file writes money out positive (spending): its amounts are negated
${MATCH_OPTION_DEFINITIONS.map(optionUsage).join('\n')}
  --lang <zh-CN|zh-TW|en>      language of the output sheets and this summary (default: from LANG)
${RECONCILIATION_OPTIONS.map((o) => usageLine(`${o.flag} <${o.kind}>`, o.help)).join('\n')}

Customer statements (客户对账单), written into --out when the ledger is a receivables ledger:
  --statements-period <period> 2025-03, or 2025-03-01..2025-03-31 (default: the ledger's last full month; a ledger of one month: that month)
  --statement-date <date>      the date aging is measured at (default: the period's last day)
  --company <name>             our company's name, printed on every statement and kept in the workbook
  --user <name>                who runs it, for the Audit log and sheet decisions (default: the OS user name)
  --statements-all             also customers with a zero balance and no movement in the period
  --customer-terms <spec>      payment terms per customer, e.g. "上海明辉贸易有限公司=60;ACME Ltd=45" (default 30 days)
  --customer-lang <spec>       statement language per customer, e.g. "永興貿易=zh-TW;ACME Ltd=en"

Exit status: 0 done, 2 unusable input or arguments, 1 internal error.`;

/** One help line per matching option, from its definition: flag, what it does, default and range. */
function optionUsage(d: OptionDefinition): string {
  const value = d.kind === 'whole' ? (d.unit === 'days' ? ' <days>' : ' <n>') : d.kind === 'amount' ? ' <amount>' : d.kind === 'choice' ? ` <${d.choices.join('|')}>` : '';
  const limits =
    d.kind === 'whole' ? ` (default ${d.defaultValue}; ${d.min}–${d.max})` : d.kind === 'amount' ? ` (default ${d.defaultValue.toFixed(2)}; ${d.min.toFixed(2)}–${d.max.toFixed(2)})` : d.kind === 'choice' ? ` (default ${d.defaultValue})` : '';
  return usageLine(`${d.flag}${value}`, `${d.help}${limits}`);
}

/** `  flag  what it does`, the text in its column; a flag too long for the column puts the text on the next line. */
function usageLine(flag: string, text: string): string {
  const column = 29;
  return flag.length < column ? `  ${flag.padEnd(column)}${text}` : `  ${flag}\n  ${' '.repeat(column)}${text}`;
}
