/**
 * The engine's plain-data vocabulary. Everything here is host-free: no Office, React or DOM.
 * Amounts are decimal.js from the first cell to the last total; a JS number never holds money.
 */
import type Decimal from 'decimal.js';

/** One cell as a host hands it over: Excel's values, a CSV's strings, an .xlsx file's values. */
export type CellValue = string | number | boolean | null | undefined;

export type Side = 'ledger' | 'bank';

/**
 * What a column means. `inflow`/`outflow` are a split pair (收入/支出, 借方/贷方, Deposits/Withdrawals);
 * `direction` holds a word that signs an unsigned `amount` (收/支, 借 Dr/贷 Cr, DEBIT/CREDIT).
 */
export type ColumnRole =
  | 'date'
  | 'amount'
  | 'inflow'
  | 'outflow'
  | 'direction'
  | 'counterparty'
  | 'reference'
  | 'description'
  | 'currency'
  | 'balance'
  | 'status'
  | 'fee';

/** Role → 0-based column index within the cells handed to the reader. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/**
 * What kind of book a side is; it decides what 借方/贷方 (debit/credit) mean.
 * - bank-statement: the bank's own view; 借方发生额/Debit is money OUT of the account.
 * - cash-journal: 银行存款日记账, the company's view; 借方 is money IN.
 * - receivables-ledger: 应收账款明细账; 借方 is an invoice raised, 贷方 a receipt.
 * - payables-ledger: 应付账款明细账; 贷方 is a bill received, 借方 a payment made.
 * - card-statement: a credit card's statement, read from the cardholder's side: purchases are money out.
 */
export type SideKind = 'bank-statement' | 'card-statement' | 'cash-journal' | 'receivables-ledger' | 'payables-ledger';

/** What a row is, beyond its cash effect. Invoices/bills are what receipts/payments settle. */
export type DocumentType = 'movement' | 'invoice' | 'receipt' | 'bill' | 'payment';

/** An invoice or a bill: a line asking for money, not money moved (the others are all money moved). */
export function isInvoiceOrBill(document: DocumentType | string | undefined): boolean {
  return document === 'invoice' || document === 'bill';
}

/** One transaction row, read and parsed. */
export interface Entry {
  side: Side;
  /** Position in its side's `entries` array; matches refer to entries by this index. */
  index: number;
  /** The source's own 1-based row number (CSV line number, sheet row number). */
  row: number;
  /** ISO date yyyy-mm-dd. */
  date: string;
  /** Whole days since 1970-01-01 of `date`, for date windows. */
  day: number;
  /**
   * Signed cash effect on OUR bank account: positive = money in, negative = money out.
   * For an invoice in a receivables ledger it is the money the invoice should bring in (positive).
   * With the `opposite` sign convention (a counterparty's own ledger) the reader negates it.
   */
  amount: Decimal;
  /**
   * `amount` in exact integer cents (NaN when it is not exact in cents), when the reader already knows
   * it; read it through cents.ts `entryCents`, which falls back to the Decimal.
   */
  readonly cents?: number;
  document: DocumentType;
  counterparty: string;
  reference: string;
  description: string;
  currency: string;
  /**
   * Text of the side's other text columns (a 备注 or 用途 beside the 附言 read as the reference, a second
   * 摘要), joined with spaces: references are looked for there too. Absent when there are none.
   */
  notes?: string;
  /** The account the line went through (账户 column of a 出纳流水账 kept for several accounts), when the side names one. */
  account?: string;
  /** Running balance as the source states it, when it has one and it parses. */
  balance: Decimal | null;
  /** A payment platform's fee on this line (Gross/Fee/Net exports), as written. */
  fee?: Decimal;
  /**
   * The size the other side may have booked instead of `amount`'s, when the line has a fee: the gross
   * (|net| + |fee|) when the amount column is the net, the net when it is the gross. Positive; it
   * takes `amount`'s sign. A shop books PayPal's Gross and the month's fees apart; its bank sees the Net.
   */
  feeAlternative?: Decimal;
}

/** Why a row is not an entry: title/summary lines, blanks, rows that could not be parsed. */
export type SkipKind =
  | 'title' // bank name, 账号, 户名, 查询期间 … above the header
  | 'header' // the header row itself, or a repeated header (page breaks)
  | 'total' // 合计, 本页合计, Total, Balance forward …
  | 'blank'
  | 'note' // footers such as 以上数据仅供参考
  | 'excluded' // a status that is not a movement (交易关闭, 不计收支, refunds noted elsewhere)
  | 'other-account' // a line of another account in a sheet kept for several (read/accounts.ts)
  | 'other-counterparty' // our line with another customer than the one whose own ledger is the other side (往来对账)
  | 'unparseable'; // a cell could not be read; see `issues`

export interface SkippedLine {
  side: Side;
  row: number;
  kind: SkipKind;
  /** In English; names the column and what was expected where that applies. */
  reason: string;
  /** The same as a code with params, for hosts to render in the user's language (src/i18n/read-texts.ts). */
  why?: Reason;
  /**
   * A wallet's transfer between one's own pockets (WeChat 收/支 `/`, Alipay 不计收支): not money in or
   * out of the bill, but a book that keeps the pocket records it. Its date and size (unsigned), so an
   * unmatched book line of the same size can be pointed at it (report/neutral-counterparts.ts).
   */
  neutral?: { date: string; day: number; amount: Decimal };
}

