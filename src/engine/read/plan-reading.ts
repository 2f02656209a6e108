/**
 * Stage 1 of reading a side: the reading plan. Everything decided once for the whole side, each with
 * its reasons: the header row, the column roles, which date column and which date order, the decimal
 * mark, how an amount's direction is written (signs, a direction column, a CR mark, the first word of the
 * description), and the reading itself: what kind of book this is and what its signs mean, chosen among
 * candidate readings scored on evidence (reading-evidence.ts). Stage 2 (read-rows.ts) reads the rows with
 * the plan; decide-readings.ts may still change the reading when the other side's data says so.
 */
import type Decimal from 'decimal.js';
import type { CellValue, CellsSource, ColumnMapping, ColumnRole, ReadOptions, Reason, Side } from '../types';
import { DOT_DECIMAL, type AmountStyle } from './amount';
import { columnLetter } from './column-letter';
import { allNegative, decideAmountStyles, gatherEvidence, type ColumnEvidence } from './column-formats';
import { parseDate, periodFromTitles, type DateOrder, type DateRules, type StatementPeriod } from './date';
import { findHeaderRow, HEADER_SCAN_ROWS, layoutOfRow, type HeaderLayout } from './header-row';
import { ACCOUNT_HEADERS, LEDGER_ACCOUNT_HEADERS, LEDGER_CASH_ACCOUNT, type HeaderKey } from './header-words';
import { inferColumns, INFER_SAMPLE_ROWS } from './infer-columns';
import { chosenReading, READINGS, signatureOf, type MovementBucket, type Reading, type ReadingKey } from './readings';
import { scoreReadings, type SampleMovement, type ScoredReading } from './reading-evidence';
import { debitCreditRoles } from './side-kind';
import { isOwedLedger } from '../side-kinds';
import { cellText, isBlankRow, normalizeLabel, trimPadding } from './text';
import { readCardDirection, readDirection } from './direction';
import { unreadAmountHalf } from './unread-amount-half';
import { findPartyColumns, type PartyColumns } from './party-columns';
import Decimal_ from 'decimal.js';

export type Rows = readonly (CellValue[] | undefined)[];

export const ROLE_ORDER: readonly ColumnRole[] = [
  'date', 'amount', 'inflow', 'outflow', 'direction', 'counterparty', 'reference', 'description', 'currency', 'balance', 'status', 'fee',
];


/** Words at the start of a description that alone say which way the money went (card statements). */
export const DESCRIPTION_DIRECTION_WORDS: Record<'in' | 'out', string[]> = {
  in: ['还款', '還款', '退货', '退貨', '退款', '返现', '存入', 'payment', 'refund', 'return', 'credit'],
  out: ['消费', '消費', '取现', '取現', '预借现金', '年费', '年費', '利息', '手续费', '分期', 'purchase', 'cashadvance', 'fee', 'interest'],
};

/** Date cells that say a row is not posted yet. */
export const PENDING_WORDS = ['pending', '待入账', '未入账', '处理中', '待处理', '未出账', '待入帳', '未入帳', 'processing', 'authorised', 'authorized', 'notposted'];

export interface ReadingChoice {
  reading: Reading;
  candidates: ScoredReading[];
  /** The best two readings read the rows differently and their evidence is close: ask the user. */
  doubtful: boolean;
}

export interface ReadingPlan extends ReadingChoice {
  side: Side;
  firstRow: number;
  firstColumn: number;
  /** Index into cells of the header row; −1 without one. */
  headerIndex: number;
  layout: HeaderLayout | null;
  titleTexts: string[];
  /** Roles as they will be reported (debit/credit placed as the chosen reading says). */
  columns: ColumnMapping;
  columnHeaders: Partial<Record<ColumnRole, string>>;
  /** Per amount column, how its values are bucketed. */
  buckets: Map<number, MovementBucket>;
  secondaryDate?: number;
  /** Both parties named on every line (付款人名称, 收款人名称): the counterparty is the one that is not us (party-columns.ts). */
  parties?: PartyColumns;
  /** A column naming the account each line went through (账户: 现金, 工行基本户…), when no role took it (accounts.ts). */
  accountColumn?: number;
  /** A 明细账's 方向 column (借/贷/平) beside an unsigned balance: the side each balance stands on (balance-side.ts). */
  balanceSideColumn?: number;
  dateRules: DateRules;
  /** Every date fits both day/month and month/day: the order is a guess until the other side tells (date-order-across.ts). */
  ambiguousDates?: { example: string; doubtful: boolean };
  titlePeriod?: { period: StatementPeriod; source: string };
  styles: Map<number, AmountStyle>;
  /** The amount column is unsigned and the direction column says which way. */
  useDirection: boolean;
  /** The direction column writes 借/贷 (Debit/Credit) on some line, not only 收/支: what they mean is worth saying. */
  directionDebitCredit?: boolean;
  /** The direction column writes a card's own words (消费 / 还款 / 退款): read from the card's side (direction.ts readCardDirection). */
  cardDirection?: boolean;
  /** The money-out column is written with minus signs already. */
  outPreSigned: boolean;
  /** What the whole-column decisions (marks, date order, signs) rest on: a streamed table's later rows are checked against it. */
  evidence: ColumnEvidence;
  /** Amounts marked `CR` (or `+`) are money in, the unmarked ones money out. */
  markedCredits?: 'cr' | 'plus';
  /** The first word of the description gives the direction. */
  descriptionDirection: boolean;
  /** Why nothing can be read: no date or no amount column, or a direction nobody can pin down. */
  refusal?: Reason;
  /** The chosen header row lies outside the cells: said, then the side is read without it. */
  headerProblem?: Reason;
  /** Decisions in the order they were made (the reading's own come first). */
  decisions: Reason[];
  /** The caller fixed the kind (or opposite signs); the data test leaves it alone. */
  readingGiven: boolean;
}

