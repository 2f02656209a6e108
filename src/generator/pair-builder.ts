/**
 * The scenarios themselves: each method adds one instance's lines (ledger, bank, or both) with amounts,
 * names, dates and references as real books and banks write them, and records its place in the truth.
 */
import { AmountRegistry, type Planned } from './amount-registry';
import { bankWrittenReference, truncated } from './bank-reference';
import { drawLayouts } from './layout-table';
import { civilFromDay } from './days';
import { BANK_LAYOUTS, LEDGER_LAYOUTS, WORDING, ZH_RECEIVABLES_WORDS, type BankLayout, type BankStyle, type LedgerLayout, type Wording } from './layouts';
import { BankColumns, DOCUMENT, GROUP, LedgerColumns, ONE_SIDED, type Bucket, type PendingItem } from './lines';
import { drawAmountCents, drawFeeCents, splitInstalments } from './money';
import { NAME_VARIANTS, bankName, companyPool, personAccount, personName, type NameLanguage, type NameVariant, type Party } from './names';
import { Random } from './random';
import type { GroupKind, OneSidedKind, ScenarioKind } from './scenarios';
import type { PairSpec } from './generate-pair';

/** Lag between bank and ledger dates, 0–5 days: its distribution. */
const LAG_WEIGHTS = [30, 25, 18, 12, 8, 7];
const LAG_TOTAL = LAG_WEIGHTS.reduce((a, b) => a + b, 0);

export class PairBuilder {
  readonly rng: Random;
  readonly language: NameLanguage;
  readonly words: Wording;
  readonly ledgerLayout: LedgerLayout;
  readonly bankLayout: BankLayout;
  readonly receivables: boolean;
  readonly start: number;
  readonly end: number;
  readonly customers: Party[];
  readonly suppliers: Party[];
  readonly holder: Party;
  readonly registry = new AmountRegistry();
  readonly ledger = new LedgerColumns();
  readonly bank = new BankColumns();
  readonly groups: Array<{ kind: GroupKind; differenceCents: number; nameVariant?: NameVariant }> = [];
  readonly ledgerOnly: PendingItem[] = [];
  readonly bankOnly: PendingItem[] = [];
  readonly documents: PendingItem[] = [];
  private invoiceCounter: number;
  private interestDays: number[] | null = null;
  /** Days between an invoice and its receipt, for the instance being filled (drawn when planning). */
  invoiceLag = 0;
  private chequeCounter: number;
  /** Drawn layouts and harder scenarios (PairSpec.wide). */
  readonly wide: boolean;
  /** What the drawn layouts look like, for reports (wide only). */
  readonly labels: { ledger: string; bank: string } | null = null;
  /** The matcher's date window, which decides when instalments must each quote the invoice (wide only). */
  private static readonly DATE_WINDOW = 7;

  constructor(spec: PairSpec, readonly bankStyle: BankStyle, start: number, days: number) {
    this.rng = new Random(spec.seed);
    this.wide = spec.wide === true;
    if (this.wide) {
      const drawn = drawLayouts(this.rng, spec.layout, LEDGER_LAYOUTS[spec.layout]);
      this.ledgerLayout = drawn.ledger;
      this.bankLayout = drawn.bank;
      this.labels = { ledger: drawn.ledgerLabel, bank: drawn.bankLabel };
    } else {
      this.ledgerLayout = LEDGER_LAYOUTS[spec.layout];
      this.bankLayout = BANK_LAYOUTS[bankStyle];
    }
    this.language = this.ledgerLayout.language;
    this.words = WORDING[this.language];
    this.receivables = this.ledgerLayout.book === 'receivables-ledger';
    this.start = start;
    this.end = start + days - 1;
    const taken = new Set<string>();
    // English names have a smaller space (≈23k stems × industries); keep pools well inside it.
    const cap = this.language === 'zh' ? 1 : 0.3;
    this.holder = companyPool(this.rng, this.language, 1, taken)[0];
    this.customers = companyPool(this.rng, this.language, clamp(Math.round(spec.rows / 12), 12, Math.round(30000 * cap)), taken);
    this.suppliers = companyPool(this.rng, this.language, clamp(Math.round(spec.rows / 40), 6, Math.round(12000 * cap)), taken);
    this.invoiceCounter = this.rng.int(10_000_000, 60_000_000);
    this.chequeCounter = this.rng.int(100_000, 900_000);
  }

  // ---- small helpers -------------------------------------------------------------------------

