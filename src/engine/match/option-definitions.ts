/**
 * The matching options, defined once: name, default, allowed range, how typed text is read and
 * how a value is written back. Everything else derives from this table: the engine's validation
 * (resolveMatchOptions), the command line's flags and help, the pane's form checks, the run
 * record and the settings kept in the workbook. A value outside its range is refused with the
 * range, never silently clamped.
 */
import Decimal from 'decimal.js';
import type { MatchOptions, NameStrictness } from '../types';

export type OptionKey = keyof MatchOptions;

/** Why a value was refused, as data a host words in its own language. */
export class OptionError extends Error {
  override name = 'OptionError';
  constructor(
    readonly key: OptionKey,
    readonly problem: 'range' | 'format' | 'choice',
    readonly params: { value: string; min?: string; max?: string; choices?: string },
    message: string,
  ) {
    super(message);
  }
}

interface BaseDefinition<K extends OptionKey> {
  key: K;
  /** Command-line flag: `--date-window 7`; a switch's flag turns it off (`--no-combined`). */
  flag: string;
  /** One line for the command line's help (English, like the rest of the CLI's help). */
  help: string;
  defaultValue: MatchOptions[K];
}

export interface WholeDefinition<K extends OptionKey> extends BaseDefinition<K> {
  kind: 'whole';
  min: number;
  max: number;
  unit: 'days' | 'lines';
}
export interface AmountDefinition<K extends OptionKey> extends BaseDefinition<K> {
  kind: 'amount';
  min: Decimal;
  max: Decimal;
}
export interface SwitchDefinition<K extends OptionKey> extends BaseDefinition<K> {
  kind: 'switch';
}
export interface ChoiceDefinition<K extends OptionKey> extends BaseDefinition<K> {
  kind: 'choice';
  choices: readonly string[];
}

export type OptionDefinition =
  | WholeDefinition<'dateWindowDays' | 'referenceWindowDays' | 'maxGroupSize'>
  | AmountDefinition<'tolerance'>
  | SwitchDefinition<'allowCombined' | 'allowInstalments'>
  | ChoiceDefinition<'nameStrictness'>;

export const NAME_STRICTNESS: readonly NameStrictness[] = ['strict', 'normal', 'loose'];

/**
 * Defaults checked against the generator's realistic pairs (npm run quality): a week covers
 * weekends and cross-bank delays; a quarter covers payment terms for a group tied by an invoice
 * number; 50.00 covers Chinese and SWIFT transfer fees; five lines covers nearly every
 * multi-invoice settlement, and eight is the most the bounded subset search is asked for.
 */
export const MATCH_OPTION_DEFINITIONS: readonly OptionDefinition[] = [
  { key: 'dateWindowDays', kind: 'whole', unit: 'days', flag: '--date-window', min: 0, max: 366, defaultValue: 7, help: 'days either side a counterpart may lie' },
  { key: 'referenceWindowDays', kind: 'whole', unit: 'days', flag: '--reference-window', min: 0, max: 366, defaultValue: 90, help: 'days apart a counterpart tied by an invoice/order number may lie' },
  { key: 'tolerance', kind: 'amount', flag: '--tolerance', min: new Decimal(0), max: new Decimal('1000000.00'), defaultValue: new Decimal('50.00'), help: 'largest difference the tolerance rule accepts (0 turns it off)' },
  { key: 'allowCombined', kind: 'switch', flag: '--no-combined', defaultValue: true, help: 'no N:1 groups (one bank line paying several ledger lines)' },
  { key: 'allowInstalments', kind: 'switch', flag: '--no-instalments', defaultValue: true, help: 'no 1:N groups (one ledger line paid by several bank lines)' },
  { key: 'maxGroupSize', kind: 'whole', unit: 'lines', flag: '--max-group-size', min: 2, max: 8, defaultValue: 5, help: 'most lines on the "many" side of a group' },
  { key: 'nameStrictness', kind: 'choice', flag: '--name-strictness', choices: NAME_STRICTNESS, defaultValue: 'normal', help: 'how closely counterparty names must agree' },
];

export function optionDefinition(key: OptionKey): OptionDefinition {
  const found = MATCH_OPTION_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new RangeError(`No matching option "${key}"`);
  return found;
}

const WHOLE = /^\d+$/;
/** "1,000.5" → "1000.5": thousands separators and spaces are how people type amounts. */
const plainAmount = (text: string) => text.trim().replace(/[,\s，]/g, '');
const AMOUNT = /^\d+(\.\d{1,2})?$/;

