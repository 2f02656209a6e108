/**
 * A small evaluator for conditional-format formulas, enough to show which fill a cell gets:
 * references (relative/absolute, other sheets), strings, numbers, TRUE/FALSE, comparison
 * (= <> < > <= >=, text compared ignoring case as Excel does), & concatenation, and the
 * functions AND OR NOT EXACT LEFT RIGHT LEN ISBLANK. A formula is written for the top-left
 * cell of the range it applies to; other cells shift its relative references.
 */
import type { StoredValue } from './text-entry';

export interface CellReader {
  (sheet: string | undefined, row: number, column: number): StoredValue | undefined;
}

type Value = string | number | boolean;

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'ref'; sheet?: string; row: number; column: number; rowAbs: boolean; columnAbs: boolean }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'binary'; op: string; left: Node; right: Node };

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.comparison();
    this.space();
    if (this.i < this.s.length) throw new Error(`Unexpected "${this.s.slice(this.i)}" in formula`);
    return node;
  }

  private space(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private comparison(): Node {
    let left = this.concat();
    for (;;) {
      this.space();
      const op = ['<=', '>=', '<>', '=', '<', '>'].find((o) => this.s.startsWith(o, this.i));
      if (!op) return left;
      this.i += op.length;
      left = { kind: 'binary', op, left, right: this.concat() };
    }
  }

  private concat(): Node {
    let left = this.primary();
    for (;;) {
      this.space();
      if (this.s[this.i] !== '&') return left;
      this.i++;
      left = { kind: 'binary', op: '&', left, right: this.primary() };
    }
  }

  private primary(): Node {
    this.space();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('"')) {
      let j = this.i + 1;
      let out = '';
      for (;;) {
        if (j >= this.s.length) throw new Error('Unterminated string in formula');
        if (this.s[j] === '"') {
          if (this.s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += this.s[j++];
      }
      this.i = j + 1;
      return { kind: 'literal', value: out };
    }
    if (rest.startsWith('(')) {
      this.i++;
      const inner = this.comparison();
      this.expect(')');
      return inner;
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return { kind: 'literal', value: Number(num[0]) };
    }
    const ref = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      return {
        kind: 'ref',
        sheet: ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2],
        columnAbs: ref[3] === '$',
        column: columnIndex(ref[4]),
        rowAbs: ref[5] === '$',
        row: Number(ref[6]) - 1,
      };
    }
    const name = /^([A-Za-z][A-Za-z0-9.]*)/.exec(rest);
    if (name) {
      this.i += name[0].length;
      this.space();
      const upper = name[1].toUpperCase();
      if (this.s[this.i] !== '(') {
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
        throw new Error(`Unknown name ${name[1]} in formula`);
      }
      this.i++;
      const args: Node[] = [];
      this.space();
      if (this.s[this.i] !== ')') {
        for (;;) {
          args.push(this.comparison());
          this.space();
          if (this.s[this.i] === ',') {
            this.i++;
            continue;
          }
          break;
        }
      }
      this.expect(')');
      return { kind: 'call', name: upper, args };
    }
    throw new Error(`Cannot read formula at "${rest}"`);
  }

  private expect(ch: string): void {
    this.space();
    if (this.s[this.i] !== ch) throw new Error(`Expected "${ch}" in formula`);
    this.i++;
  }
}

function text(v: Value | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function truthy(v: Value | undefined): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === undefined || v === '') return false;
  throw new Error('#VALUE!');
}

function compare(op: string, a: Value | undefined, b: Value | undefined): boolean {
  const av = a === undefined ? (typeof b === 'number' ? 0 : '') : a;
  const bv = b === undefined ? (typeof a === 'number' ? 0 : '') : b;
  let c: number;
  if (typeof av === 'string' && typeof bv === 'string') c = av.toLowerCase().localeCompare(bv.toLowerCase());
  else if (typeof av === typeof bv) c = av < bv ? -1 : av > bv ? 1 : 0;
  else c = typeof av === 'number' ? -1 : 1; // Excel orders numbers < text < booleans
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

export class ConditionalFormula {
  private readonly root: Node;

  constructor(formula: string) {
    this.root = new Parser(formula.startsWith('=') ? formula.slice(1) : formula).parse();
  }

  /** True when the rule holds for the cell `rowOffset`/`columnOffset` away from the range's top-left. */
  holds(read: CellReader, rowOffset: number, columnOffset: number): boolean {
    try {
      return truthy(this.evaluate(this.root, read, rowOffset, columnOffset));
    } catch {
      return false; // a formula error means the format does not apply
    }
  }

  private evaluate(node: Node, read: CellReader, dr: number, dc: number): Value | undefined {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ref':
        return read(node.sheet, node.rowAbs ? node.row : node.row + dr, node.columnAbs ? node.column : node.column + dc);
      case 'binary': {
        const a = this.evaluate(node.left, read, dr, dc);
        const b = this.evaluate(node.right, read, dr, dc);
        return node.op === '&' ? text(a) + text(b) : compare(node.op, a, b);
      }
      case 'call': {
        const args = () => node.args.map((a) => this.evaluate(a, read, dr, dc));
        switch (node.name) {
          case 'AND':
            return node.args.every((a) => truthy(this.evaluate(a, read, dr, dc)));
          case 'OR':
            return node.args.some((a) => truthy(this.evaluate(a, read, dr, dc)));
          case 'NOT':
            return !truthy(args()[0]);
          case 'EXACT': {
            const [a, b] = args();
            return text(a) === text(b);
          }
          case 'LEFT': {
            const [a, n] = args();
            return text(a).slice(0, n === undefined ? 1 : Number(n));
          }
          case 'RIGHT': {
            const [a, n] = args();
            const s = text(a);
            const k = n === undefined ? 1 : Number(n);
            return k <= 0 ? '' : s.length <= k ? s : s.slice(s.length - k);
          }
          case 'LEN':
            return text(args()[0]).length;
          case 'ISBLANK':
            return args()[0] === undefined;
          case 'TRUE':
            return true;
          case 'FALSE':
            return false;
          default:
            throw new Error(`Unknown function ${node.name}`);
        }
      }
    }
  }
}
