/**
 * An invoice number as a customer's bank transfer carries it: with or without the prefix, with a
 * different one (发票号, FP, NO.), digits in groups, full-width when typed on a Chinese keyboard, lower
 * case. What the matcher must still recognise as the same reference.
 */
import type { NameLanguage } from './names';
import type { Random } from './random';

const FULL_WIDTH_OFFSET = 0xfee0;

function fullWidth(text: string): string {
  return Array.from(text, (ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET) : ch)).join('');
}

/** 12345678 → 1234 5678; 345678 → 345 678. */
function grouped(digits: string): string {
  const half = Math.ceil(digits.length / 2);
  return `${digits.slice(0, half)} ${digits.slice(half)}`;
}

/** The forms, by language, as functions of the invoice's digits and the invoice as the ledger writes it. */
const FORMS: Record<NameLanguage, Array<(digits: string, invoice: string) => string>> = {
  zh: [
    (d) => d,
    (d) => d,
    (d) => `发票号${d}`,
    (d) => `发票${d}`,
    (d) => `发票号：${d}`,
    (d) => `FP${d}`,
    (d) => `NO.${d}`,
    (d) => grouped(d),
    (d) => fullWidth(d),
    (d) => `发票号${fullWidth(d)}`,
  ],
  en: [
    (_, invoice) => invoice,
    (_, invoice) => invoice.replace('-', ''),
    (d) => d,
    (d) => `inv ${d}`,
    (d) => `INV ${grouped(d)}`,
    (d) => `Invoice ${d}`,
    (d) => `NO ${d}`,
    (_, invoice) => fullWidth(invoice.replace('-', '')),
  ],
};

export function bankWrittenReference(rng: Random, invoice: string, language: NameLanguage): string {
  const digits = invoice.replace(/\D/g, '');
  return rng.pick(FORMS[language])(digits, invoice);
}

/** A bank field cut at `max` characters, as narrow 附言 fields do. */
export function truncated(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}