/** The evidence margin under which two readings that differ are doubtful. */
export const DOUBT_MARGIN = 1;

/** Is `other` within the doubt margin of `best`? (Scores are sums of fractions: 2.33 − 1.33 is 0.999….) */
export function withinDoubt(best: number, other: number): boolean {
  return best - other < DOUBT_MARGIN - 1e-9;
}
/** Rows sampled for the evidence about the reading. */
export const SAMPLE_ROWS = 5000;

const NEGATIVE_SAMPLE = 20000;

/**
 * The first rows of a table streamed from a file that its plan is made from (read-side.ts): the header
 * search, the samples and the look for credit marks all stay within them when the header is found
 * where the search looks. headCoversPlan says whether they did for the plan made.
 */
export const PLAN_HEAD_ROWS = HEADER_SCAN_ROWS + NEGATIVE_SAMPLE;

/**
 * Is a plan made from `head`, the first rows of a longer table, the plan of the whole table (its
 * whole-column decisions aside, which watchEvidence checks on the rows after)? Yes when every bounded
 * look of the plan ended inside `head`: the header search, the row samples (SAMPLE_ROWS,
 * NEGATIVE_SAMPLE rows after the header) and the samples of non-blank rows.
 */
export function headCoversPlan(head: Rows, plan: Pick<ReadingPlan, 'headerIndex' | 'headerProblem'>): boolean {
  if (plan.headerProblem || head.length < HEADER_SCAN_ROWS) return false;
  const start = plan.headerIndex + 1;
  if (head.length < start + Math.max(SAMPLE_ROWS, NEGATIVE_SAMPLE)) return false;
  const wanted = Math.max(SAMPLE_ROWS, INFER_SAMPLE_ROWS);
  let filled = 0;
  for (let i = start; i < head.length && filled < wanted; i++) if (head[i] && !isBlankRow(head[i]!)) filled++;
  return filled >= wanted;
}

/** Roles from the header words; debit/credit land on inflow/outflow as the kind says. */
function rolesFromHeader(layout: HeaderLayout, bankLike: boolean): ColumnMapping {
  const keys = layout.keys;
  const columns: ColumnMapping = {};
  for (const role of ROLE_ORDER) if (keys[role] !== undefined) columns[role] = keys[role];
  const dc = debitCreditRoles(bankLike ? 'bank-statement' : 'cash-journal');
  if (keys.debit !== undefined && columns[dc.debit] === undefined) columns[dc.debit] = keys.debit;
  if (keys.credit !== undefined && columns[dc.credit] === undefined) columns[dc.credit] = keys.credit;
  // a split pair wins over a lone amount column; a lone split column loses to an amount column
  if (columns.inflow !== undefined && columns.outflow !== undefined) delete columns.amount;
  else if (columns.amount !== undefined) {
    delete columns.inflow;
    delete columns.outflow;
  }
  if (columns.fee !== undefined && columns.amount === undefined && columns.inflow === undefined) delete columns.fee;
  return columns;
}

/** The filled cells of `column` among the rows the plan samples, as text. */
function* sampledTexts(cells: Rows, column: number, dataStart: number): Generator<string> {
  const end = Math.min(cells.length, dataStart + SAMPLE_ROWS);
  for (let i = dataStart; i < end; i++) {
    const text = cellText(cells[i]?.[column]);
    if (text !== '') yield text;
  }
}

/** Whether most of the filled cells of `column` the plan samples are words, not numbers or codes (no digit in them). */
function mostlyWords(cells: Rows, column: number, dataStart: number): boolean {
  let filled = 0;
  let words = 0;
  for (const text of sampledTexts(cells, column, dataStart)) {
    filled++;
    if (!/[0-9０-９]/.test(text)) words++;
  }
  return filled > 0 && words * 2 > filled;
}

/**
 * A column no role took whose filled cells are (nearly) all money-in and money-out words (收入/支出,
 * 收/支, Income/Expense), both present: a direction column with a header of its own (类型, Type of
 * entry). Single Latin letters and +/- do not count: D/C or a sign could be anything.
 */
function directionByValues(cells: Rows, columns: ColumnMapping, dataStart: number): { column: number; words: string; card?: boolean } | undefined {
  const taken = new Set(Object.values(columns));
  let width = 0;
  for (let i = dataStart; i < cells.length && i < dataStart + SAMPLE_ROWS; i++) width = Math.max(width, cells[i]?.length ?? 0);
  for (let column = 0; column < width; column++) {
    if (taken.has(column)) continue;
    const card = cardWords(cells, column, dataStart);
    if (card) return { column, words: card, card: true };
    let filled = 0;
    const seen = new Map<string, 'in' | 'out'>();
    let directed = 0;
    for (const text of sampledTexts(cells, column, dataStart)) {
      filled++;
      if (/^[a-z+\-]$/i.test(text)) continue;
      const value = readDirection(text);
      if (value === 'in' || value === 'out') {
        directed++;
        if (seen.size < 8) seen.set(text, value);
      }
    }
    const values = [...seen.values()];
    if (filled >= 3 && directed >= filled * 0.9 && values.includes('in') && values.includes('out')) return { column, words: [...seen.keys()].join('/') };
  }
  return undefined;
}

