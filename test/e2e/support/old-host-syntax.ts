/**
 * ES2018 syntax that the oldest hosts of the pane cannot run, found by walking acorn's syntax tree
 * of an emitted script. acorn's `ecmaVersion: 2018` accepts all of it, yet a single one of these
 * is a SyntaxError for the WHOLE script in that browser (a blank pane):
 * - EdgeHTML 18 (Office 2019, some Microsoft 365 builds on Windows) has none of ES2018's object
 *   rest/spread, async iteration or regular-expression additions (all arrived in Edge 79);
 * - Safari before 16.4 (Excel on Mac on macOS 11-13) has no regular-expression lookbehind.
 * Sources: the compatibility tables of MDN (javascript.builtins.RegExp.*, operators.spread,
 * operators.destructuring, statements.for_await_of) and kangax's ES2016+ table.
 */
import { parse } from 'acorn';

/** One finding: the feature, which host lacks it, and where it is in the script. */
export interface SyntaxFinding {
  feature: string;
  lackedBy: string;
  offset: number;
  excerpt: string;
}

/** A regular expression as the script gives it: a literal, or `new RegExp('…', '…')` with literal strings. */
interface RegExpSource {
  pattern: string;
  flags: string;
}

type AnyNode = { type: string; start: number; end: number; [key: string]: unknown };

const EDGE18 = 'EdgeHTML 18 (Office 2019)';
const SAFARI = 'Safari < 16.4 (Excel on Mac) and EdgeHTML 18';

/** Syntax-tree nodes no host may meet, as a table: feature, host lacking it, test. */
const NODE_RULES: { feature: string; lackedBy: string; test: (node: AnyNode) => boolean }[] = [
  {
    feature: 'object spread {...a}',
    lackedBy: EDGE18,
    test: (n) => n.type === 'ObjectExpression' && (n.properties as AnyNode[]).some((p) => p.type === 'SpreadElement'),
  },
  {
    feature: 'object rest {a, ...rest}',
    lackedBy: EDGE18,
    test: (n) => n.type === 'ObjectPattern' && (n.properties as AnyNode[]).some((p) => p.type === 'RestElement'),
  },
  { feature: 'for await (…)', lackedBy: EDGE18, test: (n) => n.type === 'ForOfStatement' && n.await === true },
  {
    feature: 'async generator function',
    lackedBy: EDGE18,
    test: (n) =>
      (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') && n.async === true && n.generator === true,
  },
];

/** Regular-expression features no host may meet, as a table: feature, host lacking it, test. */
const REGEXP_RULES: { feature: string; lackedBy: string; test: (re: RegExpSource) => boolean }[] = [
  { feature: 'regexp lookbehind (?<= (?<!', lackedBy: SAFARI, test: (re) => hasGroupOpening(re.pattern, ['?<=', '?<!']) },
  {
    feature: 'regexp named group (?<name>',
    lackedBy: EDGE18,
    test: (re) => hasGroupOpening(re.pattern, ['?<']) && !hasOnlyLookbehind(re.pattern),
  },
  { feature: 'regexp named backreference \\k<name>', lackedBy: EDGE18, test: (re) => outsideClasses(re.pattern).includes('\\k<') },
  { feature: 'regexp dotAll flag s', lackedBy: EDGE18, test: (re) => re.flags.includes('s') },
  {
    feature: 'regexp Unicode property escape \\p{…}',
    lackedBy: EDGE18,
    test: (re) => re.flags.includes('u') && /\\[pP]\{/.test(re.pattern),
  },
];

/**
 * The pattern with escaped characters and character classes blanked out, so `[(?<=]` or `\(?<=`
 * are not taken for group openings.
 */
function outsideClasses(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      // Keep `\k` and `\p` visible (the rules above look for them); blank other escapes.
      out += inClass ? '  ' : pattern[i + 1] === 'k' || pattern[i + 1] === 'p' || pattern[i + 1] === 'P' ? c + pattern[i + 1] : '  ';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += ' ';
    } else if (c === '[') {
      inClass = true;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

function hasGroupOpening(pattern: string, openings: string[]): boolean {
  const plain = outsideClasses(pattern);
  return openings.some((o) => plain.includes('(' + o));
}

/** True when every `(?<` of the pattern opens a lookbehind (not a named group). */
function hasOnlyLookbehind(pattern: string): boolean {
  const plain = outsideClasses(pattern);
  const named = plain.split('(?<').slice(1).filter((rest) => rest[0] !== '=' && rest[0] !== '!');
  return named.length === 0;
}

/** The regular expression a node builds, when the script gives it literally. */
function regExpOf(node: AnyNode): RegExpSource | null {
  if (node.type === 'Literal' && node.regex) return node.regex as RegExpSource;
  if ((node.type === 'NewExpression' || node.type === 'CallExpression') && isRegExpName(node.callee as AnyNode)) {
    const [pattern, flags] = (node.arguments as AnyNode[]).map(literalString);
    if (pattern !== undefined && pattern !== null) return { pattern, flags: flags ?? '' };
  }
  return null;
}

function isRegExpName(callee: AnyNode): boolean {
  return callee.type === 'Identifier' && callee.name === 'RegExp';
}

/** A string literal's or a plain template literal's text; null for anything computed. */
function literalString(node: AnyNode | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0) {
    return ((node.quasis as AnyNode[])[0].value as { cooked: string }).cooked;
  }
  return null;
}

/** Every node of the tree, depth first. */
function* nodes(root: AnyNode): Generator<AnyNode> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') stack.push(item);
      } else if (value && typeof value === 'object' && typeof (value as AnyNode).type === 'string') {
        stack.push(value as AnyNode);
      }
    }
  }
}

/**
 * What in a script (already valid ES2018) the oldest hosts cannot parse; an empty list when it
 * runs everywhere. Throws acorn's SyntaxError when the script is not ES2018 at all.
 */
export function syntaxOldHostsLack(code: string): SyntaxFinding[] {
  const tree = parse(code, { ecmaVersion: 2018, sourceType: 'script' }) as unknown as AnyNode;
  const findings: SyntaxFinding[] = [];
  const excerpt = (n: AnyNode) => code.slice(n.start, Math.min(n.end, n.start + 60));
  for (const node of nodes(tree)) {
    for (const rule of NODE_RULES) {
      if (rule.test(node)) findings.push({ feature: rule.feature, lackedBy: rule.lackedBy, offset: node.start, excerpt: excerpt(node) });
    }
    const re = regExpOf(node);
    if (!re) continue;
    for (const rule of REGEXP_RULES) {
      if (rule.test(re)) findings.push({ feature: rule.feature, lackedBy: rule.lackedBy, offset: node.start, excerpt: excerpt(node) });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
