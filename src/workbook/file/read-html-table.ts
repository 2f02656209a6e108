/**
 * A web page saved with an .xls name → one sheet of plain text values, as Excel shows the page when it
 * opens it. Many Chinese banks' "Excel" downloads (and those of the payroll, ERP and tax systems
 * around them) are an HTML <table>, often in GB2312, not a workbook. Bytes in, no file system and no
 * DOM, so the page, its worker and the command line share it.
 *
 * Every table's rows, in the order they stand in the page, become the sheet's rows (Excel puts them
 * one under another too): the bank's title table above the statement reads as the title lines above
 * a header. A cell spanning columns or rows (colspan, rowspan) keeps its text in its first cell and
 * leaves the others empty, as a merged cell does. Cells stay text, as a CSV's do: the engine reads
 * dates and amounts from text and keeps an account number's digits exactly.
 */
import { decodeText } from './read-csv';

export interface HtmlSheet {
  name: string;
  values: string[][];
}

/** Whether a file's first characters (BOM and leading space dropped) are a web page's. */
export function looksLikeHtml(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  return /^<(?:!doctype html|html|head|body|meta|table|style|title)[\s>/]/.test(text) || (text.startsWith('<?xml') && text.includes('<html'));
}

/** Encodings a page may declare, as TextDecoder knows them (GB2312 and GBK pages decode as GB18030, a superset). */
const DECLARED: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** The page's text: a BOM decides, then the charset its <meta> declares, then the bytes themselves (read-csv's rules). */
function decodePage(bytes: Uint8Array): string {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]*charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(head);
    const encoding = declared ? DECLARED[declared[1].toLowerCase()] : undefined;
    if (encoding) {
      try {
        return new TextDecoder(encoding, { fatal: true }).decode(bytes);
      } catch {
        // declared one way, written another (a page that says utf-8 and holds GBK): the bytes decide
      }
    }
  }
  return decodeText(bytes).text;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  yen: '¥',
  pound: '£',
  euro: '€',
  cent: '¢',
  copy: '©',
  reg: '®',
  middot: '·',
  times: '×',
  divide: '÷',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};

/** Character references decoded; a name it does not know stays as written. A no-break space is a space (Excel's cells trim it too). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** A cell's text as the page shows it: runs of white space one space, lines (<br>, a block's end) kept, ends trimmed. */
function cellText(parts: string[]): string {
  return decodeEntities(parts.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1))
    .join('\n')
    .trim();
}

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const found = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attributes);
  if (!found) return 1;
  // Excel caps a span at the sheet's size; a page that writes 0 or a huge number means "to the end"
  const span = Number(found[1]);
  return span >= 1 ? Math.min(span, name === 'colspan' ? 1000 : 65536) : 1;
}

/** One table being read: its rows so far and the cells that earlier rows' rowspans still cover. */
interface TableState {
  row: string[] | null;
  /** Column → rows still covered below by a cell above (rowspan). */
  covered: number[];
  cell: { parts: string[]; column: number } | null;
  /** Where the next cell of the row goes. */
  next: number;
}

/** Elements whose text is never a cell's, even inside one (a head's title and the rest lie outside every cell). */
const SKIPPED = new Set(['script', 'style', 'xml', 'template', 'noscript']);
/** Elements whose end starts a new line inside a cell. */
const BLOCKS = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const TAG = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * The page's tables as one sheet (null when the page holds no table). `name`: the sheet's name when
 * the page gives none of its own (Excel names it after the file).
 */
export function readHtmlTable(bytes: Uint8Array, name: string): HtmlSheet | null {
  const page = decodePage(bytes).replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const rows: string[][] = [];
  const tables: TableState[] = [];
  let skipping: string | null = null;
  let sawTable = false;

  const table = (): TableState | undefined => tables[tables.length - 1];
  const endCell = (t: TableState): void => {
    if (!t.cell || !t.row) return;
    t.row[t.cell.column] = cellText(t.cell.parts);
    t.cell = null;
  };
  const endRow = (t: TableState): void => {
    endCell(t);
    if (!t.row) return;
    // columns a rowspan covers past the row's last cell are part of the row too
    for (let c = 0; c < t.covered.length; c++) if (t.covered[c] > 0 && t.row[c] === undefined) t.row[c] = '';
    for (let c = 0; c < t.covered.length; c++) if (t.covered[c] > 0) t.covered[c]--;
    const row = Array.from(t.row, (v) => v ?? '');
    rows.push(row);
    t.row = null;
    t.next = 0;
  };
  const startRow = (t: TableState): void => {
    endRow(t);
    t.row = [];
    t.next = 0;
  };
  const text = (chunk: string): void => {
    const t = table();
    if (t?.cell) t.cell.parts.push(chunk.replace(/\n/g, ' '));
  };

  let at = 0;
  TAG.lastIndex = 0;
  for (let found = TAG.exec(page); found !== null; found = TAG.exec(page)) {
    const [whole, closing, rawName, attributes] = found;
    const tag = rawName.toLowerCase();
    if (skipping !== null) {
      if (closing && tag === skipping) skipping = null;
      at = found.index + whole.length;
      continue;
    }
    text(page.slice(at, found.index));
    at = found.index + whole.length;
    if (!closing && SKIPPED.has(tag) && !whole.endsWith('/>')) {
      skipping = tag;
      continue;
    }
    const t = table();
    if (tag === 'table') {
      if (!closing) {
        sawTable = true;
        // a table inside a cell (a page laid out in tables): what its outer row holds so far stands above it
        if (t?.cell) {
          endCell(t);
          if (t.row && t.row.some((v) => v !== undefined && v !== '')) endRow(t);
          else t.row = null;
        }
        tables.push({ row: null, covered: [], cell: null, next: 0 });
      } else if (t) {
        endRow(t);
        tables.pop();
      }
      continue;
    }
    if (!t) continue;
    if (tag === 'tr') {
      if (closing) endRow(t);
      else startRow(t);
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      if (closing) {
        endCell(t);
        continue;
      }
      if (!t.row) startRow(t);
      endCell(t);
      let column = t.next;
      while ((t.covered[column] ?? 0) > 0) t.row![column++] = '';
      const colspan = spanOf(attributes, 'colspan');
      const rowspan = spanOf(attributes, 'rowspan');
      for (let c = column; c < column + colspan; c++) {
        t.row![c] = '';
        // counted down as each row ends, this one first
        if (rowspan > 1) t.covered[c] = rowspan;
      }
      t.cell = { parts: [], column };
      t.next = column + colspan;
      if (whole.endsWith('/>')) endCell(t);
      continue;
    }
    if (t.cell) {
      if (tag === 'br' || (closing && BLOCKS.has(tag))) t.cell.parts.push('\n');
    }
  }
  if (skipping === null) text(page.slice(at));
  while (tables.length > 0) endRow(tables.pop()!);
  if (!sawTable) return null;
  // the page's own sheet name, when Excel saved it (<x:Name> sits in a comment, gone by now: the file's name serves)
  return { name, values: rows };
}