/**
 * A card book's 类型 column (消费 / 还款 / 退款): its filled cells (nearly) all a card's own words, both
 * ways, and none a plain direction word (收入/支出, 借/贷). The words seen, or undefined.
 */
function cardWords(cells: Rows, column: number, dataStart: number): string | undefined {
  let filled = 0;
  let carded = 0;
  const seen = new Map<string, 'in' | 'out'>();
  for (const text of sampledTexts(cells, column, dataStart)) {
    filled++;
    const plain = readDirection(text);
    if (plain !== undefined && plain !== 'empty' && plain !== 'neutral') return undefined;
    const value = readCardDirection(text);
    if (value) {
      carded++;
      if (seen.size < 8) seen.set(text, value);
    }
  }
  const values = [...seen.values()];
  return filled >= 3 && carded >= filled * 0.9 && values.includes('in') && values.includes('out') ? [...seen.keys()].join('/') : undefined;
}

/** Whether a direction column writes 借/贷 or Debit/Credit on any sampled line. */
function writesDebitCredit(cells: Rows, column: number, dataStart: number): boolean {
  for (const text of sampledTexts(cells, column, dataStart)) {
    const value = readDirection(text);
    if (value === 'debit' || value === 'credit') return true;
  }
  return false;
}

/** Whether `column` holds text on any of the rows the plan samples. */
function hasText(cells: Rows, column: number, dataStart: number): boolean {
  return !sampledTexts(cells, column, dataStart).next().done;
}

/** Explicit roles override detected ones; a detected role on a column the caller assigned elsewhere goes. */
function applyExplicit(columns: ColumnMapping, explicit: ColumnMapping | undefined): ColumnMapping {
  if (!explicit) return columns;
  const result: ColumnMapping = { ...columns };
  const given = ROLE_ORDER.filter((role) => explicit[role] !== undefined);
  if (given.includes('amount')) {
    delete result.inflow;
    delete result.outflow;
  }
  if (given.includes('inflow') || given.includes('outflow')) delete result.amount;
  for (const role of given) {
    for (const other of ROLE_ORDER) if (result[other] === explicit[role] && explicit[other] === undefined) delete result[other];
    result[role] = explicit[role];
  }
  return result;
}

/**
 * The bucket of each amount column: from its header word where it has one (借方 is a debit whatever the
 * kind), except where the user gave the column its role: a register's "Debit (-)" stated as outflow is
 * money out, whatever 借方 means in a ledger.
 */
function columnBuckets(columns: ColumnMapping, keyOf: (column: number) => HeaderKey | undefined, explicit: ColumnMapping | undefined): Map<number, MovementBucket> {
  const buckets = new Map<number, MovementBucket>();
  if (columns.amount !== undefined) buckets.set(columns.amount, 'signed');
  for (const role of ['inflow', 'outflow'] as const) {
    const column = columns[role];
    if (column === undefined) continue;
    const key = explicit?.[role] === column ? undefined : keyOf(column);
    buckets.set(column, key === 'debit' ? 'debit' : key === 'credit' ? 'credit' : key === role ? (role === 'inflow' ? 'in' : 'out') : role === 'inflow' ? 'inflow-role' : 'outflow-role');
  }
  return buckets;
}

/** The columns as reported for a reading: 借方/贷方 columns sit on inflow/outflow as the kind says. */
export function columnsForReading(plan: Pick<ReadingPlan, 'columns' | 'buckets'>, reading: Reading): ColumnMapping {
  const columns: ColumnMapping = { ...plan.columns };
  if (columns.inflow === undefined && columns.outflow === undefined) return columns;
  const roles = debitCreditRoles(reading.kind);
  const pair = [columns.inflow, columns.outflow].filter((c): c is number => c !== undefined);
  for (const column of pair) {
    const bucket = plan.buckets.get(column);
    if (bucket === 'debit' || bucket === 'credit') {
      const role = roles[bucket];
      const other = role === 'inflow' ? 'outflow' : 'inflow';
      if (columns[role] !== column) {
        const displaced = columns[role];
        columns[role] = column;
        if (displaced !== undefined && columns[other] === column) columns[other] = displaced;
        else if (columns[other] === column) delete columns[other];
      }
    }
  }
  return columns;
}

/** Rows looked at for a 科目 column's accounts: a 序时账's bank lines come early and often. */
const ACCOUNT_SAMPLE_ROWS = 500;

/** Whether a 科目 column names a cash or bank account on one of its first lines (a 序时账, not a 日记账's contra accounts). */
function namesCashAccount(cells: Rows, column: number, start: number): boolean {
  for (let i = start; i < Math.min(cells.length, start + ACCOUNT_SAMPLE_ROWS); i++) {
    const value = cells[i]?.[column];
    if (value !== null && value !== undefined && LEDGER_CASH_ACCOUNT.test(String(value).trim())) return true;
  }
  return false;
}

/** Fill and order of a date column over the data rows. */
function dateColumnShape(cells: Rows, column: number, start: number, rules: DateRules): { filled: number; rows: number; ordered: number } {
  let filled = 0;
  let rows = 0;
  let up = 0;
  let down = 0;
  let last = NaN;
  const limit = Math.min(cells.length, start + SAMPLE_ROWS);
  for (let i = start; i < limit; i++) {
    const row = cells[i];
    if (!row || isBlankRow(row)) continue;
    rows++;
    const parsed = parseDate(row[column], rules);
    if (parsed.kind !== 'ok') continue;
    filled++;
    if (!Number.isNaN(last)) {
      if (parsed.day >= last) up++;
      if (parsed.day <= last) down++;
    }
    last = parsed.day;
  }
  return { filled, rows, ordered: Math.max(up, down) / Math.max(1, filled - 1) };
}

