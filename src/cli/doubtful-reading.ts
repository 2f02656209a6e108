/**
 * A side whose reading is doubtful (two readings of its rows close on the evidence, or a day/month
 * order nothing tells) is never matched silently: the command line stops with exit status 2 and names
 * the flags that settle it (--ledger-kind/--bank-kind, --ledger-date-order/--bank-date-order), each
 * with what it would give.
 */
import type { ReadingOption, ReadResult } from '../engine/types';
import type { Locale } from '../i18n/locale';
import { formatReadText } from '../i18n/read-texts';
import { UnusableInputError } from '../workbook/file/load-table';

/** The flags that choose a reading on the command line; undefined when none can (a card's signs). */
export function flagsFor(option: ReadingOption, side: 'ledger' | 'bank'): string | undefined {
  if (option.key.endsWith('-flipped')) return undefined;
  const kindFlag = `--${side}-kind ${option.kind}`;
  return option.oppositeSigns ? `${kindFlag} --${side === 'ledger' ? 'ledger-' : ''}opposite-signs` : kindFlag;
}

export function refuseDoubtful(read: ReadResult, sourceName: string, locale: Locale): void {
  const reading = read.reading;
  if (!reading || !reading.doubtful || reading.given) return;
  const choices = [reading.chosen, ...reading.alternatives]
    .map((option) => {
      const flag = flagsFor(option, read.side);
      if (!flag) return null;
      const figures = option.meets !== undefined && option.lines !== undefined;
      return formatReadText({ code: figures ? 'choice-with-figures' : 'choice', params: { flag, meets: option.meets ?? 0, lines: option.lines ?? 0 } }, locale);
    })
    .filter((choice): choice is string => choice !== null);
  const message = formatReadText({ code: 'reading-doubtful-cli', params: { choices: choices.join(locale === 'en' ? '; ' : '；') } }, locale);
  throw new UnusableInputError(`${sourceName}: ${message}`);
}

/**
 * The two sides write dates that fit both orders in opposite orders (they meet only so), and nothing
 * tells which side is day/month: either flag settles it (the other side's order then follows from the data).
 */
export function refuseDoubtfulDates(ledger: ReadResult, bank: ReadResult, locale: Locale): void {
  if (!ledger.dateOrder?.doubtful || !bank.dateOrder?.doubtful) return;
  const choices = [`--ledger-date-order DMY`, `--bank-date-order DMY`].join(locale === 'en' ? '; ' : '；');
  const message = formatReadText({ code: 'date-order-doubtful-cli', params: { ledgerExample: ledger.dateOrder.example, bankExample: bank.dateOrder.example, choices } }, locale);
  throw new UnusableInputError(message);
}
