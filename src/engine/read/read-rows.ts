/**
 * Stage 2 of reading a side: the rows, read with the plan (plan-reading.ts). Every row of the cells
 * ends up in exactly one of `entries` or `skipped`; every problem is an issue naming the row and column.
 * Messages are reason codes with params (src/i18n/read-texts.ts); `message`/`reason` hold the English.
 */
import { subHeaderTexts } from './header-row';
import { notesOf, otherTextColumns } from './other-text';
import Decimal from 'decimal.js';
import type { CellValue, DocumentType, Entry, ReadIssue, Reason, SideKind, SkipKind, SkippedLine } from '../types';
import { centsToDecimal, entryCents, exactCents } from '../cents';
import { fastCents } from './amount-cents';
import { ReadEntry } from './read-entry';
import { detached } from './detached-text';
import { formatReadText } from '../../i18n/read-texts';
import { DOT_DECIMAL, EMPTY_AMOUNT, parseAmount, type AmountParse } from './amount';
import { columnLetter } from './column-letter';
import { normalizeCurrency } from './currency';
import { parseDate, type DateParse, type OkDate } from './date';
import { balanceLabelKind } from './balance-lines';
import { balanceSideOf, resignedBalance, sidedBalance, sidedCents, writtenBalance, type BalanceSide } from './balance-side';
import { excludedStatus, readCardDirection, readDirection, type DirectionValue } from './direction';
import { isGenericHeader } from './header-words';
import { descriptionDirection, isPendingDate, type ReadingPlan, type Rows } from './plan-reading';
import { effectUnder, type MovementBucket, type Reading } from './readings';
import type { SampleMovement } from './reading-evidence';
import { cannotBeSummary, summaryOf, SummaryMemo, type SummaryMatch } from './summary-lines';
import { creditNoteDocument, saysCreditNote } from './credit-notes';
import { cellText, isBlankCell, isBlankRow, normalizeLabel, trimPadding } from './text';
import { TextPool } from './text-pool';
import { sectionParty, type SectionHeading } from './section-headings';
import { otherParty } from './party-columns';

/** The plan without what stage 2 does not need. */
export type RowPlan = Omit<ReadingPlan, 'columnHeaders'>;

export interface RowsRead {
  entries: Entry[];
  skipped: SkippedLine[];
  issues: ReadIssue[];
  /** Per entry, the bucket and value as written: a different reading re-signs entries from these. */
  buckets: MovementBucket[];
  values: WrittenValues;
  /** Decisions that only the rows can make (years of year-less dates, fees, bad balances). */
  decisions: Reason[];
  /** The cells of total lines among rows read from `rest` (by index into the table): their balances are read later. */
  totals: Map<number, readonly CellValue[]>;
  /** Entries whose row says it is a credit or debit note (credit-notes.ts): a reading makes them documents. */
  creditNotes: Set<number>;
  /** Rows naming the customer or supplier of the lines below them (section-headings.ts), in row order. */
  sections: SectionHeading[];
  /** Per entry, the side its balance stands on (a 明细账's 方向 column): a reading of another kind re-signs it. */
  balanceSides?: (BalanceSide | undefined)[];
}

/** How readRows takes its rows. */
export interface RowsOptions {
  /** The texts entries keep are copies (CellsSource.cutFromText). */
  cutFromText?: boolean;
  /** Rows after `cells` (a table streamed from a file): read once, in order, and let go as they are read. */
  rest?: Iterable<CellValue[]>;
}

/** The rows of `cells` from index `start` on, then `rest`. */
function* rowsFrom(cells: Rows, start: number, rest: Iterable<CellValue[]> | undefined): Generator<CellValue[] | undefined> {
  for (let i = start; i < cells.length; i++) yield cells[i];
  if (rest) yield* rest;
}

const english = (reason: Reason) => formatReadText(reason, 'en');

/** Amount headers that are already net of fees (PayPal's Net); any other amount beside a fee is gross. */
const NET_HEADERS = new Set(['net', 'netamount', 'netproceeds', '净额', '淨額', '实收金额', '實收金額', '结算金额', '結算金額', '到账金额', '到帳金額', '入账金额', '入帳金額']);

/** The first non-empty cell of a row, for reasons. */
function firstText(row: readonly CellValue[] | undefined): string {
  for (const value of row ?? []) {
    const text = cellText(value);
    if (text !== '') return text;
  }
  return '';
}

/**
 * Totals and footers show in the first filled cell, the date cell or the description; a total line may
 * also carry its label in any other text column (a dated closing line with `Total` under Details), where
 * only a cell that is a total word and little else counts (`TotalEnergies` is a name, `Total` a label).
 */
function summaryOfRow(row: readonly CellValue[], dateCol: number, descCol: number | undefined, dated: boolean, memo: SummaryMemo): SummaryMatch | null {
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' && !isBlankCell(value)) first = c;
    break;
  }
  const found =
    summaryOfCell(row, first, dated, memo) ??
    (dateCol !== first ? summaryOfCell(row, dateCol, dated, memo) : null) ??
    (descCol !== undefined && descCol !== first && descCol !== dateCol ? summaryOfCell(row, descCol, dated, memo) : null);
  if (found) return found;
  for (let c = 0; c < row.length; c++) {
    if (c === first || c === dateCol || c === descCol) continue;
    const label = summaryOfCell(row, c, true, memo);
    if (label?.kind === 'total') return label;
  }
  return null;
}