/** Does the signed column mark its credits (`12.50 CR`, `+12.50`) and leave its debits bare? */
function creditMarks(cells: Rows, column: number, start: number): 'cr' | 'plus' | undefined {
  let cr = 0;
  let dr = 0;
  let plus = 0;
  let minus = 0;
  let bare = 0;
  const limit = Math.min(cells.length, start + NEGATIVE_SAMPLE);
  for (let i = start; i < limit; i++) {
    const value = cells[i]?.[column];
    if (typeof value === 'number') {
      if (value < 0) minus++;
      else if (value > 0) bare++;
      continue;
    }
    if (typeof value !== 'string') continue;
    const text = trimPadding(value);
    if (text === '' || !/\d/.test(text)) continue;
    if (/\d\s*cr\.?$/i.test(text)) cr++;
    else if (/\d\s*dr\.?$/i.test(text)) dr++;
    else if (text.startsWith('+')) plus++;
    else if (text.startsWith('-') || text.startsWith('(') || text.startsWith('−')) minus++;
    else bare++;
  }
  if (cr > 0 && dr === 0 && minus === 0 && bare > 0) return 'cr';
  if (plus > 0 && minus === 0 && cr === 0 && dr === 0 && bare > 0) return 'plus';
  return undefined;
}

const NORMAL_DIRECTION_WORDS = {
  in: DESCRIPTION_DIRECTION_WORDS.in.map(normalizeLabel),
  out: DESCRIPTION_DIRECTION_WORDS.out.map(normalizeLabel),
};

/** The direction the first word of a description gives, if any. */
export function descriptionDirection(description: string): 'in' | 'out' | undefined {
  if (description === '') return undefined;
  const normal = normalizeLabel(description);
  if (NORMAL_DIRECTION_WORDS.in.some((word) => normal.startsWith(word))) return 'in';
  if (NORMAL_DIRECTION_WORDS.out.some((word) => normal.startsWith(word))) return 'out';
  return undefined;
}

