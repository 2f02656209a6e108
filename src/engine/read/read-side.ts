/**
 * One side's cells → entries. The steps, each in its own file:
 *   header-row      which row names the columns (or infer-columns when there is none)
 *   header-words    which role each header names
 *   side-kind       what 借方/贷方 mean here, and the sign of every entry
 *   column-formats  per-column decisions: decimal mark, signed or not
 *   date / amount   the cell parsers
 *   summary-lines   totals and footers, which are skipped with a reason
 * Every row of the cells ends up in exactly one of `entries` or `skipped`.
 */
import type Decimal from 'decimal.js';
import type {
  CellValue,
  CellsSource,
  ColumnMapping,
  ColumnRole,
  Entry,
  ReadIssue,
  ReadOptions,
  ReadResult,
  SkipKind,
  SkippedLine,
} from '../types';
import { DOT_DECIMAL, EMPTY_AMOUNT, parseAmount, type AmountParse, type AmountStyle } from './amount';
import { columnLetter } from './column-letter';
import { allNegative, columnStrings, decideAmountStyles, hasNegative } from './column-formats';
import { normalizeCurrency } from './currency';
import { decideDateOrder, hasAmbiguousDates, parseDate, periodFromTitles, type DateOrder, type DateParse, type DateRules } from './date';
import { excludedStatus, readDirection, type DirectionValue } from './direction';
import { findHeaderRow, layoutOfRow, type HeaderLayout } from './header-row';
import { isGenericHeader } from './header-words';
import { inferColumns } from './infer-columns';
import { notesOf, otherTextColumns } from './other-text';
import { cellPlace, expectedMessage, EXPECTED_AMOUNT, EXPECTED_DATE, foundText } from './messages';
import { debitCreditRoles, decideKind, effectOf, effectOfSigned, splitBucket, type Effect } from './side-kind';
import { summaryOf, type SummaryMatch } from './summary-lines';
import { readBalanceLines } from './balance-lines';
import { cellText, isBlankCell, isBlankRow, normalizeLabel, trimPadding } from './text';

type Rows = readonly (CellValue[] | undefined)[];

const ROLE_ORDER: readonly ColumnRole[] = [
  'date', 'amount', 'inflow', 'outflow', 'direction', 'counterparty', 'reference', 'description', 'currency', 'balance', 'status',
];

const ROLE_WORDS: Record<ColumnRole, string> = {
  date: 'date', amount: 'amount', inflow: 'money in', outflow: 'money out', direction: 'direction',
  counterparty: 'counterparty', reference: 'reference', description: 'description', currency: 'currency',
  balance: 'balance', status: 'status',
};