  private readonly texts = new Map<string, string>();

  /** One shared string per party and wording (a million rows repeat a few thousand texts). */
  cached(what: string, short: string, make: (short: string) => string): string {
    const key = what + '|' + short;
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = make(short)));
    return text;
  }

  lag(): number {
    return this.rng.weighted(LAG_WEIGHTS, LAG_TOTAL);
  }

  /** Ledger day for a bank day: the accountant books 0–5 days later (mostly) or earlier. */
  ledgerDayFor(bankDay: number): number {
    const lag = this.lag();
    const day = this.rng.chance(0.7) ? bankDay + lag : bankDay - lag;
    return clamp(day, this.start, this.end);
  }

  nextInvoice(): string {
    this.invoiceCounter += this.rng.chance(0.8) ? 1 : this.rng.int(2, 4);
    return this.language === 'zh' ? String(this.invoiceCounter).padStart(8, '0') : `INV-${this.invoiceCounter % 1_000_000}`;
  }

  nextCheque(): string {
    this.chequeCounter += 1;
    return String(this.chequeCounter);
  }

  customerIndex(): number {
    return this.rng.int(0, this.customers.length - 1);
  }

  supplierIndex(): number {
    return this.customers.length + this.rng.int(0, this.suppliers.length - 1);
  }

  party(index: number): Party {
    return index < this.customers.length ? this.customers[index] : this.suppliers[index - this.customers.length];
  }

  /** What the bank prints for a party shown as-is. */
  plainBankName(party: Party): string {
    return this.bankLayout.upperCaseNames ? party.name.toUpperCase() : party.name;
  }

  receiptMedian(): number {
    return this.language === 'zh' ? 8000 : 1500;
  }

  /** Would these lines, together, keep the truth the one best explanation? */
  fits(lines: Planned[]): boolean {
    const r = this.registry;
    for (const line of lines) {
      const other = line.side === 'ledger' ? r.weakBank : r.weakLedger;
      if (r.near(other, line.cents, line.day)) return false;
      if (line.party >= 0 && r.near(r.partyAmount, AmountRegistry.partyKey(line.party, line.cents), line.day)) return false;
      if (line.weak && r.near(line.side === 'ledger' ? r.bankAmount : r.ledgerAmount, line.cents, line.day)) return false;
    }
    // Two lines of one plan sharing a party and amount (instalments 50/50) would be interchangeable only
    // within the plan itself, which the truth groups together anyway.
    return true;
  }

  record(lines: Planned[]): void {
    const r = this.registry;
    for (const line of lines) {
      r.note(line.side === 'ledger' ? r.ledgerAmount : r.bankAmount, line.cents, line.day);
      if (line.party >= 0) r.note(r.partyAmount, AmountRegistry.partyKey(line.party, line.cents), line.day);
      if (line.weak) r.note(line.side === 'ledger' ? r.weakLedger : r.weakBank, line.cents, line.day);
    }
  }

  /**
   * Draw amounts until the lines `plan` makes of one fit the registry, then record them. After many tries
   * the amount gets stray cents, which is what makes a real amount unique too. `plan` may draw (splits).
   */
  drawFitting(draw: () => number, plan: (cents: number) => Planned[]): number {
    let cents = draw();
    let lines = plan(cents);
    for (let attempt = 0; attempt < 400 && !this.fits(lines); attempt++) {
      cents = attempt < 30 ? draw() : draw() + this.rng.int(1, 99);
      lines = plan(cents);
    }
    this.record(lines);
    return cents;
  }

  addGroup(kind: GroupKind, differenceCents = 0, nameVariant?: NameVariant): number {
    this.groups.push(nameVariant ? { kind, differenceCents, nameVariant } : { kind, differenceCents });
    return this.groups.length - 1;
  }

  addOneSided(side: 'ledger' | 'bank', kind: OneSidedKind, signedCents: number): number {
    const list = side === 'ledger' ? this.ledgerOnly : this.bankOnly;
    list.push({ kind, cents: signedCents });
    return list.length - 1;
  }

  /** A receipt as the ledger books it; on a receivables ledger also the invoice it settles, when raised in this period. */
  ledgerReceipt(day: number, cents: number, partyIndex: number, invoice: string, bucket: Bucket, ref: number, showInvoice: boolean): void {
    const party = this.party(partyIndex);
    if (this.receivables) {
      this.ledger.push({ day, cents, column: 'credit', party: party.name, invoice, summary: this.rng.pick(ZH_RECEIVABLES_WORDS.receipt), bucket, ref });
      this.invoiceDocument(day - this.invoiceLag, cents, party, invoice);
      return;
    }
    const plain = this.cached('receipt', party.short, this.words.ledgerReceipt);
    if (this.wide) {
      // A journal with an invoice column fills it; one without writes the number in 摘要 now and then.
      const column = this.ledgerLayout.fields.includes('invoice');
      const summary = !column && showInvoice ? plain + ' ' + this.words.invoiceMention(invoice) : plain;
      this.ledger.push({ day, cents, column: 'debit', party: party.name, invoice: column ? invoice : '', summary, bucket, ref });
      return;
    }
    const summary = showInvoice && this.language === 'zh' ? plain + ' ' + this.words.invoiceMention(invoice) : plain;
    this.ledger.push({ day, cents, column: 'debit', party: party.name, invoice: this.language === 'en' ? invoice : '', summary, bucket, ref });
  }

  invoiceDocument(day: number, cents: number, party: Party, invoice: string): void {
    if (day < this.start) return; // raised last period: part of the opening balance
    this.documents.push({ kind: 'invoice', cents });
    this.ledger.push({ day, cents, column: 'debit', party: party.name, invoice, summary: this.rng.pick(this.words.ledgerInvoice), bucket: DOCUMENT, ref: this.documents.length - 1 });
  }

  bankReceipt(day: number, cents: number, name: string, account: string, memo: string, bucket: Bucket, ref: number): void {
    const memoInNote = this.wide && this.rng.chance(0.3);
    this.bank.push({ day, cents, direction: 'in', name, account, summary: this.rng.pick(this.words.bankReceipt), memo, bucket, ref, memoInNote });
  }

  /** The invoice as the customer's transfer quotes it (wide: in any of the forms banks write). */
  bankReference(invoice: string): string {
    return this.wide ? bankWrittenReference(this.rng, invoice, this.language) : invoice;
  }

  /** 附言 for a receipt: the invoice number (half the time in Chinese exports, mostly in English ones) or a generic word. */
  receiptMemo(invoice: string): string {
    if (this.rng.chance(this.language === 'zh' ? 0.5 : 0.75)) {
      if (this.wide) return this.rng.chance(0.3) && this.language === 'zh' ? `货款 ${this.bankReference(invoice)}` : this.bankReference(invoice);
      return this.language === 'zh' ? this.rng.pick([invoice, `发票号${invoice}`, `货款${invoice}`]) : invoice;
    }
    return this.rng.pick(this.words.genericMemo);
  }

  /** The customer and day of the last combined group (wide: a busy customer pays twice in a week). */
  private lastCombined = { customer: -1, day: -Infinity };

  /**
   * A customer not in a combined (N:1 / 1:N) group in the window, so sub-sums cannot mix two groups.
   * Wide pairs sometimes take the last one again when it was days ago: its open lines then offer the
   * subset search rival combinations, as a busy customer's do.
   */
  customerForCombined(day: number): number {
    if (this.wide && this.lastCombined.customer >= 0 && day - this.lastCombined.day <= 5 && this.rng.chance(0.3)) {
      this.registry.note(this.registry.combined, this.lastCombined.customer, day);
      this.lastCombined.day = day;
      return this.lastCombined.customer;
    }
    let index = this.customerIndex();
    for (let i = 0; i < 20 && this.registry.near(this.registry.combined, index, day); i++) index = this.customerIndex();
    this.registry.note(this.registry.combined, index, day);
    this.lastCombined = { customer: index, day };
    return index;
  }

  // ---- scenarios -----------------------------------------------------------------------------

  receipt(base: number, kind: 'receipt' | 'reference-typo' | 'name-variant'): void {
    let partyIndex = this.customerIndex();
    let party = this.party(partyIndex);
    const ledgerDay = this.ledgerDayFor(base);
    let variant: NameVariant | undefined;
    let name = this.plainBankName(party);
    if (kind === 'name-variant') {
      const variants = NAME_VARIANTS[this.language];
      variant = this.rng.pick(variants);
      let shown = bankName(this.rng, party, variant, this.language);
      // Not every name can be truncated (only long ones): look for a customer whose name can, then
      // fall back through the other variants.
      for (let i = 0; shown === null && i < 40; i++) {
        partyIndex = this.customerIndex();
        party = this.party(partyIndex);
        shown = bankName(this.rng, party, variant, this.language);
      }
      for (let i = 0; shown === null && i < variants.length; i++) {
        variant = variants[i];
        shown = bankName(this.rng, party, variant, this.language);
      }
      name = shown ?? name;
    } else if (kind === 'reference-typo' && this.rng.chance(0.5)) {
      variant = 'person'; // the reference is then the strongest evidence left
      name = personName(this.rng, this.language);
    }
    const person = variant === 'person';
    const cents = this.drawFitting(
      () => drawAmountCents(this.rng, this.receiptMedian()),
      (c) => [
        { side: 'ledger', cents: c, day: ledgerDay, party: partyIndex, weak: false },
        { side: 'bank', cents: c, day: base, party: person ? -1 : partyIndex, weak: person },
      ],
    );
    const invoice = this.nextInvoice();
    const group = this.addGroup(kind, 0, variant);
    const typo = kind === 'reference-typo';
    this.ledgerReceipt(ledgerDay, cents, partyIndex, invoice, GROUP, group, typo || this.rng.chance(0.6));
    const memo = typo ? withTypo(this.rng, invoice) : person && this.rng.chance(0.3) && this.language === 'zh' ? `代${party.short}付货款` : this.receiptMemo(invoice);
    this.bankReceipt(base, cents, name, person ? personAccount(this.rng) : party.account, memo, GROUP, group);
  }

  feeDeducted(base: number): void {
    const partyIndex = this.customerIndex();
    const party = this.party(partyIndex);
    const ledgerDay = this.ledgerDayFor(base);
    const r = this.registry;
    let fee = drawFeeCents(this.rng);
    for (let i = 0; i < 50 && r.near(r.bankAmount, fee, base); i++) fee = drawFeeCents(this.rng) + (i > 10 ? this.rng.int(1, 49) : 0);
    r.note(r.feeDifference, fee, base);
    const cents = this.drawFitting(
      () => Math.max(drawAmountCents(this.rng, this.receiptMedian()), fee + 10_000),
      (c) => [
        { side: 'ledger', cents: c, day: ledgerDay, party: partyIndex, weak: false },
        { side: 'bank', cents: c - fee, day: base, party: partyIndex, weak: false },
      ],
    );
    const invoice = this.nextInvoice();
    const group = this.addGroup('fee-deducted', -fee);
    this.ledgerReceipt(ledgerDay, cents, partyIndex, invoice, GROUP, group, this.rng.chance(0.6));
    this.bankReceipt(base, cents - fee, this.plainBankName(party), party.account, this.receiptMemo(invoice), GROUP, group);
  }

  manyToOne(base: number, count: number): void {
    const partyIndex = this.customerForCombined(base);
    const party = this.party(partyIndex);
    const ledgerDay = this.ledgerDayFor(base);
    const parts: number[] = [];
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const last = i === count - 1;
      const part = this.drawFitting(
        // At least 100.00 each, so no part is within the tolerance of zero and a subset never balances the transfer.
        () => Math.max(drawAmountCents(this.rng, this.receiptMedian() * 0.6), 10_000),
        // Recording each part makes the next one differ from it: every invoice of the transfer has its own amount.
        // The last part also decides the transfer's total, which must fit as a bank line.
        (c): Planned[] => [
          { side: 'ledger', cents: c, day: ledgerDay, party: partyIndex, weak: false },
          ...(last ? [{ side: 'bank', cents: sum + c, day: base, party: partyIndex, weak: false } as Planned] : []),
        ],
      );
      parts.push(part);
      sum += part;
    }
    const total = sum;
    const group = this.addGroup('many-to-one');
    const invoices = parts.map(() => this.nextInvoice());
    // One voucher per transfer, usually on one day; sometimes the lines are booked a day apart.
    parts.forEach((cents, i) => {
      const jittered = ledgerDay + (this.rng.chance(0.2) ? this.rng.int(-1, 1) : 0);
      const day = clamp(clamp(jittered, base - 5, base + 5), this.start, this.end);
      this.ledgerReceipt(day, cents, partyIndex, invoices[i], GROUP, group, true);
    });
    let memo = this.rng.chance(0.5) ? invoices.join(this.language === 'zh' ? ',' : ' ') : this.rng.pick(this.words.genericMemo);
    if (this.wide && memo !== '' && invoices.some((invoice) => memo.includes(invoice))) {
      // As the customer typed it, and cut where a narrow 附言 field ends.
      const separator = this.rng.pick(this.language === 'zh' ? [',', '、', ' ', '/'] : [' ', ', ', '/']);
      memo = invoices.map((invoice) => this.bankReference(invoice)).join(separator);
      if (this.rng.chance(0.2)) memo = truncated(memo, this.rng.int(20, 32));
    }
    this.bankReceipt(base, total, this.plainBankName(party), party.account, memo, GROUP, group);
  }

  oneToMany(base: number, count: number): void {
    const partyIndex = this.customerForCombined(base);
    const party = this.party(partyIndex);
    // Instalments arrive over up to five days; the ledger books the invoice as settled within two days of the first.
    // Wide: up to 30 days between instalments, as payment plans go.
    const bankDays: number[] = [];
    let day = base;
    for (let i = 0; i < count; i++) {
      bankDays.push(clamp(day, this.start, this.end));
      day += this.wide && this.rng.chance(0.6) ? this.rng.int(5, 30) : this.rng.int(0, 2);
    }
    const ledgerDay = clamp(base + this.rng.int(0, 2), this.start, this.end);
    let parts: number[] = [];
    this.drawFitting(
      () => Math.max(drawAmountCents(this.rng, this.receiptMedian() * 2.5), 50_000),
      (total) => {
        parts = splitInstalments(this.rng, total, count);
        return [
          { side: 'ledger', cents: total, day: ledgerDay, party: partyIndex, weak: false },
          ...parts.map((c, i): Planned => ({ side: 'bank', cents: c, day: bankDays[i], party: partyIndex, weak: false })),
        ];
      },
    );
    const total = parts.reduce((a, b) => a + b, 0);
    const invoice = this.nextInvoice();
    const group = this.addGroup('one-to-many');
    this.ledgerReceipt(ledgerDay, total, partyIndex, invoice, GROUP, group, true);
    const labels = this.language === 'zh' ? ['首期款', '二期款', '尾款'] : ['DEPOSIT', 'INSTALMENT 2', 'FINAL PAYMENT'];
    // Instalments weeks apart are tied only by the invoice number, so each then quotes it.
    const spread = Math.max(...bankDays.map((d) => Math.abs(d - ledgerDay)));
    const quoteAll = this.wide && spread > PairBuilder.DATE_WINDOW;
    parts.forEach((cents, i) => {
      const label = i === parts.length - 1 ? labels[2] : labels[i];
      const memo = quoteAll || this.rng.chance(0.6) ? `${label} ${this.bankReference(invoice)}` : label;
      this.bankReceipt(bankDays[i], cents, this.plainBankName(party), party.account, memo, GROUP, group);
    });
  }

  supplierPayment(base: number): void {
    const partyIndex = this.supplierIndex();
    const party = this.party(partyIndex);
    const ledgerDay = this.ledgerDayFor(base);
    const bill = this.language === 'zh' ? `CG${this.nextCheque()}` : `BILL-${this.nextCheque()}`;
    const bankOnly = this.receivables; // an AR ledger has no supplier payments
    const cents = this.drawFitting(
      () => drawAmountCents(this.rng, this.receiptMedian() * 0.75),
      (c) => (bankOnly ? [{ side: 'bank', cents: c, day: base, party: partyIndex, weak: false }] : [
        { side: 'ledger', cents: c, day: ledgerDay, party: partyIndex, weak: false },
        { side: 'bank', cents: c, day: base, party: partyIndex, weak: false },
      ]),
    );
    const memo = this.rng.chance(0.5) ? bill : this.language === 'zh' ? '付货款' : 'PAYMENT';
    if (bankOnly) {
      const item = this.addOneSided('bank', 'supplier-payment', -cents);
      this.bank.push({ day: base, cents, direction: 'out', name: this.plainBankName(party), account: party.account, summary: this.rng.pick(this.words.bankPayment), memo, bucket: ONE_SIDED, ref: item });
      return;
    }
    const group = this.addGroup('supplier-payment');
    this.ledger.push({ day: ledgerDay, cents, column: 'credit', party: party.name, invoice: this.language === 'en' ? bill : '', summary: this.cached('payment', party.short, this.words.ledgerPayment), bucket: GROUP, ref: group });
    this.bank.push({ day: base, cents, direction: 'out', name: this.plainBankName(party), account: party.account, summary: this.rng.pick(this.words.bankPayment), memo, bucket: GROUP, ref: group });
  }

  /** Two customers, one amount, one week, dates crossed: only the names tell them apart. */
  sameAmount(base: number): void {
    const a = this.customerIndex();
    let b = this.customerIndex();
    while (b === a) b = this.customerIndex();
    const shift = this.rng.int(1, 3);
    const days = { aBank: base, bBank: clamp(base + shift, this.start, this.end), aLedger: clamp(base + shift, this.start, this.end), bLedger: base };
    const cents = this.drawFitting(
      () => drawAmountCents(this.rng, this.receiptMedian()),
      (c) => [
        { side: 'ledger', cents: c, day: days.aLedger, party: a, weak: false },
        { side: 'bank', cents: c, day: days.aBank, party: a, weak: false },
        { side: 'ledger', cents: c, day: days.bLedger, party: b, weak: false },
        { side: 'bank', cents: c, day: days.bBank, party: b, weak: false },
      ],
    );
    for (const [partyIndex, ledgerDay, bankDay] of [[a, days.aLedger, days.aBank], [b, days.bLedger, days.bBank]]) {
      const party = this.party(partyIndex);
      const invoice = this.nextInvoice();
      const group = this.addGroup('same-amount');
      this.ledgerReceipt(ledgerDay, cents, partyIndex, invoice, GROUP, group, false);
      this.bankReceipt(bankDay, cents, this.plainBankName(party), party.account, this.rng.pick(this.words.genericMemo), GROUP, group);
    }
  }

  depositInTransit(base: number): void {
    const partyIndex = this.customerIndex();
    const cents = this.drawFitting(() => drawAmountCents(this.rng, this.receiptMedian()), (c) => [{ side: 'ledger', cents: c, day: base, party: partyIndex, weak: true }]);
    const item = this.addOneSided('ledger', 'deposit-in-transit', cents);
    this.ledgerReceipt(base, cents, partyIndex, this.nextInvoice(), ONE_SIDED, item, this.rng.chance(0.6));
  }

  outstandingCheque(base: number): void {
    const partyIndex = this.supplierIndex();
    const party = this.party(partyIndex);
    const cents = this.drawFitting(() => drawAmountCents(this.rng, this.receiptMedian() * 0.75), (c) => [{ side: 'ledger', cents: c, day: base, party: partyIndex, weak: true }]);
    const item = this.addOneSided('ledger', 'outstanding-cheque', -cents);
    const cheque = this.nextCheque();
    this.ledger.push({ day: base, cents, column: 'credit', party: party.name, invoice: this.language === 'en' ? `CHQ ${cheque}` : '', summary: this.words.ledgerCheque(party.short, cheque), bucket: ONE_SIDED, ref: item });
  }

  ledgerOnlyEntry(base: number): void {
    const partyIndex = this.customerIndex();
    const party = this.party(partyIndex);
    // Receivables: allowances and write-offs reduce what is owed without cash (贷方). Cash journal: an adjustment, in or out.
    const credit = this.receivables || this.rng.chance(0.5);
    const cents = this.drawFitting(() => drawAmountCents(this.rng, this.receivables ? 800 : this.receiptMedian() * 0.4), (c) => [{ side: 'ledger', cents: c, day: base, party: partyIndex, weak: true }]);
    const inflow = this.receivables || !credit;
    const item = this.addOneSided('ledger', 'ledger-only', inflow ? cents : -cents);
    const summary = this.rng.pick(this.receivables ? ZH_RECEIVABLES_WORDS.adjustment : credit ? this.words.ledgerAdjustmentOut : this.words.ledgerAdjustmentIn);
    this.ledger.push({ day: base, cents, column: credit ? 'credit' : 'debit', party: party.name, invoice: this.receivables ? this.nextInvoice() : '', summary, bucket: ONE_SIDED, ref: item });
  }

  bankInterest(base: number): void {
    const cents = this.drawFitting(() => this.rng.int(500, 300_000), (c) => [{ side: 'bank', cents: c, day: base, party: -1, weak: true }]);
    const item = this.addOneSided('bank', 'bank-interest', cents);
    this.bank.push({ day: base, cents, direction: 'in', name: '', account: '', summary: this.rng.pick(this.words.bankInterest), memo: '', bucket: ONE_SIDED, ref: item });
  }

  bankCharge(base: number): void {
    const r = this.registry;
    let cents = 0;
    for (let i = 0; i < 100; i++) {
      cents = i < 20 ? this.rng.pick([50, 200, 500, 1000, 1500, 2000, 2500, 5000]) : this.rng.int(50, 5000);
      // A charge equal to a fee deducted nearby would make "net receipt + separate charge" a rival explanation.
      if (!r.near(r.feeDifference, cents, base) && this.fits([{ side: 'bank', cents, day: base, party: -1, weak: true }])) break;
    }
    this.record([{ side: 'bank', cents, day: base, party: -1, weak: true }]);
    const item = this.addOneSided('bank', 'bank-charge', -cents);
    this.bank.push({ day: base, cents, direction: 'out', name: '', account: '', summary: this.rng.pick(this.words.bankCharge), memo: '', bucket: ONE_SIDED, ref: item });
  }

  unrecordedReceipt(base: number): void {
    const partyIndex = this.customerIndex();
    const party = this.party(partyIndex);
    const cents = this.drawFitting(() => drawAmountCents(this.rng, this.receiptMedian()), (c) => [{ side: 'bank', cents: c, day: base, party: partyIndex, weak: true }]);
    const item = this.addOneSided('bank', 'unrecorded-receipt', cents);
    this.bankReceipt(base, cents, this.plainBankName(party), party.account, this.receiptMemo(this.nextInvoice()), ONE_SIDED, item);
  }

  openInvoice(base: number): void {
    const party = this.party(this.customerIndex());
    this.invoiceDocument(base, drawAmountCents(this.rng, this.receiptMedian()), party, this.nextInvoice());
  }

  fill(kind: ScenarioKind, base: number, size: number, invoiceLag: number): void {
    this.registry.prune(base);
    this.invoiceLag = invoiceLag;
    switch (kind) {
      case 'receipt':
      case 'reference-typo':
      case 'name-variant':
        return this.receipt(base, kind);
      case 'fee-deducted':
        return this.feeDeducted(base);
      case 'many-to-one':
        return this.manyToOne(base, size);
      case 'one-to-many':
        return this.oneToMany(base, size);
      case 'supplier-payment':
        return this.supplierPayment(base);
      case 'same-amount':
        return this.sameAmount(base);
      case 'deposit-in-transit':
        return this.depositInTransit(base);
      case 'outstanding-cheque':
        return this.outstandingCheque(base);
      case 'ledger-only':
        return this.ledgerOnlyEntry(base);
      case 'bank-interest':
        return this.bankInterest(base);
      case 'bank-charge':
        return this.bankCharge(base);
      case 'unrecorded-receipt':
        return this.unrecordedReceipt(base);
      case 'open-invoice':
        return this.openInvoice(base);
    }
  }

  /** The day an instance is anchored on; period-end items sit in the last days, interest on a 21st (结息日). */
  baseDay(kind: ScenarioKind): number {
    const { start, end, rng } = this;
    switch (kind) {
      case 'deposit-in-transit':
        return Math.max(start, end - rng.int(0, 2));
      case 'outstanding-cheque':
        return Math.max(start, end - rng.int(0, 9));
      case 'bank-interest': {
        if (!this.interestDays) {
          this.interestDays = [];
          for (let day = start; day <= end; day++) if (civilFromDay(day).day === 21) this.interestDays.push(day);
        }
        return this.interestDays.length ? rng.pick(this.interestDays) : end;
      }
      case 'one-to-many':
        return rng.int(start, Math.max(start, end - (this.wide ? 45 : 5)));
      default:
        return rng.int(start, end);
    }
  }
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** One character of the reference's digits swapped with its neighbour or changed, as people mistype. */
export function withTypo(rng: Random, reference: string): string {
  const digits: number[] = [];
  for (let i = 0; i < reference.length; i++) if (reference[i] >= '0' && reference[i] <= '9') digits.push(i);
  const chars = reference.split('');
  for (let attempt = 0; attempt < 20; attempt++) {
    const copy = chars.slice();
    const at = digits[rng.int(0, digits.length - 1)];
    const next = digits.includes(at + 1) ? at + 1 : -1;
    if (next >= 0 && copy[at] !== copy[next] && rng.chance(0.5)) {
      [copy[at], copy[next]] = [copy[next], copy[at]];
    } else {
      let digit = rng.int(0, 8);
      if (String(digit) >= copy[at]) digit++;
      copy[at] = String(digit);
    }
    const typo = copy.join('');
    if (typo !== reference) return typo;
  }
  return reference + '1';
}