/** Share of described rows whose description starts with a direction word, and whether both directions occur. */
function descriptionDirections(cells: Rows, column: number, start: number): { share: number; words: string } {
  let described = 0;
  let directed = 0;
  const seen = new Set<string>();
  const limit = Math.min(cells.length, start + SAMPLE_ROWS);
  for (let i = start; i < limit; i++) {
    const text = cellText(cells[i]?.[column]);
    if (text === '') continue;
    described++;
    const direction = descriptionDirection(text);
    if (direction) {
      directed++;
      if (seen.size < 4) seen.add(text.split(/[\s\-—:：(（]/)[0].slice(0, 6));
    }
  }
  return { share: described === 0 ? 0 : directed / described, words: [...seen].join('/') };
}

interface LayoutStage {
  plan: Omit<ReadingPlan, keyof ReadingChoice | 'columnHeaders'>;
  headerText(column: number | undefined): string;
}

/** Headers of a note column: a reference where a description sits beside it, else the description. */
const NOTE_HEADERS: ReadonlySet<string> = new Set(['备注', '備註', '附註', '附注', '附言', '交易附言', 'notes', 'note', 'remark', 'remarks', 'comment', 'comments'].map(normalizeLabel));

/** Headers of a 明细账's balance-side column (借/贷/平 beside 余额). */
const BALANCE_SIDE_HEADERS: ReadonlySet<string> = new Set(['方向', '余额方向', '餘額方向', '借或贷', '借或貸'].map(normalizeLabel));

/** The header row, the columns, dates, amounts and direction: everything but the reading. */
function planLayout(source: CellsSource, options: ReadOptions): LayoutStage {
  const cells: Rows = source.cells;
  const firstRow = source.firstRow ?? 1;
  const firstColumn = source.firstColumn ?? 0;
  const side = options.side;
  const decisions: Reason[] = [];
  const letter = (column: number) => columnLetter(firstColumn + column);
  let refusal: Reason | undefined;
  let headerProblem: Reason | undefined;

  let headerIndex = -1;
  if (options.headerRow !== undefined && options.headerRow > 0) {
    headerIndex = options.headerRow - firstRow;
    if (headerIndex < 0 || headerIndex >= cells.length) {
      headerProblem = { code: 'header-row-outside', params: { row: options.headerRow, first: firstRow, last: firstRow + cells.length - 1 } };
      headerIndex = -1;
    }
  } else if (options.headerRow === undefined) {
    headerIndex = findHeaderRow(cells);
  }
  const layout = headerIndex >= 0 ? layoutOfRow(cells[headerIndex] ?? []) : null;
  const headerText = (column: number | undefined) => (column === undefined || !layout ? '' : layout.texts[column] ?? '');

  const titleTexts: string[] = [];
  for (let i = 0; i < headerIndex; i++) {
    for (const value of cells[i] ?? []) {
      const text = cellText(value);
      if (text !== '') titleTexts.push(text);
    }
  }

  const explicitKind = options.kind;
  const bankLike = explicitKind ? explicitKind === 'bank-statement' || explicitKind === 'card-statement' : side === 'bank';
  let columns: ColumnMapping = layout ? rolesFromHeader(layout, bankLike) : {};
  let secondaryDate = layout?.secondaryDate;
  const dataStart = headerIndex + 1;
  const provisionalRules: DateRules = { order: options.dateOrder ?? 'MDY' };
  const complete = options.columnsComplete === true && options.columns !== undefined;
  let inferred = false;
  if (!complete && !layout && !(options.columns?.date !== undefined && (options.columns.amount !== undefined || options.columns.inflow !== undefined || options.columns.outflow !== undefined))) {
    const found = inferColumns(cells.slice(dataStart) as CellValue[][], provisionalRules);
    if (found) {
      columns = found.columns;
      inferred = true;
      decisions.push(found.decision);
    }
  }
  columns = complete ? { ...options.columns } : applyExplicit(columns, options.columns);
  // 用友/金蝶 明细账: 借方 | 贷方 | 方向 | 余额, where 方向 (借/贷/平) is the balance's side, not the line's.
  const balanceSide = columns.direction;
  let balanceSideColumn: number | undefined;
  if (
    balanceSide !== undefined &&
    options.columns?.direction === undefined &&
    columns.inflow !== undefined &&
    columns.outflow !== undefined &&
    columns.balance !== undefined &&
    Math.abs(balanceSide - columns.balance) === 1 &&
    BALANCE_SIDE_HEADERS.has(normalizeLabel(headerText(balanceSide)))
  ) {
    delete columns.direction;
    balanceSideColumn = balanceSide;
    decisions.push({ code: 'direction-is-balance-side', params: { column: letter(balanceSide), header: headerText(balanceSide), balance: headerText(columns.balance) || letter(columns.balance) } });
  }
  // A household's 备注 (晚上转的, 网上国网 还没扣) is what the line says, not a number: without a 摘要 it
  // is the description; beside one, other text (Entry.notes). Numbers written in either are still found.
  // (A bank's 附言 stays its reference: it is where payers write invoice numbers.)
  const noteCol = columns.reference;
  if (
    side === 'ledger' &&
    noteCol !== undefined &&
    options.columns?.reference === undefined &&
    NOTE_HEADERS.has(normalizeLabel(headerText(noteCol))) &&
    mostlyWords(cells, noteCol, dataStart)
  ) {
    delete columns.reference;
    if (columns.description === undefined && options.columns?.description === undefined) {
      columns.description = noteCol;
      decisions.push({ code: 'note-as-description', params: { column: letter(noteCol), header: headerText(noteCol) } });
    } else decisions.push({ code: 'note-as-text', params: { column: letter(noteCol), header: headerText(noteCol) } });
  }
  if (secondaryDate !== undefined && (options.columns?.date !== undefined || Object.values(columns).includes(secondaryDate))) secondaryDate = undefined;
  // a fallback date column must be a date column of the rows, not a mostly empty one (Stripe's dispute_date)
  if (secondaryDate !== undefined) {
    const shape = dateColumnShape(cells, secondaryDate, dataStart, provisionalRules);
    if (shape.filled < shape.rows / 2) secondaryDate = undefined;
  }

  // Among several date columns, the one filled on every row and ordered like the rows (Stripe's
  // `created` over an empty `dispute_date`)
  if (layout && columns.date !== undefined && options.columns?.date === undefined && layout.dateColumns.length > 1) {
    const shapes = layout.dateColumns.map((column) => ({ column, ...dateColumnShape(cells, column, dataStart, provisionalRules) }));
    const current = shapes.find((s) => s.column === columns.date)!;
    const full = shapes.find((s) => s.rows > 0 && s.filled === s.rows && s.ordered >= 0.9);
    if (full && full.column !== columns.date && current.filled < current.rows * 0.9) {
      decisions.push({
        code: 'date-column-chosen',
        params: { column: letter(full.column), header: headerText(full.column), other: letter(current.column), otherHeader: headerText(current.column), filled: current.filled, total: current.rows },
      });
      if (secondaryDate === full.column) secondaryDate = undefined;
      columns.date = full.column;
    }
  }

  const keyOf = (column: number): HeaderKey | undefined => {
    if (!layout) return undefined;
    for (const [key, c] of Object.entries(layout.keys)) if (c === column) return key as HeaderKey;
    return undefined;
  };
  const buckets = columnBuckets(columns, inferred ? () => undefined : keyOf, options.columns);

  if (layout) {
    const roles = ROLE_ORDER.filter((role) => columns[role] !== undefined)
      .map((role) => `${letter(columns[role]!)}\t${headerText(columns[role])}\t${role}`)
      .join('\n');
    decisions.push({ code: options.headerRow ? 'header-row-chosen' : 'header-row', params: { row: firstRow + headerIndex, roles } });
  }
  if (secondaryDate !== undefined && columns.date !== undefined) {
    decisions.push({ code: 'date-fallback', params: { column: letter(columns.date), header: headerText(columns.date), other: letter(secondaryDate), otherHeader: headerText(secondaryDate) } });
  }

  // A counterparty column empty on every sampled line (工商银行's card export: 对方户名 blank, the merchant under
  // 交易场所): the names come from another column whose header names them.
  if (layout && options.columns?.counterparty === undefined && columns.counterparty !== undefined && !hasText(cells, columns.counterparty, dataStart)) {
    const used = new Set(Object.values(columns));
    const other = layout.counterpartyColumns.find((c) => !used.has(c) && hasText(cells, c, dataStart));
    if (other !== undefined) {
      decisions.push({ code: 'counterparty-fallback', params: { column: letter(columns.counterparty), header: headerText(columns.counterparty), other: letter(other), otherHeader: headerText(other) } });
      columns.counterparty = other;
    }
  }

  // Payer and payee both named: the counterparty is whichever is not the account holder.
  const parties = layout && options.columns?.counterparty === undefined ? findPartyColumns(layout.texts, cells, dataStart) : undefined;
  if (parties && (columns.counterparty === undefined || columns.counterparty === parties.payer || columns.counterparty === parties.payee)) {
    columns.counterparty = parties.payer;
    decisions.push(
      parties.holder !== ''
        ? { code: 'parties-holder', params: { payer: headerText(parties.payer), payee: headerText(parties.payee), holder: parties.holder } }
        : { code: 'parties-by-direction', params: { payer: headerText(parties.payer), payee: headerText(parties.payee) } },
    );
  }

  const dateCol = columns.date;
  const amountCol = columns.amount;
  const hasAmount = amountCol !== undefined || columns.inflow !== undefined || columns.outflow !== undefined;
  if (!refusal && (dateCol === undefined || !hasAmount)) {
    const missing = dateCol === undefined && !hasAmount ? 'date-amount' : dateCol === undefined ? 'date' : 'amount';
    refusal = layout ? { code: 'no-columns', params: { missing, row: firstRow + headerIndex } } : { code: 'no-columns-no-header', params: { missing } };
  }

  // One amount column empty on the rows another, unnamed column carries: half of an in/out pair unread
  // (a lone amount column, or a money-in column whose money-out header was not known: Payment (-)).
  const loneAmount =
    columns.amount ?? (columns.inflow === undefined ? columns.outflow : columns.outflow === undefined ? columns.inflow : undefined);
  const amountsGiven = options.columns?.amount !== undefined || options.columns?.inflow !== undefined || options.columns?.outflow !== undefined;
  if (!refusal && loneAmount !== undefined && !amountsGiven && columns.direction === undefined) {
    const mapped = new Set(Object.values(columns).filter((c): c is number => c !== undefined));
    if (secondaryDate !== undefined) mapped.add(secondaryDate);
    const half = unreadAmountHalf(cells, dataStart, { ...columns, amount: loneAmount }, mapped);
    if (half) {
      refusal = {
        code: 'amount-other-half',
        params: {
          row: firstRow + half.firstIndex,
          column: letter(loneAmount),
          header: headerText(loneAmount) || letter(loneAmount),
          other: letter(half.column),
          otherHeader: headerText(half.column) || letter(half.column),
          count: half.rows,
          found: half.found,
        },
      };
    }
  }

  const moneyColumns = [amountCol, columns.inflow, columns.outflow, columns.balance, columns.fee].filter((c): c is number => c !== undefined);
  const dateColumns = [dateCol, secondaryDate].filter((c): c is number => c !== undefined);
  // Every decision below that rests on whole columns takes it from here (column-formats.ts).
  const evidence = gatherEvidence(cells, dataStart, {
    money: moneyColumns,
    dates: options.dateOrder ? [] : dateColumns,
    amount: amountCol !== undefined && !refusal ? amountCol : undefined,
    outflow: columns.outflow,
  });
  const styles = decideAmountStyles(evidence.marks);
  const styleOf = (column: number): AmountStyle => styles.get(column) ?? DOT_DECIMAL;
  for (const column of moneyColumns) {
    if (styleOf(column).decimalComma) decisions.push({ code: 'decimal-comma', params: { column: letter(column), header: headerText(column) || '—' } });
  }

  let order: DateOrder = options.dateOrder ?? 'MDY';
  let guessedFrom: string | undefined;
  if (options.dateOrder) decisions.push({ code: 'date-order-chosen', params: { order: `order-${options.dateOrder}` } });
  else {
    const decided = evidence.dates.find((d) => d.order !== undefined)?.order;
    const ambiguous = evidence.dates.find((d) => d.ambiguous !== undefined)?.ambiguous;
    if (decided) {
      order = decided.order;
      if (ambiguous) decisions.push({ code: 'date-order-forced', params: { order: decided.order === 'DMY' ? 'DMY' : 'MDY', example: decided.example } });
    } else if (ambiguous) {
      const european = moneyColumns.some((c) => styleOf(c).decimalComma);
      order = european ? 'DMY' : 'MDY';
      guessedFrom = ambiguous;
      decisions.push({ code: 'date-order-guessed', params: { example: ambiguous, order, why: european ? 'comma-why' : 'none' } });
    }
  }
  const titlePeriod = options.defaultYear === undefined ? periodFromTitles(titleTexts) : undefined;
  const period = options.defaultYear !== undefined ? { year: options.defaultYear } : titlePeriod?.period;

  const name = (column: number) => headerText(column) || letter(column);
  // A household's 类型 column of 收入 / 支出 beside one unsigned 金额: the header says nothing, the words do.
  // 消费 / 还款 / 退款 under any header (类型, 收支): a card's words, read from the card's side
  let cardDirection: string | undefined;
  if (columns.direction === undefined && amountCol !== undefined && !refusal && !evidence.amount!.negative && options.columns?.direction === undefined) {
    const found = directionByValues(cells, columns, dataStart);
    if (found) {
      columns.direction = found.column;
      if (found.card) cardDirection = found.words;
      else decisions.push({ code: 'direction-from-values', params: { column: letter(found.column), header: name(found.column), words: found.words } });
    }
  }
  const directionCol = columns.direction;
  if (cardDirection === undefined && directionCol !== undefined && amountCol !== undefined && !refusal && !evidence.amount!.negative) cardDirection = cardWords(cells, directionCol, dataStart);
  if (cardDirection !== undefined) decisions.push({ code: 'direction-card-words', params: { column: letter(directionCol!), header: name(directionCol!), words: cardDirection } });
  let useDirection = false;
  let markedCredits: 'cr' | 'plus' | undefined;
  let byDescription = false;
  if (amountCol !== undefined && !refusal) {
    const negative = evidence.amount!.negative;
    markedCredits = negative ? undefined : creditMarks(cells, amountCol, dataStart);
    if (directionCol !== undefined) {
      if (negative) decisions.push({ code: 'direction-not-needed', params: { header: name(amountCol), direction: name(directionCol) } });
      else {
        useDirection = true;
        markedCredits = undefined;
        decisions.push({ code: 'direction-used', params: { header: name(amountCol), direction: name(directionCol) } });
      }
    } else if (markedCredits) {
      decisions.push({ code: 'marked-credits', params: { header: name(amountCol), mark: markedCredits === 'cr' ? 'CR' : '+' } });
    } else if (!negative && columns.description !== undefined) {
      const directions = descriptionDirections(cells, columns.description, dataStart);
      if (directions.share >= 0.8) {
        byDescription = true;
        decisions.push({ code: 'direction-from-description', params: { header: name(amountCol), description: name(columns.description), words: directions.words } });
      }
    }
  }
  const outPreSigned = evidence.outflow !== undefined && allNegative(evidence.outflow);
  const taken = new Set<number>(Object.values(columns));
  const isAccountColumn = (text: string, column: number): boolean => {
    if (taken.has(column)) return false;
    const label = normalizeLabel(text);
    return ACCOUNT_HEADERS.has(label) || (LEDGER_ACCOUNT_HEADERS.has(label) && namesCashAccount(cells, column, dataStart));
  };
  // (科目代码 beside 科目名称: the name, which the set-aside lines are told by)
  const accountColumns = layout ? layout.texts.flatMap((text, column) => (isAccountColumn(text, column) ? [column] : [])) : [];
  const accountIndex = accountColumns.find((column) => /名称|名稱|name/i.test(layout!.texts[column])) ?? accountColumns[0] ?? -1;
  const accountColumn = accountIndex >= 0 ? accountIndex : undefined;

  return {
    plan: {
      side,
      firstRow,
      firstColumn,
      headerIndex,
      layout,
      titleTexts,
      columns,
      buckets,
      secondaryDate,
      ...(parties && columns.counterparty === parties.payer && { parties }),
      ...(accountColumn !== undefined && { accountColumn }),
      ...(balanceSideColumn !== undefined && { balanceSideColumn }),
      dateRules: { order, period },
      ...(guessedFrom !== undefined && { ambiguousDates: { example: guessedFrom, doubtful: false } }),
      titlePeriod,
      styles,
      useDirection,
      ...(useDirection && directionCol !== undefined && { directionDebitCredit: writesDebitCredit(cells, directionCol, dataStart) }),
      ...(useDirection && cardDirection !== undefined && { cardDirection: true }),
      outPreSigned,
      evidence,
      markedCredits,
      descriptionDirection: byDescription,
      refusal,
      headerProblem,
      decisions,
      readingGiven: options.kind !== undefined,
    },
    headerText,
  };
}

/** The buckets a side's rows can land in, given its columns and how directions are written. */
export function possibleBuckets(plan: Pick<ReadingPlan, 'buckets' | 'useDirection' | 'markedCredits' | 'descriptionDirection' | 'columns'>, reading: Reading): Set<MovementBucket> {
  const set = new Set<MovementBucket>();
  for (const bucket of plan.buckets.values()) {
    if (bucket === 'signed') {
      if (plan.useDirection) ['in', 'out', 'debit', 'credit'].forEach((b) => set.add(b as MovementBucket));
      else if (plan.markedCredits) ['debit', 'credit'].forEach((b) => set.add(b as MovementBucket));
      else if (plan.descriptionDirection) ['in', 'out'].forEach((b) => set.add(b as MovementBucket));
      else set.add('signed');
    } else set.add(bucket);
  }
  return set;
}

const ONE = new Decimal_(1);

/** The candidates offered for this side: its readings whose columns make them differ. */
export function candidateReadings(plan: LayoutStage['plan'], options: ReadOptions): Reading[] {
  if (options.kind !== undefined) return [chosenReading(plan.side, options.kind, options.oppositeSigns)];
  const base = chosenReading(plan.side, undefined, undefined);
  const buckets = possibleBuckets(plan, base);
  const signed = buckets.has('signed');
  const debitCredit = buckets.has('debit') || buckets.has('credit') || buckets.has('inflow-role') || buckets.has('outflow-role');
  return READINGS.filter((r) => r.side === plan.side && (!r.needsSigned || signed) && (!r.needsDebitCredit || debitCredit)).map((r) =>
    options.oppositeSigns ? { ...r, opposite: true } : r,
  );
}

/** Picks the best candidate; doubtful when the runner-up reads the rows differently and is close. */
export function chooseReading(scored: ScoredReading[]): ReadingChoice {
  const ranked = [...scored].sort((a, b) => Number(a.contradicted) - Number(b.contradicted) || b.score - a.score);
  const best = ranked[0];
  const rival = ranked.find((s) => !s.contradicted && s.signature !== best.signature);
  const doubtful = rival !== undefined && withinDoubt(best.score, rival.score);
  return { reading: best.reading, candidates: ranked, doubtful };
}

/** Signatures of the candidates: readings that read every row alike share one. */
export function signaturesOf(plan: LayoutStage['plan'], candidates: readonly Reading[]): Map<ReadingKey, string> {
  return new Map(candidates.map((r) => [r.key, signatureOf(r, possibleBuckets(plan, r), ONE)]));
}

export type SampleReader = (plan: Omit<ReadingPlan, 'columnHeaders'>, limit: number) => SampleMovement[];

/**
 * The whole plan: layout, then the candidate readings scored on the titles, headers and a sample of
 * the rows (read by `sample`, the row reader of stage 2 on its first rows).
 */
export function planReading(source: CellsSource, options: ReadOptions, sample: SampleReader): ReadingPlan {
  const { plan, headerText } = planLayout(source, options);
  const candidates = candidateReadings(plan, options);
  const signatures = signaturesOf(plan, candidates);
  let choice: ReadingChoice;
  if (candidates.length === 1 || plan.refusal) {
    const reading = candidates[0];
    choice = { reading, candidates: [{ reading, signature: reading.key, score: 0, evidence: [], contradicted: false }], doubtful: false };
  } else {
    const provisional: Omit<ReadingPlan, 'columnHeaders'> = { ...plan, reading: candidates[0], candidates: [], doubtful: false };
    const rows = sample(provisional, SAMPLE_ROWS);
    const headers = plan.layout ? plan.layout.texts.filter((t) => t !== '') : [];
    choice = chooseReading(scoreReadings(candidates, plan.titleTexts, headers, rows, signatures));
  }
  const columns = columnsForReading(plan, choice.reading);
  const columnHeaders: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLE_ORDER) {
    const column = columns[role];
    if (column !== undefined && headerText(column) !== '') columnHeaders[role] = headerText(column);
  }
  // a card whose signed amounts nothing explains cannot be read either way
  let refusal = plan.refusal;
  const amountCol = plan.columns.amount;
  if (!refusal && amountCol !== undefined && choice.reading.kind === 'card-statement' && choice.doubtful && !plan.readingGiven) {
    const rival = choice.candidates.find((c) => c.reading.flipSigned !== choice.reading.flipSigned);
    if (rival) refusal = { code: 'refused-card-sign', params: { column: columnLetter(plan.firstColumn + amountCol), header: headerText(amountCol) || '—' } };
  }
  const decisions = readingDecisions(choice, plan);
  return { ...plan, ...choice, columns, columnHeaders, refusal, decisions: [...decisions, ...plan.decisions] };
}