function rangeError(d: OptionDefinition, value: string): OptionError {
  const min = d.kind === 'amount' ? d.min.toFixed(2) : d.kind === 'whole' ? String(d.min) : undefined;
  const max = d.kind === 'amount' ? d.max.toFixed(2) : d.kind === 'whole' ? String(d.max) : undefined;
  return new OptionError(d.key, 'range', { value, min, max }, `${d.key}: ${value} is outside the allowed range ${min}–${max}`);
}

/** Typed text → the option's value; throws an OptionError naming what was expected. */
export function parseOption<K extends OptionKey>(key: K, text: string): MatchOptions[K] {
  const d = optionDefinition(key);
  const trimmed = text.trim();
  switch (d.kind) {
    case 'whole': {
      if (!WHOLE.test(trimmed)) throw new OptionError(key, 'format', { value: text, min: String(d.min), max: String(d.max) }, `${key}: expected a whole number from ${d.min} to ${d.max}, found "${text}"`);
      return checkOption(key, Number(trimmed) as MatchOptions[K]);
    }
    case 'amount': {
      const plain = plainAmount(text);
      if (!AMOUNT.test(plain)) throw new OptionError(key, 'format', { value: text, min: d.min.toFixed(2), max: d.max.toFixed(2) }, `${key}: expected an amount such as 50 or 0.50, found "${text}"`);
      return checkOption(key, new Decimal(plain) as MatchOptions[K]);
    }
    case 'switch': {
      const word = trimmed.toLowerCase();
      if (word === 'true' || word === 'false') return (word === 'true') as MatchOptions[K];
      throw new OptionError(key, 'choice', { value: text, choices: 'true, false' }, `${key}: expected true or false, found "${text}"`);
    }
    case 'choice':
      return checkOption(key, trimmed as MatchOptions[K]);
  }
}

/** A value as it goes into the run record and the workbook's settings. */
export function formatOption<K extends OptionKey>(key: K, value: MatchOptions[K]): string {
  const d = optionDefinition(key);
  if (d.kind === 'amount') return (value as Decimal).toFixed(2);
  return String(value);
}

/** The value if it is allowed; otherwise an OptionError with the allowed range or choices. */
export function checkOption<K extends OptionKey>(key: K, value: MatchOptions[K]): MatchOptions[K] {
  const d = optionDefinition(key);
  switch (d.kind) {
    case 'whole': {
      const n = value as number;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw new OptionError(key, 'format', { value: String(value), min: String(d.min), max: String(d.max) }, `${key}: expected a whole number from ${d.min} to ${d.max}, found ${String(value)}`);
      if (n < d.min || n > d.max) throw rangeError(d, String(n));
      return value;
    }
    case 'amount': {
      let amount: Decimal;
      try {
        amount = new Decimal(value as Decimal);
      } catch {
        throw new OptionError(key, 'format', { value: String(value) }, `${key}: expected an amount, found ${String(value)}`);
      }
      if (!amount.isFinite() || amount.lt(d.min) || amount.gt(d.max)) throw rangeError(d, amount.toString());
      if (amount.decimalPlaces() > 2) throw new OptionError(key, 'format', { value: amount.toString() }, `${key}: at most two decimals, found ${amount.toString()}`);
      return amount as MatchOptions[K];
    }
    case 'switch':
      if (typeof value !== 'boolean') throw new OptionError(key, 'choice', { value: String(value), choices: 'true, false' }, `${key}: expected true or false, found ${String(value)}`);
      return value;
    case 'choice':
      if (!d.choices.includes(value as string)) {
        throw new OptionError(key, 'choice', { value: String(value), choices: d.choices.join(', ') }, `${key}: expected one of ${d.choices.join(', ')}, found "${String(value)}"`);
      }
      return value;
  }
}

export function defaultMatchOptions(): MatchOptions {
  const options = {} as Record<OptionKey, unknown>;
  for (const d of MATCH_OPTION_DEFINITIONS) options[d.key] = d.defaultValue;
  return options as unknown as MatchOptions;
}

/** Every option as text, in the table's order (the run record, the workbook's settings). */
export function formatMatchOptions(options: MatchOptions): Record<OptionKey, string> {
  const out = {} as Record<OptionKey, string>;
  for (const d of MATCH_OPTION_DEFINITIONS) out[d.key] = formatOption(d.key, options[d.key]);
  return out;
}

/** Options stored as text (settings, a run record) → values; unknown keys are ignored. Throws OptionError. */
export function parseMatchOptions(texts: Partial<Record<string, string>>): Partial<MatchOptions> {
  const out: Partial<Record<OptionKey, unknown>> = {};
  for (const d of MATCH_OPTION_DEFINITIONS) {
    const text = texts[d.key];
    if (text !== undefined) out[d.key] = parseOption(d.key, text);
  }
  return out as Partial<MatchOptions>;
}