function summaryOfCell(row: readonly CellValue[], column: number, dated: boolean, memo: SummaryMemo): SummaryMatch | null {
  if (column < 0) return null;
  const value = row[column];
  // empty cells (half of every split amount pair) and digit-led ones (amounts, dates, numbers) are no label
  return typeof value === 'string' && value.length > 0 && !cannotBeSummary(value) ? summaryOf(value, dated, memo) : null;
}

/** References keep their digits as text; Excel's text-forcing apostrophes (`'5678…'`) go. */
function referenceText(value: CellValue): string {
  const text = cellText(value);
  if (text.length > 1 && text.startsWith("'")) return text.endsWith("'") ? text.slice(1, -1) : text.slice(1);
  return text;
}

/** `12/29`, `3月5日`: a date written without its year. */
function isYearless(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const text = trimPadding(value);
  // both shapes start with one or two digits and then a non-digit: `2025-03-05` is told at its third character
  if (!isDigitCode(text.charCodeAt(0)) || (isDigitCode(text.charCodeAt(1)) && isDigitCode(text.charCodeAt(2)))) return false;
  return YEARLESS.test(text);
}

const YEARLESS = /^\d{1,2}[-/]\d{1,2}(?:\s|$)|^\d{1,2}\s*月\s*\d{1,2}/;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isZero(parse: AmountParse): boolean {
  return parse.kind === 'ok' && parse.value.isZero();
}

/**
 * The values as written, one per entry, held as exact cents in one typed array; a value that is not
 * exact in cents (or is a negative zero) is kept aside as its Decimal.
 */
export class WrittenValues {
  private cents = new Float64Array(256);
  private readonly odd = new Map<number, Decimal>();
  length = 0;

  /** Adds a value: exact non-zero cents (|cents| < 2^50), or NaN and its Decimal. */
  push(cents: number, decimal?: Decimal): void {
    if (this.length === this.cents.length) {
      const grown = new Float64Array(this.cents.length * 2);
      grown.set(this.cents);
      this.cents = grown;
    }
    if (cents !== cents && decimal) this.odd.set(this.length, decimal);
    this.cents[this.length++] = cents;
  }

  /** Adds a Decimal, held as cents when it is exact in cents and not zero (a zero keeps its sign as a Decimal). */
  pushDecimal(value: Decimal): void {
    const cents = exactCents(value);
    if (cents === cents && cents !== 0) this.push(cents);
    else this.push(NaN, value);
  }

  /** Takes back the last value pushed (a row found to be no line after all). */
  dropLast(): void {
    this.length--;
    this.odd.delete(this.length);
  }

  /** Exact cents of value `i`, or NaN (then see `decimal`). */
  centsAt(i: number): number {
    return this.cents[i];
  }

  decimal(i: number): Decimal {
    const cents = this.cents[i];
    return cents === cents ? centsToDecimal(cents) : this.odd.get(i)!;
  }

  isNegative(i: number): boolean {
    const cents = this.cents[i];
    return cents === cents ? cents < 0 : this.odd.get(i)!.isNegative();
  }
}

/** What a value's sign in a bucket becomes under a reading: the effect is `times` × the value. */
interface SignedEffect {
  times: 1 | -1;
  document: DocumentType;
}

const ONE = new Decimal(1);
const MINUS_ONE = new Decimal(-1);
const TABLE_BUCKETS: readonly MovementBucket[] = ['in', 'out', 'debit', 'credit', 'signed', 'inflow-role', 'outflow-role'];

/**
 * Every reading turns a value into plus or minus itself, the choice depending on the bucket and the
 * value's sign only (readings.ts effectUnder): looked up once per reading, then applied to cents.
 */
export function effectTable(reading: Reading): Map<MovementBucket, [positive: SignedEffect, negative: SignedEffect]> {
  const table = new Map<MovementBucket, [SignedEffect, SignedEffect]>();
  for (const bucket of TABLE_BUCKETS) {
    const of = (value: Decimal): SignedEffect => {
      const effect = effectUnder(reading, bucket, value);
      return { times: effect.amount.isNegative() === value.isNegative() ? 1 : -1, document: effect.document };
    };
    table.set(bucket, [of(ONE), of(MINUS_ONE)]);
  }
  return table;
}