/** Roles from the header words; debit/credit land on inflow/outflow as the kind says. */
function rolesFromHeader(layout: HeaderLayout, kind: ReturnType<typeof decideKind>['kind']): ColumnMapping {
  const keys = layout.keys;
  const columns: ColumnMapping = {};
  for (const role of ROLE_ORDER) if (keys[role] !== undefined) columns[role] = keys[role];
  const dc = debitCreditRoles(kind);
  if (keys.debit !== undefined && columns[dc.debit] === undefined) columns[dc.debit] = keys.debit;
  if (keys.credit !== undefined && columns[dc.credit] === undefined) columns[dc.credit] = keys.credit;
  // a split pair wins over a lone amount column; a lone split column loses to an amount column
  if (columns.inflow !== undefined && columns.outflow !== undefined) delete columns.amount;
  else if (columns.amount !== undefined) {
    delete columns.inflow;
    delete columns.outflow;
  }
  return columns;
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

function isZero(parse: AmountParse): boolean {
  return parse.kind === 'ok' && parse.value.isZero();
}

export function readSide(source: CellsSource, options: ReadOptions): ReadResult {
  const cells: Rows = source.cells;
  const firstRow = source.firstRow ?? 1;
  const firstColumn = source.firstColumn ?? 0;
  const side = options.side;
  const decisions: string[] = [];
  const issues: ReadIssue[] = [];
  const skipped: SkippedLine[] = [];
  const entries: Entry[] = [];
  const letter = (column: number) => columnLetter(firstColumn + column);
  const skip = (index: number, kind: SkipKind, reason: string) => skipped.push({ side, row: firstRow + index, kind, reason });

  // 1. The header row
  let headerIndex = -1;
  if (options.headerRow !== undefined && options.headerRow > 0) {
    headerIndex = options.headerRow - firstRow;
    if (headerIndex < 0 || headerIndex >= cells.length) {
      issues.push({ side, row: options.headerRow, severity: 'error', message: `Header row ${options.headerRow} is outside the data (rows ${firstRow}–${firstRow + cells.length - 1})` });
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

  // 2. The kind, then the roles
  const { kind, decision: kindDecision } = decideKind(side, titleTexts, layout ? layout.texts.filter((t) => t !== '') : [], options.kind);
  decisions.push(kindDecision);

  let columns: ColumnMapping = layout ? rolesFromHeader(layout, kind) : {};
  let secondaryDate = layout?.secondaryDate;
  const dataStart = headerIndex + 1;

  // rules before the columns are known: used by positional inference
  const provisionalRules: DateRules = { order: options.dateOrder ?? 'MDY' };
  const complete = options.columnsComplete === true && options.columns !== undefined;
  if (!complete && !layout && !(options.columns?.date !== undefined && (options.columns.amount !== undefined || options.columns.inflow !== undefined || options.columns.outflow !== undefined))) {
    const inferred = inferColumns(cells.slice(dataStart) as CellValue[][], provisionalRules);
    if (inferred) {
      columns = inferred.columns;
      decisions.push(inferred.decision);
    }
  }
  columns = complete ? { ...options.columns } : applyExplicit(columns, options.columns);
  if (secondaryDate !== undefined && (options.columns?.date !== undefined || Object.values(columns).includes(secondaryDate))) {
    secondaryDate = undefined;
  }

  const columnHeaders: Partial<Record<ColumnRole, string>> = {};
  for (const role of ROLE_ORDER) {
    const column = columns[role];
    if (column !== undefined && headerText(column) !== '') columnHeaders[role] = headerText(column);
  }
  if (layout) {
    const parts = ROLE_ORDER.filter((role) => columns[role] !== undefined).map(
      (role) => `${letter(columns[role]!)} ${headerText(columns[role]) || '(no header)'} → ${ROLE_WORDS[role]}`,
    );
    decisions.push(`Header row ${firstRow + headerIndex}${options.headerRow ? ' (chosen)' : ''}: ${parts.join(', ')}`);
  }
  if (secondaryDate !== undefined) {
    decisions.push(`Dates from ${letter(columns.date!)} (${headerText(columns.date)}); where it is empty, from ${letter(secondaryDate)} (${headerText(secondaryDate)})`);
  }

  const dateCol = columns.date;
  const amountCol = columns.amount;
  const inCol = columns.inflow;
  const outCol = columns.outflow;
  const hasAmount = amountCol !== undefined || inCol !== undefined || outCol !== undefined;

  // Without a date and an amount column nothing can be read; every row says why.
  if (dateCol === undefined || !hasAmount) {
    const missing = dateCol === undefined && !hasAmount ? 'a date column and an amount column' : dateCol === undefined ? 'a date column' : 'an amount column';
    const message = `Could not find ${missing}${layout ? ` in header row ${firstRow + headerIndex}` : ' (no header row was recognised)'}; choose the header row and columns`;
    issues.push({ side, row: layout ? firstRow + headerIndex : firstRow, severity: 'error', message });
    for (let i = 0; i < cells.length; i++) {
      if (i === headerIndex) skip(i, 'header', 'Header row');
      else if (isBlankRow(cells[i])) skip(i, 'blank', 'Empty row');
      else skip(i, 'unparseable', message);
    }
    return { side, headerRow: layout ? firstRow + headerIndex : 0, columns, columnHeaders, kind, decisions, entries, skipped, issues };
  }

  // 3. Per-column decisions
  const moneyColumns = [amountCol, inCol, outCol, columns.balance].filter((c): c is number => c !== undefined);
  const styles = decideAmountStyles(cells, moneyColumns, dataStart);
  const styleOf = (column: number): AmountStyle => styles.get(column) ?? DOT_DECIMAL;
  for (const column of moneyColumns) {
    if (styleOf(column).decimalComma) decisions.push(`Amounts in ${letter(column)} (${headerText(column) || 'no header'}) use a decimal comma (1.234,56)`);
  }

  let order: DateOrder = options.dateOrder ?? 'MDY';
  const dateColumns = [dateCol, secondaryDate].filter((c): c is number => c !== undefined);
  if (!options.dateOrder) {
    const evidence = dateColumns.map((c) => decideDateOrder(columnStrings(cells, c, dataStart))).find((e) => e !== undefined);
    const ambiguous = dateColumns.map((c) => hasAmbiguousDates(columnStrings(cells, c, dataStart))).find((e) => e !== undefined);
    if (evidence) {
      order = evidence.order;
      if (ambiguous) decisions.push(`Dates read as ${evidence.order === 'DMY' ? 'day/month' : 'month/day'}/year: ${evidence.example} fits no other order`);
    } else if (ambiguous) {
      const european = moneyColumns.some((c) => styleOf(c).decimalComma);
      order = european ? 'DMY' : 'MDY';
      decisions.push(
        `Dates such as ${ambiguous} fit both month/day and day/month; read as ${order === 'DMY' ? 'day/month (the amounts use a decimal comma)' : 'month/day'} — set the date order if that is wrong`,
      );
    }
  }
  const titlePeriod = options.defaultYear === undefined ? periodFromTitles(titleTexts) : undefined;
  const period = options.defaultYear !== undefined ? { year: options.defaultYear } : titlePeriod?.period;
  const rules: DateRules = { order, period };

  const directionCol = columns.direction;
  let useDirection = false;
  if (amountCol !== undefined && directionCol !== undefined) {
    if (hasNegative(cells, amountCol, dataStart)) {
      decisions.push(`${headerText(amountCol) || letter(amountCol)} carries its own signs; ${headerText(directionCol) || letter(directionCol)} is not needed for the direction`);
    } else {
      useDirection = true;
      decisions.push(`${headerText(amountCol) || letter(amountCol)} has no signs; ${headerText(directionCol) || letter(directionCol)} says money in or out`);
    }
  } else if (amountCol !== undefined && kind === 'bank-statement' && !hasNegative(cells, amountCol, dataStart)) {
    decisions.push(`${headerText(amountCol) || letter(amountCol)} has no negative amounts and there is no direction column: every amount read as money in`);
  }
  const outPreSigned = outCol !== undefined && allNegative(cells, outCol, dataStart);
  if (outPreSigned) decisions.push(`${headerText(outCol) || letter(outCol!)} is written with minus signs already; read as money ${kind === 'bank-statement' || kind === 'cash-journal' ? 'out' : 'on the credit side'} without negating twice`);

  const statusCol = columns.status;
  const balanceCol = columns.balance;
  const cpCol = columns.counterparty;
  const refCol = columns.reference;
  const descCol = columns.description;
  const currencyCol = columns.currency;
  const headerCells = layout?.texts ?? [];
  const noteCols = otherTextColumns(headerCells, columns);
  const normalizedHeaderDate = dateCol !== undefined && headerCells[dateCol] ? normalizeLabel(headerCells[dateCol]) : '';

  // 4. Title lines and the header itself
  for (let i = 0; i < headerIndex; i++) {
    const row = cells[i];
    if (isBlankRow(row)) skip(i, 'blank', 'Empty row above the header');
    else if ((row ?? []).some((v) => typeof v === 'string' && isGenericHeader(trimPadding(v)))) skip(i, 'title', 'Generic column names (Column1, Column2 …) above the real header');
    else skip(i, 'title', `Above the header row: ${foundText(firstText(row))}`);
  }
  if (headerIndex >= 0) skip(headerIndex, 'header', 'Header row');

  // 5. The rows
  const directionCache = new Map<string, DirectionValue | 'empty' | undefined>();
  const statusCache = new Map<string, string | undefined>();
  const dateHint = { index: 0 };
  const secondHint = { index: 0 };
  let footerFrom = 0;
  let yearlessRead = 0;
  let badBalances = 0;
  let badBalanceExample = '';
  let badBalanceRow = 0;
  const place = (index: number, column: number) => cellPlace(firstRow + index, letter(column), headerText(column));

  const warnAnnotation = (index: number, column: number, parse: { value: Decimal; annotation?: string }) => {
    issues.push({
      side, row: firstRow + index, column: letter(column), severity: 'warning',
      message: `${place(index, column)}: read ${parse.value.toFixed()}; the note "(${parse.annotation})" after it is not part of the amount`,
    });
  };
  const invalidAmount = (index: number, column: number, text: string) => {
    const message = expectedMessage(place(index, column), EXPECTED_AMOUNT, text);
    issues.push({ side, row: firstRow + index, column: letter(column), severity: 'error', message });
    return message;
  };
  const amountStyle = amountCol !== undefined ? styleOf(amountCol) : DOT_DECIMAL;
  const inStyle = inCol !== undefined ? styleOf(inCol) : DOT_DECIMAL;
  const outStyle = outCol !== undefined ? styleOf(outCol) : DOT_DECIMAL;
  const balanceStyle = balanceCol !== undefined ? styleOf(balanceCol) : DOT_DECIMAL;
  const amountCells = amountCol !== undefined ? [amountCol] : [inCol, outCol].filter((c): c is number => c !== undefined);

  for (let i = dataStart; i < cells.length; i++) {
    const row = cells[i];
    const rowNumber = firstRow + i;
    if (!row || isBlankRow(row)) {
      skip(i, 'blank', 'Empty row');
      continue;
    }

    let date: DateParse = parseDate(row[dateCol], rules, dateHint);
    let dateFrom = dateCol;
    if (date.kind === 'empty' && secondaryDate !== undefined) {
      date = parseDate(row[secondaryDate], rules, secondHint);
      dateFrom = secondaryDate;
    }
    const dated = date.kind === 'ok';

    const summary = summaryOfRow(row, dateCol, descCol, dated);
    if (summary) {
      if (summary.kind === 'note' && footerFrom === 0 && i > dataStart) footerFrom = rowNumber;
      skip(i, summary.kind, summary.kind === 'total' ? `Total line: ${foundText(summary.text)}` : `Note line: ${foundText(summary.text)}`);
      continue;
    }
    if (!dated && normalizedHeaderDate !== '' && typeof row[dateCol] === 'string' && normalizeLabel(row[dateCol] as string) === normalizedHeaderDate) {
      skip(i, 'header', `Repeated header row (${headerCells[dateCol]})`);
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
        skip(i, 'excluded', `${headerText(statusCol) || 'Status'} is ${foundText(status)}: no money moved`);
        continue;
      }
    }
    let direction: DirectionValue | 'empty' | undefined;
    if (directionCol !== undefined) {
      const raw = typeof row[directionCol] === 'string' ? trimPadding(row[directionCol] as string) : cellText(row[directionCol]);
      direction = directionCache.get(raw);
      if (direction === undefined && !directionCache.has(raw)) {
        direction = readDirection(raw);
        if (directionCache.size < 10000) directionCache.set(raw, direction);
      }
      if (direction === 'neutral' || (useDirection && direction === 'empty')) {
        const shown = raw === '' ? 'empty' : `"${raw}"`;
        skip(i, 'excluded', `${headerText(directionCol) || 'Direction'} is ${shown}: neither money in nor out`);
        continue;
      }
    }

    if (date.kind !== 'ok') {
      if (amountCells.every((c) => isBlankCell(row[c]))) {
        if (footerFrom === 0 && entries.length > 0) footerFrom = rowNumber;
        skip(i, 'note', footerFrom > 0 && footerFrom < rowNumber ? `Footer text after the table (from row ${footerFrom}): ${foundText(firstText(row))}` : `No date and no amount: ${foundText(firstText(row))}`);
        continue;
      }
      const message =
        date.kind === 'no-year'
          ? `${place(i, dateFrom)}: the date ${foundText(date.text)} has no year and no title line names one; set the year`
          : expectedMessage(place(i, dateFrom), EXPECTED_DATE, date.kind === 'invalid' ? date.text : '');
      issues.push({ side, row: rowNumber, column: letter(dateFrom), severity: 'error', message });
      skip(i, 'unparseable', message);
      continue;
    }
    // amounts
    let effect: Effect | null = null;

    if (amountCol !== undefined) {
      const parse = parseAmount(row[amountCol], amountStyle);
      if (parse.kind === 'invalid') {
        skip(i, 'unparseable', invalidAmount(i, amountCol, parse.text));
        continue;
      }
      if (parse.kind === 'empty' || parse.value.isZero()) {
        skip(i, 'blank', `${place(i, amountCol)}: ${parse.kind === 'empty' ? 'no amount' : 'the amount is zero'}`);
        continue;
      }
      if (parse.annotation !== undefined) warnAnnotation(i, amountCol, parse);
      if (useDirection) {
        if (direction === undefined) {
          const raw = cellText(row[directionCol!]);
          const message = expectedMessage(place(i, directionCol!), '收入/支出, 借/贷 or Credit/Debit', raw);
          issues.push({ side, row: rowNumber, column: letter(directionCol!), severity: 'error', message });
          skip(i, 'unparseable', message);
          continue;
        }
        effect = effectOf(kind, direction as Exclude<DirectionValue, 'neutral'>, parse.value);
      } else {
        effect = effectOfSigned(kind, parse.value);
      }
    } else {
      const inParse = inCol !== undefined ? parseAmount(row[inCol], inStyle) : EMPTY_AMOUNT;
      const outParse = outCol !== undefined ? parseAmount(row[outCol], outStyle) : EMPTY_AMOUNT;
      const messages: string[] = [];
      if (inParse.kind === 'invalid') messages.push(invalidAmount(i, inCol!, inParse.text));
      if (outParse.kind === 'invalid') messages.push(invalidAmount(i, outCol!, outParse.text));
      if (messages.length > 0) {
        skip(i, 'unparseable', messages.join('; '));
        continue;
      }
      const hasIn = inParse.kind === 'ok' && !isZero(inParse);
      const hasOut = outParse.kind === 'ok' && !isZero(outParse);
      if (!hasIn && !hasOut) {
        const names = [inCol, outCol].filter((c): c is number => c !== undefined).sort((a, b) => a - b).map((c) => `${letter(c)}${headerText(c) ? ` (${headerText(c)})` : ''}`);
        skip(i, 'blank', `Row ${rowNumber}: no amount in ${names.join(' or ')}`);
        continue;
      }
      if (hasIn && hasOut && kind !== 'bank-statement' && kind !== 'cash-journal') {
        const message = `Row ${rowNumber}: both ${headerText(inCol) || letter(inCol!)} and ${headerText(outCol) || letter(outCol!)} hold an amount; split it into two rows`;
        issues.push({ side, row: rowNumber, severity: 'error', message });
        skip(i, 'unparseable', message);
        continue;
      }
      let total: Decimal | null = null;
      let document: Effect['document'] = 'movement';
      if (hasIn && inParse.kind === 'ok') {
        if (inParse.annotation !== undefined) warnAnnotation(i, inCol!, inParse);
        const e = effectOf(kind, splitBucket(kind, 'inflow'), inParse.value);
        total = e.amount;
        document = e.document;
      }
      if (hasOut && outParse.kind === 'ok') {
        if (outParse.annotation !== undefined) warnAnnotation(i, outCol!, outParse);
        const e = effectOf(kind, splitBucket(kind, 'outflow'), outPreSigned ? outParse.value.negated() : outParse.value);
        total = total ? total.plus(e.amount) : e.amount;
        document = e.document;
      }
      if (hasIn && hasOut) {
        issues.push({ side, row: rowNumber, severity: 'warning', message: `Row ${rowNumber}: both ${headerText(inCol) || 'money in'} and ${headerText(outCol) || 'money out'} hold an amount; read as their difference` });
      }
      effect = { amount: total!, document };
    }
    if (!effect) continue;

    let balance: Decimal | null = null;
    if (balanceCol !== undefined) {
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

    entries.push({
      side,
      index: entries.length,
      row: rowNumber,
      date: date.iso,
      day: date.day,
      amount: options.oppositeSigns ? effect.amount.negated() : effect.amount,
      document: effect.document,
      counterparty: cpCol !== undefined ? cellText(row[cpCol]) : '',
      reference: refCol !== undefined ? referenceText(row[refCol]) : '',
      description: descCol !== undefined ? cellText(row[descCol]) : '',
      currency: currencyCol !== undefined ? normalizeCurrency(cellText(row[currencyCol])) : '',
      ...(noteCols.length > 0 && { notes: notesOf(row, noteCols) }),
      balance,
    });
    if (period && isYearless(row[dateFrom])) yearlessRead++;
  }

  if (yearlessRead > 0 && period) {
    decisions.push(
      options.defaultYear !== undefined
        ? `Dates without a year read in ${options.defaultYear} (chosen)`
        : `Dates without a year (${yearlessRead}) read in the statement period from the title ${foundText(titlePeriod!.source)}: ${period.year}${period.month ? `-${String(period.month).padStart(2, '0')}; months more than six away fall in the neighbouring year` : ''}`,
    );
  }
  if (badBalances > 0 && balanceCol !== undefined) {
    issues.push({
      side, row: badBalanceRow, column: letter(balanceCol), severity: 'warning',
      message: `Column ${letter(balanceCol)} (${headerText(balanceCol) || 'balance'}): ${badBalances} balance${badBalances > 1 ? 's' : ''} could not be read (e.g. ${foundText(badBalanceExample)}); balances left empty`,
    });
  }
  if (options.oppositeSigns) decisions.push('Signs reversed: this is the counterparty’s own ledger');

  return {
    side,
    headerRow: layout ? firstRow + headerIndex : 0,
    columns,
    columnHeaders,
    kind,
    decisions,
    entries,
    skipped,
    issues,
    balances: readBalanceLines({ side, cells, firstRow, columns, skipped, dateRules: rules, styleOf }),
  };
}

/** The first non-empty cell of a row, for reasons. */
function firstText(row: readonly CellValue[] | undefined): string {
  for (const value of row ?? []) {
    const text = cellText(value);
    if (text !== '') return text;
  }
  return '';
}

/** Totals and footers show in the first filled cell, the date cell or the description. */
function summaryOfRow(row: readonly CellValue[], dateCol: number, descCol: number | undefined, dated: boolean): SummaryMatch | null {
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' && !isBlankCell(value)) first = c;
    break;
  }
  return (
    summaryOfCell(row, first, dated) ??
    (dateCol !== first ? summaryOfCell(row, dateCol, dated) : null) ??
    (descCol !== undefined && descCol !== first && descCol !== dateCol ? summaryOfCell(row, descCol, dated) : null)
  );
}

function summaryOfCell(row: readonly CellValue[], column: number, dated: boolean): SummaryMatch | null {
  if (column < 0) return null;
  const value = row[column];
  return typeof value === 'string' ? summaryOf(value, dated) : null;
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
  return /^\d{1,2}[-/]\d{1,2}(?:\s|$)|^\d{1,2}\s*月\s*\d{1,2}/.test(text);
}
