/**
 * What Excel does with a value written through `range.values`, as if typed into a cell
 * (Range.values docs: "If the returned value starts with a plus ("+"), minus ("-"), or equal
 * sign ("="), Excel interprets this value as a formula"; strings that look like numbers, dates,
 * times, booleans or error literals are converted too, CJK full-width digits included).
 *   - numberFormat '@' (Text): the string is stored exactly as given.
 *   - a leading apostrophe: the rest is stored as text, the apostrophe is not part of the value.
 * This is what makes the adapter's text safety testable: a memo "=SUM(A1)" written carelessly
 * becomes a formula here, as in Excel.
 */
export type StoredValue = string | number | boolean;

export interface Entered {
  /** undefined: the cell becomes empty. */
  value: StoredValue | undefined;
  formula?: string;
  error?: boolean;
  quotePrefix?: boolean;
}

const ERROR_LITERALS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!']);

function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const NUMBER =
  /^([+-]?)\s*([$¥€£])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?\s*(%?)$/;

function parseNumber(s: string): number | undefined {
  let text = toHalfWidth(s.trim());
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.endsWith('-') && !text.startsWith('-')) {
    negative = true;
    text = text.slice(0, -1);
  }
  const m = NUMBER.exec(text);
  if (!m || (m[3] === undefined && m[4] === undefined)) return undefined;
  let n = Number(`${(m[3] ?? '0').replace(/,/g, '')}${m[4] ?? ''}${m[5] !== undefined ? `e${m[5]}` : ''}`);
  if (m[1] === '-') n = -n;
  if (m[6] === '%') n /= 100;
  if (negative) n = -n;
  return Number.isFinite(n) ? n : undefined;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function serial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1) return undefined;
  return Math.round((t - EXCEL_EPOCH) / 86_400_000);
}

function parseDateOrTime(s: string): number | undefined {
  const text = toHalfWidth(s.trim());
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return serial(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400;
  return undefined;
}

/** Applies Excel's entry rules to one written value (null is handled by the caller: "leave as is"). */
export function enterValue(input: unknown, numberFormat: string | undefined): Entered {
  if (input === '' ) return { value: undefined };
  if (typeof input === 'number') return { value: input };
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') return { value: String(input) };
  const s = input;
  if (numberFormat === '@') return { value: s };
  if (s.startsWith("'")) {
    const rest = s.slice(1);
    return rest === '' ? { value: undefined, quotePrefix: true } : { value: rest, quotePrefix: true };
  }
  if (s.startsWith('=') && s.length > 1) return { value: '#NAME?', formula: s };
  const asNumber = parseNumber(s);
  if (asNumber !== undefined) return { value: asNumber };
  if ((s.startsWith('+') || s.startsWith('-') || s.startsWith('@')) && s.length > 1) return { value: '#NAME?', formula: `=${s}` };
  const asDate = parseDateOrTime(s);
  if (asDate !== undefined) return { value: asDate };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toUpperCase() === 'TRUE' };
  if (ERROR_LITERALS.has(s.trim().toUpperCase())) return { value: s.trim().toUpperCase(), error: true };
  return { value: s };
}