/** Reads the rows of `cells`, then `options.rest` (up to `limit` data rows), with the plan. */
export function readRows(cells: Rows, plan: RowPlan, limit = Infinity, options: RowsOptions = {}): RowsRead {
  const own = options.cutFromText ? detached : (text: string) => text;
  const totals = new Map<number, readonly CellValue[]>();
  const creditNotes = new Set<number>();
  const { side, firstRow, firstColumn, headerIndex, columns, reading } = plan;
  // Rows naming the customer or supplier of the lines below (section-headings.ts): noted, then skipped.
  const sections: SectionHeading[] = [];
  const heading = (index: number, row: readonly CellValue[] | undefined): Reason | null => {
    const name = sectionParty(row);
    if (name === null) return null;
    sections.push({ row: firstRow + index, name });
    return { code: 'skip-section', params: { name } };
  };
  const decisions: Reason[] = [];
  const issues: ReadIssue[] = [];
  const skipped: SkippedLine[] = [];
  const entries: Entry[] = [];
  const buckets: MovementBucket[] = [];
  const values = new WrittenValues();
  const letter = (column: number) => columnLetter(firstColumn + column);
  const headerText = (column: number | undefined) => (column === undefined || !plan.layout ? '' : plan.layout.texts[column] ?? '');
  const skip = (index: number, kind: SkipKind, why: Reason) => skipped.push({ side, row: firstRow + index, kind, reason: english(why), why });
  const issue = (row: number, severity: ReadIssue['severity'], why: Reason, column?: number) => {
    const found: ReadIssue = { side, row, severity, message: english(why), why };
    if (column !== undefined) found.column = letter(column);
    issues.push(found);
    return found.message;
  };
  const place = (index: number, column: number) => ({ row: firstRow + index, column: letter(column), header: headerText(column) });

  // Above and at the header
  for (let i = 0; i < headerIndex; i++) {
    const row = cells[i];
    if (isBlankRow(row)) skip(i, 'blank', { code: 'skip-blank-above', params: {} });
    else if ((row ?? []).some((v) => typeof v === 'string' && isGenericHeader(trimPadding(v)))) skip(i, 'title', { code: 'skip-generic-header', params: {} });
    else skip(i, 'title', heading(i, row) ?? { code: 'skip-title', params: { found: firstText(row) } });
  }
  if (headerIndex >= 0) skip(headerIndex, 'header', { code: 'skip-header', params: {} });

  // Nothing can be read: every row says why
  if (plan.headerProblem) issue(plan.headerProblem.params.row as number, 'error', plan.headerProblem);
  if (plan.refusal) {
    const row = typeof plan.refusal.params.row === 'number' ? plan.refusal.params.row : plan.layout ? firstRow + headerIndex : firstRow;
    issue(row, 'error', plan.refusal);
    let i = Math.max(0, headerIndex + 1) - 1;
    for (const row of rowsFrom(cells, i + 1, options.rest)) {
      i++;
      if (isBlankRow(row)) skip(i, 'blank', { code: 'skip-blank', params: {} });
      else skip(i, 'unparseable', plan.refusal);
    }
    return { entries, skipped, issues, buckets, values, decisions, totals, creditNotes, sections };
  }

  const dateCol = columns.date!;
  const amountCol = columns.amount;
  const inCol = columns.inflow;
  const outCol = columns.outflow;
  const directionCol = columns.direction;
  const statusCol = columns.status;
  const balanceCol = columns.balance;
  const balanceSideCol = balanceCol !== undefined ? plan.balanceSideColumn : undefined;
  const balanceSides: (BalanceSide | undefined)[] | undefined = balanceSideCol !== undefined ? [] : undefined;
  const feeCol = columns.fee;
  const cpCol = columns.counterparty;
  const parties = plan.parties;
  const refCol = columns.reference;
  const descCol = columns.description;
  const currencyCol = columns.currency;
  const secondaryDate = plan.secondaryDate;
  // a paper-style book writes the year on a line of its own (2024年) above its month/day dates
  let rules = plan.dateRules;
  const headerCells = plan.layout?.texts ?? [];
  // Every other text column (附言, 备注, Memo…) is kept as notes: a reference may be written there.
  const noteCols = otherTextColumns(headerCells, columns);
  const normalizedHeaderDate = headerCells[dateCol] ? normalizeLabel(headerCells[dateCol]) : '';
  const amountBucket = amountCol !== undefined ? plan.buckets.get(amountCol) : undefined;
  // kept as written ('inflow-role' stays so): a different reading re-signs from these
  const inBucket: MovementBucket = inCol !== undefined ? plan.buckets.get(inCol) ?? 'inflow-role' : 'in';
  const outBucket: MovementBucket = outCol !== undefined ? plan.buckets.get(outCol) ?? 'outflow-role' : 'out';
  const splitRejectsBoth = reading.kind !== 'bank-statement' && reading.kind !== 'cash-journal' && reading.kind !== 'card-statement';

  const directionCache = new Map<string, DirectionValue | 'empty' | undefined>();
  const summaryMemo = new SummaryMemo();
  const statusCache = new Map<string, string | undefined>();
  const dateHint = { index: 0 };
  const secondHint = { index: 0 };
  const dateMemo = new Map<string, DateParse>();
  const counterparties = new TextPool(own);
  const accountCol = plan.accountColumn;
  const accounts = new TextPool(own);
  const secondMemo = new Map<string, DateParse>();
  let footerFrom = 0;
  let lastDate: OkDate | null = null;
  let lastEntryIndex = -2;
  let carriedDates = 0;
  let firstCarriedRow = 0;
  let yearlessRead = 0;
  let badBalances = 0;
  let badBalanceExample = '';
  let badBalanceRow = 0;
  let feeCount = 0;
  let feeTotal: Decimal | null = null;
  const amountIsNet = amountCol !== undefined && NET_HEADERS.has(normalizeLabel(headerText(amountCol)));
  // each column's decimal mark, looked up once
  const styleOf = (column: number | undefined) => (column === undefined ? DOT_DECIMAL : plan.styles.get(column) ?? DOT_DECIMAL);
  const amountStyle = styleOf(amountCol);
  const inStyle = styleOf(inCol);
  const outStyle = styleOf(outCol);
  const balanceStyle = styleOf(balanceCol);
  const feeStyle = styleOf(feeCol);
  const amountCells = amountCol !== undefined ? [amountCol] : [inCol, outCol].filter((c): c is number => c !== undefined);

  const warnAnnotation = (index: number, column: number, parse: { value: Decimal; annotation?: string }) =>
    issue(firstRow + index, 'warning', { code: 'amount-note', params: { ...place(index, column), value: parse.value.toFixed(), note: parse.annotation ?? '' } }, column);
  const invalidAmount = (index: number, column: number, text: string): Reason => {
    const why: Reason = { code: 'cell-expected', params: { ...place(index, column), expected: 'expected-amount', found: text } };
    issue(firstRow + index, 'error', why, column);
    return why;
  };
  const table = effectTable(reading);
  // The row's effect: exact cents (effectCents), or a Decimal (effectValue) when the value is not exact in cents.
  let effectCents = NaN;
  let effectValue: Decimal | undefined;
  let effectDocument: DocumentType = 'movement';
  /** Records a value as written in a bucket (cents, or NaN and its Decimal) and its effect under the reading. */
  const put = (bucket: MovementBucket, cents: number, value: Decimal | undefined) => {
    buckets.push(bucket);
    if (cents === cents) {
      values.push(cents);
      const signed = table.get(bucket)![cents < 0 ? 1 : 0];
      effectCents = signed.times * cents;
      effectValue = undefined;
      effectDocument = signed.document;
    } else {
      values.pushDecimal(value!);
      const effect = effectUnder(reading, bucket, value!);
      effectCents = NaN;
      effectValue = effect.amount;
      effectDocument = effect.document;
    }
  };

  // A dated line with no movement whose label starts with a balance word (上期結轉, 上月结余, `Balance
  // forward (INV-1038 of 11/10)`): its balance cell is the opening (or closing) balance, read as one.
  const statedBalanceLine = (index: number, row: readonly CellValue[]): boolean => {
    for (const value of row) {
      if (typeof value !== 'string') continue;
      const kind = balanceLabelKind(value);
      if (kind === null) continue;
      skip(index, 'total', { code: kind === 'opening' ? 'skip-opening-line' : 'skip-closing-line', params: { found: cellText(value) } });
      if (index >= cells.length) totals.set(index, row as CellValue[]);
      return true;
    }
    return false;
  };

  let dataRows = 0;
  let i = headerIndex;
  for (const row of rowsFrom(cells, headerIndex + 1, options.rest)) {
    i++;
    const rowNumber = firstRow + i;
    if (!row || isBlankRow(row)) {
      skip(i, 'blank', { code: 'skip-blank', params: {} });
      continue;
    }
    if (i === headerIndex + 1 && headerIndex >= 0) {
      const sub = subHeaderTexts(row);
      if (sub !== null) {
        // The header's second row: say which of its columns the amounts are read from.
        const words = [...new Set(sub)].join(' / ');
        skip(i, 'header', { code: 'skip-subheader', params: { words } });
        const read = [amountCol, inCol, outCol, balanceCol].filter((c): c is number => c !== undefined && cellText(row[c]) !== '');
        if (read.length > 0) {
          const columns = read.map((c) => `${letter(c)} ${headerText(c)} ${cellText(row[c])}`.replace(/\s+/g, ' ')).join(', ');
          decisions.push({ code: 'sub-header', params: { row: rowNumber, words, columns } });
        }
        continue;
      }
    }
    if (++dataRows > limit) break;

    const yearLine = yearLineOf(row);
    if (yearLine !== undefined) {
      rules = { ...rules, period: { year: yearLine } };
      dateMemo.clear();
      secondMemo.clear();
      skip(i, 'note', { code: 'skip-year-line', params: { year: yearLine } });
      continue;
    }
    let date: DateParse = parseDate(row[dateCol], rules, dateHint, dateMemo);
    let dateFrom = dateCol;
    if (date.kind === 'empty' && secondaryDate !== undefined) {
      date = parseDate(row[secondaryDate], rules, secondHint, secondMemo);
      dateFrom = secondaryDate;
    }
    const dated = date.kind === 'ok';

    const summary = summaryOfRow(row, dateCol, descCol, dated, summaryMemo);
    if (summary) {
      const section = summary.kind === 'note' ? heading(i, row) : null;
      if (section) {
        skip(i, 'note', section);
        continue;
      }
      if (summary.kind === 'note' && footerFrom === 0 && i > headerIndex + 1) footerFrom = rowNumber;
      skip(i, summary.kind, { code: summaryCode(summary), params: { found: summary.text } });
      if (summary.kind === 'total' && i >= cells.length) totals.set(i, row);
      continue;
    }
    if (!dated && normalizedHeaderDate !== '' && typeof row[dateCol] === 'string' && normalizeLabel(row[dateCol] as string) === normalizedHeaderDate) {
      skip(i, 'header', { code: 'skip-repeated-header', params: { header: headerCells[dateCol] } });
      continue;
    }

    if (statusCol !== undefined) {
      const status = cellText(row[statusCol]);
      let excluded = statusCache.get(status);
      if (excluded === undefined && !statusCache.has(status)) {
        excluded = excludedStatus(status);
        if (statusCache.size < 10000) statusCache.set(status, excluded);
      }
      if (excluded !== undefined) {
        skip(i, 'excluded', { code: 'skip-excluded-status', params: { header: headerText(statusCol) || 'Status', found: status } });
        continue;
      }
      // PayPal's Pending, a bill's 处理中: not posted, as a pending date cell says (no balance moved yet)
      if (isPendingDate(status)) {
        skip(i, 'excluded', { code: 'skip-pending', params: { ...place(i, statusCol), found: status } });
        continue;
      }
    }
    let direction: DirectionValue | 'empty' | undefined;
    if (directionCol !== undefined) {
      const raw = typeof row[directionCol] === 'string' ? trimPadding(row[directionCol] as string) : cellText(row[directionCol]);
      direction = directionCache.get(raw);
      if (direction === undefined && !directionCache.has(raw)) {
        direction = readDirection(raw) ?? (plan.cardDirection ? readCardDirection(raw) : undefined);
        if (directionCache.size < 10000) directionCache.set(raw, direction);
      }
      if (direction === 'neutral' || (plan.useDirection && direction === 'empty')) {
        skip(i, 'excluded', { code: 'skip-neutral-direction', params: { header: headerText(directionCol) || 'Direction', found: raw } });
        const size = direction === 'neutral' && date.kind === 'ok' && amountCol !== undefined ? parseAmount(row[amountCol], amountStyle) : EMPTY_AMOUNT;
        if (size.kind === 'ok' && !size.value.isZero() && date.kind === 'ok') skipped[skipped.length - 1].neutral = { date: date.iso, day: date.day, amount: size.value.abs() };
        continue;
      }
    }

    // A day's date written once, on its first line (or a date cell merged down the day's lines): a
    // line with an amount and no date, right below a dated line, is of that day; the decisions say so.
    let carried = false;
    if (date.kind === 'empty' && lastDate !== null && lastEntryIndex === i - 1 && !amountCells.every((c) => isBlankCell(row[c]))) {
      date = lastDate;
      carried = true;
    }
    if (date.kind !== 'ok') {
      if (isPendingDate(row[dateFrom])) {
        skip(i, 'excluded', { code: 'skip-pending', params: { ...place(i, dateFrom), found: cellText(row[dateFrom]) } });
        continue;
      }
      if (amountCells.every((c) => isBlankCell(row[c]))) {
        const section = heading(i, row);
        if (section) {
          skip(i, 'note', section);
          continue;
        }
        if (footerFrom === 0 && entries.length > 0) footerFrom = rowNumber;
        const found = firstText(row);
        skip(i, 'note', footerFrom > 0 && footerFrom < rowNumber ? { code: 'skip-footer', params: { from: footerFrom, found } } : { code: 'skip-no-date-amount', params: { found } });
        continue;
      }
      const why: Reason =
        date.kind === 'no-year'
          ? { code: 'date-no-year', params: { ...place(i, dateFrom), found: date.text } }
          : { code: 'cell-expected', params: { ...place(i, dateFrom), expected: 'expected-date', found: date.kind === 'invalid' ? date.text : '' } };
      issue(rowNumber, 'error', why, dateFrom);
      skip(i, 'unparseable', why);
      continue;
    }

    if (amountCol !== undefined) {
      const cell = row[amountCol];
      let cents = fastCents(cell, amountStyle);
      let value: Decimal | undefined;
      if (cents !== cents) {
        const parse = parseAmount(cell, amountStyle);
        if (parse.kind === 'invalid') {
          skip(i, 'unparseable', invalidAmount(i, amountCol, parse.text));
          continue;
        }
        if (parse.kind === 'empty' || parse.value.isZero()) {
          if (statedBalanceLine(i, row)) continue;
          skip(i, 'blank', { code: parse.kind === 'empty' ? 'skip-no-amount' : 'skip-zero-amount', params: place(i, amountCol) });
          continue;
        }
        if (parse.annotation !== undefined) warnAnnotation(i, amountCol, parse);
        value = parse.value;
      } else if (cents === 0) {
        skip(i, 'blank', { code: 'skip-zero-amount', params: place(i, amountCol) });
        continue;
      }
      if (plan.useDirection) {
        if (direction === undefined) {
          const why: Reason = { code: 'cell-expected', params: { ...place(i, directionCol!), expected: 'expected-direction', found: cellText(row[directionCol!]) } };
          issue(rowNumber, 'error', why, directionCol!);
          skip(i, 'unparseable', why);
          continue;
        }
        put(direction as Exclude<DirectionValue, 'neutral'>, cents, value);
      } else if (plan.markedCredits) {
        const text = typeof cell === 'string' ? trimPadding(cell) : '';
        const marked = plan.markedCredits === 'cr' ? /cr\.?$/i.test(text) : text.startsWith('+');
        if (cents === cents) cents = Math.abs(cents);
        else value = value!.abs();
        put(marked ? 'credit' : 'debit', cents, value);
      } else if (plan.descriptionDirection) {
        const said = descriptionDirection(descCol !== undefined ? cellText(row[descCol]) : '');
        if (said === undefined) {
          const why: Reason = { code: 'cell-expected', params: { ...place(i, descCol!), expected: 'expected-direction', found: cellText(row[descCol!]) } };
          issue(rowNumber, 'error', why, descCol!);
          skip(i, 'unparseable', why);
          continue;
        }
        put(said, cents, value);
      } else {
        put(amountBucket ?? 'signed', cents, value);
      }
    } else {
      // money in and money out: most cells read as exact cents; the others (and empty cells) are parsed
      let inCents = NaN;
      let outCents = NaN;
      let inParse: AmountParse = EMPTY_AMOUNT;
      let outParse: AmountParse = EMPTY_AMOUNT;
      if (inCol !== undefined) {
        inCents = fastCents(row[inCol], inStyle);
        if (inCents !== inCents) inParse = parseAmount(row[inCol], inStyle);
      }
      if (outCol !== undefined) {
        outCents = fastCents(row[outCol], outStyle);
        if (outCents !== outCents) outParse = parseAmount(row[outCol], outStyle);
      }
      const problems: Reason[] = [];
      if (inParse.kind === 'invalid') problems.push(invalidAmount(i, inCol!, inParse.text));
      if (outParse.kind === 'invalid') problems.push(invalidAmount(i, outCol!, outParse.text));
      if (problems.length > 0) {
        skipped.push({ side, row: rowNumber, kind: 'unparseable', reason: problems.map(english).join('; '), why: problems[0] });
        continue;
      }
      const hasIn = inCents === inCents ? inCents !== 0 : inParse.kind === 'ok' && !isZero(inParse);
      const hasOut = outCents === outCents ? outCents !== 0 : outParse.kind === 'ok' && !isZero(outParse);
      if (!hasIn && !hasOut) {
        if (statedBalanceLine(i, row)) continue;
        const names = [inCol, outCol]
          .filter((c): c is number => c !== undefined)
          .sort((a, b) => a - b)
          .map((c) => `${letter(c)}${headerText(c) ? ` (${headerText(c)})` : ''}`);
        skip(i, 'blank', { code: 'skip-no-split-amount', params: { row: rowNumber, columns: names.join(' / ') } });
        continue;
      }
      if (hasIn && hasOut && splitRejectsBoth) {
        const inHeader = headerText(inCol) || letter(inCol ?? 0);
        const outHeader = headerText(outCol) || letter(outCol ?? 0);
        const why: Reason = { code: 'both-amounts', params: { row: rowNumber, inHeader, outHeader } };
        issue(rowNumber, 'error', why);
        skip(i, 'unparseable', why);
        continue;
      }
      if (hasIn && inParse.kind === 'ok' && inParse.annotation !== undefined) warnAnnotation(i, inCol!, inParse);
      if (hasOut && outParse.kind === 'ok' && outParse.annotation !== undefined) warnAnnotation(i, outCol!, outParse);
      const inValue = hasIn && inParse.kind === 'ok' ? inParse.value : undefined;
      let outValue = hasOut && outParse.kind === 'ok' ? outParse.value : undefined;
      if (hasOut && plan.outPreSigned) {
        if (outCents === outCents) outCents = -outCents;
        else outValue = outValue!.negated();
      }
      if (hasIn && hasOut) {
        // both filled (a bank that allows it): the net, in decimal.js
        issue(rowNumber, 'warning', { code: 'both-amounts-difference', params: { row: rowNumber, inHeader: headerText(inCol) || 'money in', outHeader: headerText(outCol) || 'money out' } });
        const inEffect = effectUnder(reading, inBucket, inValue ?? centsToDecimal(inCents));
        const outEffect = effectUnder(reading, outBucket, outValue ?? centsToDecimal(outCents));
        const net = inEffect.amount.plus(outEffect.amount);
        put('in', NaN, net);
        effectValue = net;
        effectDocument = outEffect.document;
      } else if (hasIn) put(inBucket, inCents, inValue);
      else put(outBucket, outCents, outValue);
    }

    // A credit note booked where receipts go is a document, not money (credit-notes.ts)
    if (saysCreditNote(row, [directionCol, descCol])) {
      creditNotes.add(entries.length);
      const note = creditNoteDocument(reading, effectDocument);
      if (note) {
        effectDocument = note;
        if (effectCents === effectCents) effectCents = -effectCents;
        else effectValue = effectValue!.negated();
      }
    }

    let balanceCents = NaN;
    let balance: Decimal | null = null;
    if (balanceCol !== undefined) {
      balanceCents = fastCents(row[balanceCol], balanceStyle);
      if (balanceCents !== balanceCents) {
        const parse = parseAmount(row[balanceCol], balanceStyle);
        if (parse.kind === 'ok') balance = parse.value;
        else if (parse.kind === 'invalid') {
          if (badBalances === 0) {
            badBalanceExample = parse.text;
            badBalanceRow = rowNumber;
          }
          badBalances++;
        }
      }
      if (balanceSides) {
        // a balance written with a minus (贷 -800.00) is signed already: its side only repeats it
        const signedAlready = balanceCents < 0 || (balance !== null && balance.isNegative());
        const written = signedAlready ? undefined : balanceSideOf(cellText(row[balanceSideCol!]));
        balanceSides.push(written);
        if (written !== undefined) {
          balanceCents = sidedCents(balanceCents, written, reading.kind);
          if (balance) balance = sidedBalance(balance, written, reading.kind);
        }
      }
    }

    // A subtotal nobody labelled (`,,,,103.78,2,140.13` below a day's lines): no date, no words, and the
    // running balance does not move, or the amount is the sum of the lines right above. Read as a line
    // of that day it would count the day's money twice.
    if (carried && textColumnsBlank(row, [descCol, cpCol, refCol, ...noteCols])) {
      const cents = effectCents;
      const sumAbove = cents === cents ? sumOfLinesAbove(entries, rowNumber, cents) : 0;
      const previous = entries.length > 0 ? entries[entries.length - 1].balance : null;
      const balanceStill = balanceCol !== undefined && previous !== null && ((balance ?? (balanceCents === balanceCents ? centsToDecimal(balanceCents) : null))?.equals(previous) ?? false);
      if (sumAbove >= 2 || balanceStill) {
        const found = amountCells.map((c) => cellText(row[c])).filter((t) => t !== '').join(' / ');
        skip(i, 'total', sumAbove >= 2 ? { code: 'skip-unlabelled-subtotal', params: { found, lines: sumAbove } } : { code: 'skip-unlabelled-balance-still', params: { found } });
        if (i >= cells.length) totals.set(i, row);
        buckets.pop();
        values.dropLast();
        if (balanceSides) balanceSides.pop();
        continue;
      }
    }
    if (carried && carriedDates++ === 0) firstCarriedRow = rowNumber;

    const entry = new ReadEntry(
      side,
      entries.length,
      rowNumber,
      date.iso,
      date.day,
      effectCents,
      effectValue,
      effectDocument,
      cpCol === undefined ? '' : counterparties.get(parties ? otherParty(parties, row, effectCents === effectCents ? effectCents > 0 : effectValue!.isPositive()) : cellText(row[cpCol])),
      refCol !== undefined ? own(referenceText(row[refCol])) : '',
      descCol !== undefined ? own(cellText(row[descCol])) : '',
      currencyCol !== undefined ? normalizeCurrency(cellText(row[currencyCol])) : '',
      balanceCents,
      balance,
    );
    if (noteCols.length > 0) {
      const notes = notesOf(row, noteCols);
      entry.notes = notes === undefined ? undefined : own(notes);
    }
    if (accountCol !== undefined) entry.account = accounts.get(cellText(row[accountCol]));
    if (feeCol !== undefined) {
      const fee = parseAmount(row[feeCol], feeStyle);
      if (fee.kind === 'ok' && !fee.value.isZero()) {
        entry.fee = fee.value;
        if (amountCol !== undefined) {
          const size = entry.amount.abs();
          const other = amountIsNet ? size.plus(fee.value.abs()) : size.minus(fee.value.abs());
          if (other.isPositive() && !other.isZero()) entry.feeAlternative = other;
        }
        feeCount++;
        feeTotal = feeTotal ? feeTotal.plus(fee.value) : fee.value;
      }
    }
    entries.push(entry);
    lastDate = date;
    lastEntryIndex = i;
    if (rules.period && isYearless(row[dateFrom])) yearlessRead++;
  }

  if (carriedDates > 0) decisions.push({ code: 'dates-carried', params: { count: carriedDates, row: firstCarriedRow, column: letter(dateCol), header: headerText(dateCol) || letter(dateCol) } });
  const period = rules.period;
  if (yearlessRead > 0 && period) {
    if (!plan.titlePeriod) decisions.push({ code: 'yearless-chosen', params: { year: period.year } });
    else {
      const month = period.month ? `-${String(period.month).padStart(2, '0')}` : '';
      decisions.push({ code: month ? 'yearless-from-title-month' : 'yearless-from-title', params: { count: yearlessRead, found: plan.titlePeriod.source, period: `${period.year}${month}` } });
    }
  }
  // UOB's Available Balance: 0.0 on every line while money moves. No running balance at all: a
  // statement that took it would call the bank's balance 0.00 and show the real one as a difference.
  if (balanceCol !== undefined && entries.length >= 2 && everyBalanceZero(entries)) {
    for (const entry of entries) entry.balance = null;
    decisions.push({ code: 'balance-all-zero', params: { column: letter(balanceCol), header: headerText(balanceCol) || letter(balanceCol) } });
  }
  if (badBalances > 0 && balanceCol !== undefined) {
    issue(badBalanceRow, 'warning', { code: badBalances > 1 ? 'bad-balances' : 'bad-balance', params: { column: letter(balanceCol), header: headerText(balanceCol) || 'balance', count: badBalances, found: badBalanceExample } }, balanceCol);
  }
  if (feeCount > 0 && feeCol !== undefined && amountCol !== undefined) {
    decisions.push({ code: amountIsNet ? 'net-with-fee' : 'gross-with-fee', params: { header: headerText(amountCol) || letter(amountCol), fee: headerText(feeCol) || letter(feeCol), count: feeCount, total: feeTotal!.toFixed(2) } });
  }
  if (plan.outPreSigned && outCol !== undefined) {
    decisions.push({ code: 'outflow-presigned', params: { header: headerText(outCol) || letter(outCol), bucket: reading.kind === 'bank-statement' || reading.kind === 'cash-journal' || reading.kind === 'card-statement' ? 'out' : 'credit-side' } });
  }
  return { entries, skipped, issues, buckets, values, decisions, totals, creditNotes, sections, ...(balanceSides && { balanceSides }) };
}

