/**
 * The short human summary the command line prints after a run, in the run's language.
 * Words live in one table (message id → zh-CN / zh-TW / en); the layout of the lines is below it.
 */
import { formatReadText } from '../i18n/read-texts';
import type Decimal from 'decimal.js';
import type { CountAndSum, Report, SideSummary } from '../engine/report/report';
import type { Locale } from '../i18n/locale';
import { fillTemplate } from '../i18n/template';
import { isOwedLedger } from '../engine/side-kinds';

const CLI_MESSAGES = {
  ledger: { 'zh-CN': '账簿', 'zh-TW': '帳簿', en: 'Ledger' },
  bank: { 'zh-CN': '银行', 'zh-TW': '銀行', en: 'Bank' },
  // the other side when it is the counterparty's own ledger (往来对账)
  counterparty: { 'zh-CN': '对方', 'zh-TW': '對方', en: 'Theirs' },
  read: {
    'zh-CN': '{side}: {file} 读取 {entries} 笔 ({header}, 跳过 {skipped} 行)',
    'zh-TW': '{side}: {file} 讀取 {entries} 筆 ({header}, 略過 {skipped} 列)',
    en: '{side}: {file}: {entries} entries read ({header}; skipped: {skipped})',
  },
  headerAt: { 'zh-CN': '表头在第 {row} 行', 'zh-TW': '表頭在第 {row} 列', en: 'header on row {row}' },
  noHeader: { 'zh-CN': '未找到表头', 'zh-TW': '未找到表頭', en: 'no header row found' },
  auto: { 'zh-CN': '已匹配', 'zh-TW': '已匹配', en: 'Matched' },
  suggested: { 'zh-CN': '待确认', 'zh-TW': '待確認', en: 'Suggested' },
  unmatched: { 'zh-CN': '未匹配', 'zh-TW': '未匹配', en: 'Unmatched' },
  documents: { 'zh-CN': '单据', 'zh-TW': '單據', en: 'Documents' },
  figures: {
    'zh-CN': '{status}: 账簿 {ledgerCount} 笔 {ledgerSum}, {other} {bankCount} 笔 {bankSum}',
    'zh-TW': '{status}: 帳簿 {ledgerCount} 筆 {ledgerSum}, {other} {bankCount} 筆 {bankSum}',
    en: '{status}: ledger {ledgerCount} lines {ledgerSum}, {other} {bankCount} lines {bankSum}',
  },
  groups: { 'zh-CN': '{count} 组', 'zh-TW': '{count} 組', en: '{count} groups' },
  rate: { 'zh-CN': '匹配率: {rate}', 'zh-TW': '比對率: {rate}', en: 'Match rate: {rate}' },
  issues: { 'zh-CN': '问题: {count}', 'zh-TW': '問題: {count}', en: 'Issues: {count}' },
  moreIssues: { 'zh-CN': '  … 另有 {count} 条, 见 {json}', 'zh-TW': '  … 另有 {count} 條, 見 {json}', en: '  … {count} more in {json}' },
  wrote: { 'zh-CN': '已写入: {files}', 'zh-TW': '已寫入: {files}', en: 'Wrote: {files}' },
} as const satisfies Record<string, Record<Locale, string>>;

type CliMessageId = keyof typeof CLI_MESSAGES;

export function cliText(id: CliMessageId, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = CLI_MESSAGES[id][locale];
  return fillTemplate(template, params);
}

/** How many issues the summary shows before pointing at the JSON. */
export const ISSUES_SHOWN = 3;

export interface SummaryFiles {
  ledger: string;
  bank: string;
  json: string;
  written: string[];
}

export function summaryLines(report: Report, locale: Locale, files: SummaryFiles): string[] {
  // 银行, or 对方 when the other side is the counterparty's own ledger (往来对账)
  const other: CliMessageId = isOwedLedger(report.bank.kind) ? 'counterparty' : 'bank';
  const lines = [readLine(report.ledger, files.ledger, locale, 'ledger'), readLine(report.bank, files.bank, locale, other)];
  const groups = (status: 'auto' | 'suggested') => report.matches.filter((m) => m.status === status).length;
  lines.push(`${figuresLine('auto', report.ledger.auto, report.bank.auto, locale, other)}  (${cliText('groups', locale, { count: groups('auto') })})`);
  lines.push(`${figuresLine('suggested', report.ledger.suggested, report.bank.suggested, locale, other)}  (${cliText('groups', locale, { count: groups('suggested') })})`);
  lines.push(figuresLine('unmatched', report.ledger.unmatched, report.bank.unmatched, locale, other));
  if (report.ledger.ledgerDocuments.count > 0) {
    lines.push(`${cliText('documents', locale)}: ${report.ledger.ledgerDocuments.count} / ${money(report.ledger.ledgerDocuments.sum)}`);
  }
  lines.push(cliText('rate', locale, { rate: `${(report.matchRate * 100).toFixed(1)}%` }));
  lines.push(cliText('issues', locale, { count: report.issues.length }));
  for (const issue of report.issues.slice(0, ISSUES_SHOWN)) lines.push(`  ${issue.why ? formatReadText(issue.why, locale) : issue.message}`);
  if (report.issues.length > ISSUES_SHOWN) lines.push(cliText('moreIssues', locale, { count: report.issues.length - ISSUES_SHOWN, json: files.json }));
  lines.push(cliText('wrote', locale, { files: files.written.join(', ') }));
  return lines;
}

function readLine(side: SideSummary, file: string, locale: Locale, word: CliMessageId): string {
  return cliText('read', locale, {
    side: cliText(word, locale),
    file,
    entries: side.entries.count,
    header: side.headerRow > 0 ? cliText('headerAt', locale, { row: side.headerRow }) : cliText('noHeader', locale),
    skipped: side.skipped,
  });
}

function figuresLine(status: 'auto' | 'suggested' | 'unmatched', ledger: CountAndSum, bank: CountAndSum, locale: Locale, other: CliMessageId): string {
  const otherWord = cliText(other, locale);
  return cliText('figures', locale, {
    status: cliText(status, locale),
    other: locale === 'en' ? otherWord.toLowerCase() : otherWord,
    ledgerCount: ledger.count,
    ledgerSum: money(ledger.sum),
    bankCount: bank.count,
    bankSum: money(bank.sum),
  });
}

/** 12800 → '12,800.00'; -3560.4 → '-3,560.40' (from decimal.js, never through a float). */
export function money(amount: Decimal): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
