/**
 * OFX / QFX / QBO statements (what American and many other banks offer as "download for Quicken /
 * QuickBooks / Money") → one sheet of plain values per account statement, laid out as a bank export
 * is: the account and period above, `Ending balance as of <date>` with the bank's ledger balance, then
 * a table (Date, Type, Payee, Memo, Amount, Reference, Transaction ID), so the engine
 * reads it as it reads any export and weighs its columns the same way. Bytes in, no file system.
 *
 * Both grammars are read by one tokenizer: OFX 1.x is SGML (leaf elements are never closed:
 * `<TRNAMT>-34.51`), OFX 2.x is XML (`<TRNAMT>-34.51</TRNAMT>`). Amounts stay the text the bank
 * wrote (exact; a decimal comma is the engine's to read). Investment statements hold no bank lines
 * and give no sheet.
 */
import type { CellValue } from '../../engine/types';

export interface OfxSheet {
  name: string;
  values: CellValue[][];
}

/** Why a file gives no statement: each host says it in its own words (the page in the user's language). */
export type OfxProblem = 'no-ofx' | 'no-statement';

/** A file with no statement to read; the message says why. */
export class OfxError extends Error {
  constructor(
    readonly problem: OfxProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OfxError';
  }
}

/** The table's header; Reference is the cheque's number (what a check register writes) or the bank's REFNUM. */
export const OFX_HEADERS = ['Date', 'Type', 'Payee', 'Memo', 'Amount', 'Reference', 'Transaction ID'] as const;

/** Whether a file's first characters are an OFX statement's (either grammar). */
export function looksLikeOfx(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart().toUpperCase();
  return text.startsWith('OFXHEADER') || text.startsWith('<?OFX') || (text.startsWith('<?XML') && text.includes('<?OFX')) || text.includes('<OFX>');
}

/** The charset an OFX header names: `CHARSET:1252` / `ENCODING:UTF-8` (1.x) or `encoding="…"` (2.x). */
function charsetOf(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/ENCODING:\s*UTF-?8/i.test(head) || /encoding\s*=\s*["']utf-?8["']/i.test(head)) return 'utf-8';
  const charset = /CHARSET:\s*([\w-]+)/i.exec(head)?.[1] ?? /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1];
  if (charset === undefined || /^none$/i.test(charset)) return 'utf-8';
  if (/^\d+$/.test(charset)) return `windows-${charset}`;
  return charset.toLowerCase();
}

/** Text of the bytes in the charset the header names; UTF-8 that is not, as Windows-1252 (what 1.x files mostly are). */
function decode(bytes: Uint8Array): string {
  const charset = charsetOf(bytes);
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Element {
  name: string;
  /** The text after the start tag (a leaf's value), trimmed. */
  value: string;
  children: Element[];
}

/**
 * The element tree. A start tag followed by text is a leaf (closed or not); an aggregate is closed by
 * its end tag, which also closes any unclosed leaves inside it (SGML's rule, which XML never needs).
 */
function parse(text: string): Element {
  const root: Element = { name: '#root', value: '', children: [] };
  const open: Element[] = [root];
  const tag = /<(\/?)([A-Za-z0-9._]+)[^>]*>([^<]*)/g;
  for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
    const [, closing, rawName, after] = m;
    const name = rawName.toUpperCase();
    if (closing) {
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at > 0) open.length = at;
      continue;
    }
    const element: Element = { name, value: unescape(after.trim()), children: [] };
    open[open.length - 1].children.push(element);
    // an aggregate (no text of its own) stays open for what follows; a leaf does not
    if (element.value === '') open.push(element);
  }
  return root;
}

function find(element: Element, name: string): Element | undefined {
  for (const child of element.children) {
    if (child.name === name) return child;
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

function findAll(element: Element, name: string, out: Element[] = []): Element[] {
  for (const child of element.children) {
    if (child.name === name) out.push(child);
    else findAll(child, name, out);
  }
  return out;
}

function leaf(element: Element | undefined, name: string): string {
  return (element && find(element, name)?.value) ?? '';
}

/** `20230228050000.000[-5:EST]` → `2023-02-28` (the date the bank posted; its time and zone left aside). */
export function ofxDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : value;
}

/** Every bank or card statement in an OFX file, one sheet each, in the file's order. */
export function readOfx(bytes: Uint8Array): OfxSheet[] {
  const tree = parse(decode(bytes));
  const ofx = find(tree, 'OFX');
  if (!ofx) throw new OfxError('no-ofx', 'an OFX header but no <OFX> statement in it; download the statement again');
  const bank = leaf(ofx, 'ORG');
  const statements = [...findAll(ofx, 'STMTRS'), ...findAll(ofx, 'CCSTMTRS')];
  if (statements.length === 0) throw new OfxError('no-statement', 'no bank or card statement in it (an investment or other OFX download?); download the account’s statement');
  const names = new Set<string>();
  return statements.map((statement) => {
    const account = find(statement, 'BANKACCTFROM') ?? find(statement, 'CCACCTFROM');
    const accountId = leaf(account, 'ACCTID');
    const accountType = leaf(account, 'ACCTTYPE') || (statement.name === 'CCSTMTRS' ? 'CREDIT CARD' : '');
    const currency = leaf(statement, 'CURDEF');
    const list = find(statement, 'BANKTRANLIST');
    const values: CellValue[][] = [];
    values.push([[bank, accountType, 'account', accountId].filter((v) => v !== '').join(' '), currency]);
    const [start, end] = [leaf(list, 'DTSTART'), leaf(list, 'DTEND')];
    if (start !== '' && end !== '') values.push([`Statement from ${ofxDate(start)} to ${ofxDate(end)}`]);
    const ledgerBalance = find(statement, 'LEDGERBAL');
    const balance = leaf(ledgerBalance, 'BALAMT');
    if (balance !== '') values.push([`Ending balance as of ${ofxDate(leaf(ledgerBalance, 'DTASOF'))}`, balance]);
    values.push([]);
    values.push([...OFX_HEADERS]);
    for (const line of list ? findAll(list, 'STMTTRN') : []) {
      values.push([
        ofxDate(leaf(line, 'DTPOSTED')),
        leaf(line, 'TRNTYPE'),
        leaf(line, 'NAME') || leaf(line, 'PAYEEID'),
        leaf(line, 'MEMO'),
        leaf(line, 'TRNAMT'),
        leaf(line, 'CHECKNUM') || leaf(line, 'REFNUM'),
        leaf(line, 'FITID'),
      ]);
    }
    let name = (accountId || 'Statement').replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
    for (let n = 2; names.has(name); n++) name = `${(accountId || 'Statement').slice(0, 27)} (${n})`;
    names.add(name);
    return { name, values };
  });
}