/** A problem with one cell or one decision, for the user to see. */
export interface ReadIssue {
  side: Side;
  row: number;
  /** Column letter in the source (A, B, … AA), when the issue is about one cell. */
  column?: string;
  severity: 'error' | 'warning';
  /** In English, e.g. `Row 14, column F (借方金额): expected an amount such as 1,234.50, found "abc"`. */
  message: string;
  /** The same as a code with params, for hosts to render in the user's language (src/i18n/read-texts.ts). */
  why?: Reason;
}

/** Where a side's cells came from, so reported rows and columns are the source's own. */
export interface CellsSource {
  cells: CellValue[][];
  /** 1-based sheet row of cells[0] (default 1). */
  firstRow?: number;
  /** 0-based sheet column of cells[x][0] (default 0), for column letters in messages. */
  firstColumn?: number;
  /**
   * The cells were cut from one long text (a CSV or .xlsx file parsed in this thread): a JavaScript
   * engine may keep a cut piece as a view holding its whole chunk of the file alive, so the reader
   * keeps its own copies of the texts an entry keeps (read/detached-text.ts). Cells from Excel or
   * from another thread are separate strings already; copying them would only cost time.
   */
  cutFromText?: boolean;
  /**
   * The table goes on after `cells`: a file read as it is parsed, `cells` its first rows
   * (PLAN_HEAD_ROWS or more). Its other rows are read once and let go as they are read, so a million
   * rows of cells never live at once.
   */
  stream?: TableStream;
}

/** The rows of a streamed table beyond its first ones (CellsSource.stream). */
export interface TableStream {
  /**
   * The rows after the first ones, in order; asked for once. A stream that cannot go on as it began
   * (a file whose later bytes are not in the encoding its start was read in) throws RestartReading.
   */
  rest(): Iterable<CellValue[]>;
  /**
   * Every row of the table, read again from its start: asked for when the first rows could not stand
   * for the whole (too few to plan from, or a later row contradicts a decision made on them).
   */
  whole(): CellValue[][];
}

export interface ReadOptions {
  side: Side;
  /** Explicit header row (1-based source row); detected when absent. */
  headerRow?: number;
  /** Explicit roles; each given role overrides detection, the rest are still detected. */
  columns?: ColumnMapping;
  /**
   * `columns` is the whole mapping: no other role is detected. The pane sets it once the user has
   * corrected a role, so a column they marked "not used" stays unused.
   */
  columnsComplete?: boolean;
  /** Explicit kind; detected from headers when absent (bank side defaults to bank-statement). */
  kind?: SideKind;
  /** Explicit order for ambiguous numeric dates; decided per column from the data when absent. */
  dateOrder?: 'YMD' | 'MDY' | 'DMY';
  /** Year for dates written without one (MM/DD); otherwise inferred from titles, or an error. */
  defaultYear?: number;
  /** Negate amounts: the side is a counterparty's own ledger (their payables vs our receivables). */
  oppositeSigns?: boolean;
}

/** One way to read a side, with what it gives. */
export interface ReadingOption {
  /** A key of src/engine/read/readings.ts: cash-journal, card-statement-flipped, counterparty-payables-ledger … */
  key: string;
  kind: SideKind;
  oppositeSigns: boolean;
  /** Evidence points (titles, headers, row words, balance, data test). */
  score: number;
  /** The data test: lines meeting a line of the other side of the same amount and direction in the date window */
  meets?: number;
  lines?: number;
}

export interface ReadingSummary {
  chosen: ReadingOption;
  /** Every candidate that reads the rows differently from the chosen one, best first. */
  alternatives: ReadingOption[];
  /** The evidence is close: the user should choose (the CLI exits 2 naming the kinds, the pane asks). */
  doubtful: boolean;
  /** The kind was given by the caller. */
  given: boolean;
}

/**
 * How a side's numeric dates were read where every one of them fits both day/month and month/day
 * (02/06/2025 … through a month's first twelve days): present only then.
 */
export interface DateOrderReading {
  order: 'MDY' | 'DMY';
  /** A date of the side, as written, that fits both orders. */
  example: string;
  /**
   * Nothing tells which: the two sides write dates in opposite orders (only then do they meet), and
   * either could be the day/month one. The user must say (the command line stops; the pane asks).
   */
  doubtful: boolean;
}