/** The first rows as the plan stage samples them. */
export function sampleRows(cells: Rows, plan: RowPlan, limit: number): SampleMovement[] {
  const read = readRows(cells, plan, limit);
  return read.entries.map((entry, i) => ({
    bucket: read.buckets[i],
    value: read.values.decimal(i),
    description: entry.description,
    counterparty: entry.counterparty,
    ...sampledBalance(entry.balance, read.balanceSides?.[i], plan.reading.kind),
  }));
}

/** A sampled row's balance as written, and its side when a 方向 column writes one (each reading signs it). */
function sampledBalance(balance: Decimal | null, side: BalanceSide | undefined, kind: SideKind): Pick<SampleMovement, 'balance' | 'balanceSide'> {
  if (side === undefined || balance === null) return { balance };
  return { balance: writtenBalance(balance, side, kind), balanceSide: side };
}

/**
 * Entries re-signed under another reading, from the buckets and values they were written with (credit
 * notes made documents again where the new reading reads them as money; balances written with their
 * side signed as the new kind reads that side).
 */
export function resign(
  entries: Entry[],
  buckets: readonly MovementBucket[],
  values: WrittenValues,
  reading: RowPlan['reading'],
  creditNotes: ReadonlySet<number> = new Set(),
  balanceSides?: { sides: readonly (BalanceSide | undefined)[]; from: SideKind },
): void {
  const table = effectTable(reading);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const balanceSide = balanceSides?.sides[i];
    if (balanceSide !== undefined && entry.balance !== null) entry.balance = resignedBalance(entry.balance, balanceSide, balanceSides!.from, reading.kind);
    const cents = values.centsAt(i);
    const note = creditNotes.has(i);
    if (cents === cents && cents !== 0 && entry instanceof ReadEntry) {
      const signed = table.get(buckets[i])![cents < 0 ? 1 : 0];
      const document = note ? creditNoteDocument(reading, signed.document) : null;
      entry.setCents(document ? -signed.times * cents : signed.times * cents);
      entry.document = document ?? signed.document;
    } else {
      const effect = effectUnder(reading, buckets[i], values.decimal(i));
      const document = note ? creditNoteDocument(reading, effect.document) : null;
      entry.amount = document ? effect.amount.negated() : effect.amount;
      entry.document = document ?? effect.document;
    }
  }
}