/**
 * The reading's decision lines: what it was read as, and why. What 借方/贷方 mean is said only to a side
 * that writes them (debit/credit columns or a 借/贷 direction), in the words of its own headers: a
 * register's "Debit (-)" stated as money out is not told "借方 read as money in".
 */
export function readingDecisions(
  choice: ReadingChoice,
  plan: Pick<ReadingPlan, 'readingGiven' | 'layout' | 'firstColumn' | 'columns' | 'buckets' | 'useDirection' | 'directionDebitCredit' | 'markedCredits' | 'descriptionDirection'>,
): Reason[] {
  const given = plan.readingGiven;
  const buckets = possibleBuckets(plan, choice.reading);
  const columnName = (column: number): string => plan.layout?.texts[column]?.trim() || columnLetter(plan.firstColumn + column);
  const amountHeader = plan.columns.amount !== undefined ? columnName(plan.columns.amount) : '';
  const reading = choice.reading;
  const best = choice.candidates[0];
  const lines: Reason[] = [];
  const kindWord = reading.key;
  if (given) lines.push({ code: 'kind-chosen', params: { kind: kindWord } });
  else if (choice.doubtful) {
    const rival = choice.candidates.find((c) => c.reading.key !== reading.key && c.reading.flipSigned !== reading.flipSigned) ?? choice.candidates[1];
    lines.push({ code: 'kind-doubtful', params: { kind: kindWord, other: rival.reading.key } });
  } else lines.push({ code: 'kind-decided', params: { kind: kindWord } });
  if (best && best.reading.key === reading.key) lines.push(...best.evidence);
  for (const other of choice.candidates) if (other.contradicted) lines.push(...other.evidence.filter((e) => e.code === 'evidence-balance-contradicts'));
  // a direction column of 收/支 only adds no 借/贷 to explain
  const fromDirection = plan.useDirection && !plan.directionDebitCredit;
  const debitCredit = !fromDirection && (buckets.has('debit') || buckets.has('credit') || buckets.has('inflow-role') || buckets.has('outflow-role'));
  if (debitCredit || (reading.kind !== 'cash-journal' && reading.kind !== 'bank-statement')) {
    // the columns that hold the debits and the credits under this reading, named as the side heads them
    const columns = columnsForReading(plan, reading);
    const roles = debitCreditRoles(reading.kind);
    const debit = columns[roles.debit];
    const credit = columns[roles.credit];
    const params: Record<string, string> = debit !== undefined && credit !== undefined ? { debit: columnName(debit), credit: columnName(credit) } : {};
    lines.push({ code: `meaning-${reading.kind}`, params });
  }
  if (reading.flipSigned) lines.push({ code: reading.side === 'ledger' ? 'signed-reversed-book' : 'signed-flipped', params: { header: amountHeader } });
  // a counterparty's own books on the other side; on our own cash book, signs the user reversed
  if (reading.opposite) lines.push(reading.side === 'ledger' && !isOwedLedger(reading.kind) ? { code: 'signs-reversed-chosen', params: {} } : { code: 'opposite-signs', params: {} });
  return lines;
}

/** Sum of decimals, for decisions. */
export function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((total, v) => total.plus(v), new Decimal_(0));
}

/** Pending date cells (`Pending`, 待入账): rows not posted yet. */
const NORMAL_PENDING = new Set(PENDING_WORDS.map(normalizeLabel));
export function isPendingDate(value: CellValue): boolean {
  return typeof value === 'string' && NORMAL_PENDING.has(normalizeLabel(value));
}