export interface ReadResult {
  side: Side;
  /** 1-based source row of the header; 0 when the data has no header and roles were inferred. */
  headerRow: number;
  columns: ColumnMapping;
  /** Header text per role as found, for previews and messages. */
  columnHeaders: Partial<Record<ColumnRole, string>>;
  kind: SideKind;
  /** What the reader decided and why, one line each, as codes with params (src/i18n/read-texts.ts renders them). */
  decisions: Reason[];
  /** The candidate readings of the side (kind, signs), best first, and whether the choice is doubtful. */
  reading?: ReadingSummary;
  /** The day/month order of dates that fit both, when the side's dates all do. */
  dateOrder?: DateOrderReading;
  entries: Entry[];
  skipped: SkippedLine[];
  issues: ReadIssue[];
  /** Opening/closing balance lines among the skipped total lines (src/engine/read/balance-lines.ts). */
  balances?: BalanceLine[];
  /** Rows naming the customer or supplier of the lines below (客户：…; src/engine/read/section-headings.ts). */
  sections?: { row: number; name: string }[];
}

/**
 * A line stating a balance rather than a movement: 期初余额/Opening balance, 期末余额/Closing balance,
 * or a total line (本月合计) that carries the running balance. It is also in `skipped` (kind 'total').
 */
export interface BalanceLine {
  side: Side;
  row: number;
  kind: 'opening' | 'closing' | 'total';
  /** ISO date written on the line, or '' when it has none. */
  date: string;
  amount: Decimal;
  /** The label as written (期初余额, Closing balance, 本月合计). */
  label: string;
  /** Written with its side in a 方向 column (借/贷/平): `amount` is signed as the side's reading reads that side. */
  balanceSide?: 1 | -1 | 0;
}

export type MatchStatus = 'auto' | 'suggested';

/** The matching rules, from most to least certain. Their logic lives in src/engine/match/. */
export type MatchRule =
  | 'reference-amount' // equal reference and equal amount
  | 'amount-date' // equal amount within the date window, scored by name and reference
  | 'many-to-one' // several ledger lines of one counterparty paid by one bank line (N:1)
  | 'one-to-many' // one ledger line paid by several bank lines (1:N)
  | 'amount-tolerance' // amounts differ by no more than the tolerance (bank fees)
  | 'reference-typo' // references a typo apart, amount equal or within tolerance
  | 'amount-typo' // amounts alike but for two digits that trade places (515.20 for 515.02): suggested
  | 'reversal' // a line and its reversal on the same side (冲销, 冲正): they cancel out, no counterpart
  | 'manual'; // a person grouped the rows (or explained a row with no counterpart)

/** A reason as data, so hosts render it in the user's language (src/i18n). */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface Match {
  /** M1, M2, … in a stable order (by first ledger row, then first bank row). */
  id: string;
  /** Entry indices on each side. */
  ledger: number[];
  bank: number[];
  status: MatchStatus;
  rule: MatchRule;
  /** 0..1, higher is more certain. */
  score: number;
  /** Bank total minus ledger total (0 for exact matches). */
  difference: Decimal;
  reasons: Reason[];
  /** How the group came to be when a person decided (accepted, manual, explained); else its status. */
  origin?: 'auto' | 'suggested' | 'accepted' | 'manual' | 'explained';
  /** The decision that keeps it, when a person decided. */
  decidedBy?: { decision: string; by: string; at: string; reason: string };
}

export type NameStrictness = 'strict' | 'normal' | 'loose';

export interface MatchOptions {
  /** Days either side a counterpart may lie (default 7). */
  dateWindowDays: number;
  /**
   * Days either side a counterpart may lie when a reference ties it (the invoice number in the bank's
   * memo): payment terms and instalments spread over weeks (default 90). Never below dateWindowDays.
   */
  referenceWindowDays: number;
  /** Largest |difference| accepted by the tolerance rule (default 50.00); 0 turns it off. */
  tolerance: Decimal;
  /** Allow N:1 groups: one bank line paying several ledger lines (default true). */
  allowCombined: boolean;
  /** Allow 1:N groups: one ledger line paid in instalments by several bank lines (default true). */
  allowInstalments: boolean;
  /** Most lines on the "many" side of a combined group (default 5). */
  maxGroupSize: number;
  nameStrictness: NameStrictness;
}

export interface MatchResult {
  matches: Match[];
  unmatched: { ledger: number[]; bank: number[] };
  /**
   * Ledger invoices/bills left out of bank matching because the same ledger also records the
   * receipts/payments that settle them (those receipts are what meet the bank). Kept for statements.
   * Every ledger entry is in exactly one of: a match, unmatched.ledger, ledgerDocuments.
   */
  ledgerDocuments: number[];
}

export interface ReconcileResult extends MatchResult {
  ledger: ReadResult;
  bank: ReadResult;
  options: MatchOptions;
  /** Every decision (those given, then those typed into the Matches sheet) and what became of it. */
  decisions: import('./decisions/decision').DecisionReport[];
  /** This run's groups by row content, for the next run's stable ids and sheet decisions. */
  groups: import('./decisions/decision').GroupRecord[];
  nextMatchNumber: number;
  /** What each sheet row holds in this run (row → fingerprint), for rows typed into its Matches sheet. */
  rowPrints?: import('./decisions/decision').RowPrints;
}

/** Stages a long run reports, so a pane or a terminal can show progress. */
export type Stage = 'reading' | 'matching' | 'reporting' | 'writing';
export type ProgressListener = (stage: Stage, done: number, total: number) => void;