/** 2024年 / 2024 年度 alone on a line: the year of the month/day dates below it. */
const YEAR_LINE = /^(\d{4})\s*年度?$/;

function yearLineOf(row: readonly CellValue[]): number | undefined {
  let year: number | undefined;
  for (const value of row) {
    if (value === null || value === undefined || value === '') continue;
    // every data row comes here: most leave at their first cell, a date or a number
    if (year !== undefined || typeof value !== 'string' || value.length > 12 || value.indexOf('年') < 0) return undefined;
    const match = YEAR_LINE.exec(value.trim());
    if (!match) return undefined;
    const found = Number(match[1]);
    if (found < 1900 || found > 2200) return undefined;
    year = found;
  }
  return year;
}

/** Two balances or more stated, every one of them zero (stops at the first that is not). */
function everyBalanceZero(entries: readonly Entry[]): boolean {
  let stated = 0;
  for (const entry of entries) {
    const balance = entry.balance;
    if (balance === null) continue;
    if (!balance.isZero()) return false;
    stated++;
  }
  return stated >= 2;
}

/** An opening or closing balance line is named as one (期初余额 is no 合计行), a total as a total. */
function summaryCode(summary: { kind: 'total' | 'note'; text: string }): string {
  if (summary.kind === 'note') return 'skip-note';
  const balance = balanceLabelKind(summary.text);
  return balance === 'opening' ? 'skip-opening-line' : balance === 'closing' ? 'skip-closing-line' : 'skip-total';
}

/** Whether every one of these columns is empty on the row (undefined columns count as empty). */
function textColumnsBlank(row: readonly CellValue[], columns: readonly (number | undefined)[]): boolean {
  return columns.every((c) => c === undefined || isBlankCell(row[c]));
}

/**
 * How many lines right above (consecutive rows, at most 50) add up to `cents`, in size; 0 when no run of
 * two or more does. A day's subtotal adds the day's lines, each of them in one direction.
 */
function sumOfLinesAbove(entries: readonly Entry[], rowNumber: number, cents: number): number {
  const target = Math.abs(cents);
  let sum = 0;
  let row = rowNumber;
  for (let k = entries.length - 1, n = 1; k >= 0 && n <= 50; k--, n++) {
    const entry = entries[k];
    if (entry.row !== row - 1) return 0;
    row = entry.row;
    const c = entryCents(entry);
    if (c !== c) return 0;
    sum += Math.abs(c);
    if (sum === target) return n >= 2 ? n : 0;
    if (sum > target) return 0;
  }
  return 0;
}
