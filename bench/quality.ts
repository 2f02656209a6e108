/**
 * Match quality on generated pairs with known answers: per scenario kind and layout.
 *   npm run quality [-- --seeds 8 --rows 2000 --layouts zh-bank-cash-journal,en-bank --first-seed 1 --fixed --stated --aliases]
 * By default every pair's ledger and bank layout is drawn at random from the table built from real
 * exports (PairSpec.wide, src/generator/layout-table.ts) and the ledger's kind is DETECTED by the reader,
 * as a newcomer gets it. --fixed uses the three fixed layouts; --stated tells the reader the kind.
 * --aliases gives the matcher, as confirmed aliases, the names of every true 1:1 pair whose names it
 * does not see as one (a person paying for a company, an abbreviation), as if people had accepted
 * one payment of each: the most aliases a workbook could hold, to check they never make a wrong auto.
 * Definitions of precision and recall: src/generator/score.ts.
 */
import { readSide, reconcile, type NameAlias, type ReconcileResult } from '../src/engine';
import { compareNames, normalizeName } from '../src/engine/match/normalize-name';
import type { Truth } from '../src/generator/truth';
import { generatePair } from '../src/generator/generate-pair';
import { LAYOUTS, type Layout } from '../src/generator/layouts';
import { generateCounterpartyPair } from '../src/generator/counterparty-pair';
import { dayFromCivil } from '../src/generator/days';
import { GROUP_KINDS, ONE_SIDED_KINDS } from '../src/generator/scenarios';
import { COUNTERPARTY_GROUP_KINDS, COUNTERPARTY_ONE_SIDED_KINDS } from '../src/generator/truth';
import { mergeScores, scoreResult, type QualityScore } from '../src/generator/score';
import { option, percent, table } from './table';

const argv = process.argv.slice(2);
const wide = !argv.includes('--fixed');
const seeds = Number(option(argv, 'seeds') ?? (wide ? 8 : 5));
const firstSeed = Number(option(argv, 'first-seed') ?? 1);
const rows = Number(option(argv, 'rows') ?? 2000);
const layouts = (option(argv, 'layouts')?.split(',') ?? LAYOUTS) as Layout[];
/** By default the reader decides the ledger's kind; --stated gives it, as a user confirming it in the pane. */
const detect = !argv.includes('--stated');
/** Wide pairs span a quarter, so instalments up to 30 days apart fit in the period. */
const days = wide ? 92 : undefined;
const withAliases = argv.includes('--aliases');
let aliasesGiven = 0;

/** The name pairs of true 1:1 groups the matcher does not see as one, as people would confirm them. */
function truthAliases(result: ReconcileResult, truth: Truth): NameAlias[] {
  const ledgerByRow = new Map(result.ledger.entries.map((e) => [e.row, e]));
  const bankByRow = new Map(result.bank.entries.map((e) => [e.row, e]));
  const aliases: NameAlias[] = [];
  for (const group of truth.groups) {
    if (group.ledgerRows.length !== 1 || group.bankRows.length !== 1) continue;
    const ledgerName = ledgerByRow.get(group.ledgerRows[0])?.counterparty ?? '';
    const bankName = bankByRow.get(group.bankRows[0])?.counterparty ?? '';
    const l = normalizeName(ledgerName);
    const b = normalizeName(bankName);
    if (l && b && compareNames(l, b, 'normal') !== 'agree') aliases.push({ ledgerName, bankName, by: 'quality', at: '2025-01-01' });
  }
  aliasesGiven += aliases.length;
  return aliases;
}

function kindTable(score: QualityScore): string {
  const groupRows = [...GROUP_KINDS, ...COUNTERPARTY_GROUP_KINDS].filter((k) => score.byKind[k]?.groups).map((kind) => {
    const k = score.byKind[kind];
    return [kind, String(k.groups), percent(k.foundAuto, k.groups), percent(k.foundAuto + k.foundSuggested, k.groups), String(k.autoMatches), percent(k.autoCorrect, k.autoMatches), String(k.autoPartial), String(k.autoMatches - k.autoCorrect - k.autoPartial), ''];
  });
  const variantRows = Object.entries(score.byVariant)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, k]) => [`  ${key}`, String(k.groups), percent(k.foundAuto, k.groups), percent(k.foundAuto + k.foundSuggested, k.groups), String(k.autoMatches), percent(k.autoCorrect, k.autoMatches), String(k.autoPartial), String(k.autoMatches - k.autoCorrect - k.autoPartial), '']);
  const oneSidedRows = [...ONE_SIDED_KINDS, ...COUNTERPARTY_ONE_SIDED_KINDS].filter((k) => score.byKind[k]?.oneSidedRows).map((kind) => {
    const k = score.byKind[kind];
    // supplier-payment is a group kind too: only matches that are not its true groups count here.
    const wrong = k.autoMatches - k.autoCorrect - k.autoPartial;
    return [`${kind} (one side)`, String(k.oneSidedRows), '', '', String(wrong), '', '', String(wrong), percent(k.oneSidedLeftOut, k.oneSidedRows)];
  });
  const other = score.byKind['not-a-data-row'];
  const extra = other ? [['not-a-data-row', '', '', '', String(other.autoMatches), '', '', String(other.autoMatches), '']] : [];
  return table(['kind', 'true', 'auto recall', 'recall', 'auto', 'auto precision', 'partial', 'wrong', 'left out'], [...groupRows, ...variantRows, ...oneSidedRows, ...extra]);
}

function summaryLine(label: string, s: QualityScore): string[] {
  return [
    label,
    String(s.trueGroups),
    percent(s.autoCorrect, s.autoMatches),
    percent(s.foundAuto + s.foundSuggested, s.trueGroups),
    percent(s.foundAuto, s.trueGroups),
    `${s.autoMatches - s.autoCorrect}`,
    `${s.suggestedMatches} (${s.suggestedCorrect} right)`,
    percent(s.oneSidedLeftOut, s.oneSidedRows),
    s.documentRows ? percent(s.documentsSetAside, s.documentRows) : '–',
    `${s.reading.missingCount}/${s.reading.extraCount}`,
  ];
}

/** One drawn layout's line: what it looks like, the kind detected, and its figures. */
function drawnLine(seed: number, label: string, bank: string, expected: string, detected: string, s: QualityScore): string[] {
  return [
    String(seed), label, bank, detected === expected ? detected : `${detected} ✗ (is ${expected})`,
    percent(s.autoCorrect, s.autoMatches), percent(s.foundAuto + s.foundSuggested, s.trueGroups), percent(s.foundAuto, s.trueGroups),
    String(s.autoMatches - s.autoCorrect),
  ];
}

function main(): void {
  console.log(
    `Match quality: ${seeds} seed(s) from ${firstSeed} × ${layouts.length} layout famil${layouts.length > 1 ? 'ies' : 'y'} × ${rows} rows per side; ` +
      `${wide ? 'layouts drawn from the table of real exports' : 'fixed layouts'}; ledger kind ${detect ? 'DETECTED by the reader' : 'stated'}\n`,
  );
  const perLayout: Array<[string, QualityScore]> = [];
  const drawnLines: string[][] = [];
  /** Layouts whose kind the reader got wrong, matched again with the kind stated. */
  const misreadStated: QualityScore[] = [];
  const byBank = new Map<string, QualityScore[]>();
  for (const layout of layouts) {
    const scores: QualityScore[] = [];
    const misread: string[] = [];
    let millis = 0;
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const pair = generatePair({ seed, rows, layout, wide, days });
      const started = performance.now();
      try {
        let result = reconcile(pair.ledger, pair.bank, detect ? {} : { ledger: { kind: pair.truth.ledgerKind } });
        if (withAliases) result = reconcile(pair.ledger, pair.bank, { ...(detect ? {} : { ledger: { kind: pair.truth.ledgerKind } }), aliases: truthAliases(result, pair.truth) });
        millis += performance.now() - started;
        const detected = detect ? result.ledger.kind : readSide(pair.ledger, { side: 'ledger' }).kind;
        if (detected !== pair.truth.ledgerKind) misread.push(`seed ${seed}: ${detected}`);
        const score = scoreResult(result, pair.truth);
        scores.push(score);
        if (wide) {
          drawnLines.push(drawnLine(seed, pair.truth.ledgerLabel ?? layout, pair.truth.bankLabel ?? '', pair.truth.ledgerKind, detected, score));
          if (detected !== pair.truth.ledgerKind) {
            // What matching alone gives on this layout, to tell a reading failure from a matching one.
            const stated = scoreResult(reconcile(pair.ledger, pair.bank, { ledger: { kind: pair.truth.ledgerKind } }), pair.truth);
            drawnLines.push(drawnLine(seed, '  the same, kind stated', '', pair.truth.ledgerKind, pair.truth.ledgerKind, stated));
            misreadStated.push(stated);
          }
          const bank = pair.truth.bankLabel ?? '';
          byBank.set(bank, [...(byBank.get(bank) ?? []), score]);
        }
      } catch (error) {
        console.log(`${layout} seed ${seed} (${pair.truth.bankStyle}): reconcile threw: ${(error as Error).stack ?? error}`);
      }
    }
    if (!scores.length) continue;
    const merged = mergeScores(scores);
    perLayout.push([layout, merged]);
    console.log(`== ${layout} (${scores.length} run(s), reconcile ${(millis / scores.length).toFixed(0)} ms each)`);
    console.log(kindTable(merged));
    if (misread.length) console.log(`ledger kind: expected ${generatePair({ seed: 1, rows: 1, layout }).truth.ledgerKind}, the reader detects ${misread.join(', ')}${detect ? '' : ' (stated explicitly for the figures above)'}`);
    if (merged.reading.missingCount || merged.reading.extraCount) {
      console.log(`reading: ${merged.reading.missingCount} data rows not read (${merged.reading.missing.slice(0, 8).join(' ')}), ${merged.reading.extraCount} non-data rows read as entries (${merged.reading.extra.slice(0, 8).join(' ')})`);
    }
    console.log('');
  }
  if (wide) {
    // 往来对账: our receivables ledger against the customer's own payables ledger; their side's kind is
    // detected (or stated with --stated: payables ledger, signs reversed).
    const scores: QualityScore[] = [];
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const pair = generateCounterpartyPair({ seed, rows: Math.round(rows / 2), start: dayFromCivil(2025, 3, 1), days: 92 });
      const result = reconcile(pair.ledger, pair.bank, detect ? {} : { bank: { kind: 'payables-ledger', oppositeSigns: true } });
      const alone = readSide(pair.bank, { side: 'bank' }).kind;
      const score = scoreResult(result, pair.truth);
      scores.push(score);
      drawnLines.push(drawnLine(seed, pair.truth.ledgerLabel!, `${pair.truth.bankLabel} — read alone as: ${alone}`, pair.truth.ledgerKind, result.ledger.kind, score));
    }
    const merged = mergeScores(scores);
    perLayout.push([`zh-counterparty (往来对账, their side ${detect ? 'detected' : 'stated'})`, merged]);
    console.log(`== zh-counterparty: our 应收账款明细账 vs the customer's 应付账款明细账 (${scores.length} run(s); their side ${detect ? 'detected by the reader' : 'stated as a payables ledger with signs reversed'})`);
    console.log(kindTable(merged));
    console.log('');
  }
  if (!perLayout.length) return;
  if (wide) {
    console.log('Each drawn layout (ledger kind as the reader detected it):');
    console.log(table(['seed', 'ledger layout', 'bank export', 'ledger kind detected', 'auto precision', 'recall', 'auto recall', 'wrong auto'], drawnLines, 4));
    console.log('');
    console.log('Per bank export family:');
    console.log(table(['bank export', 'groups', 'auto precision', 'recall', 'auto recall', 'wrong auto', 'suggested', 'one-sided left out', 'invoices set aside', 'unread/extra rows'], [...byBank].map(([bank, s]) => summaryLine(bank, mergeScores(s)))));
    console.log('');
  }
  if (misreadStated.length) {
    console.log(`${misreadStated.length} drawn ledger(s) read as the wrong kind (reader); the same pairs with the kind stated:`);
    console.log(table(['', 'groups', 'auto precision', 'recall', 'auto recall', 'wrong auto', 'suggested', 'one-sided left out', 'invoices set aside', 'unread/extra rows'], [summaryLine('misread layouts, kind stated', mergeScores(misreadStated))]));
    console.log('');
  }
  const total = mergeScores(perLayout.map(([, s]) => s));
  console.log('All scenario kinds, every layout:');
  console.log(kindTable(total));
  console.log('');
  console.log(
    table(
      ['layout', 'groups', 'auto precision', 'recall', 'auto recall', 'wrong auto', 'suggested', 'one-sided left out', 'invoices set aside', 'unread/extra rows'],
      [...perLayout.map(([layout, s]) => summaryLine(layout, s)), summaryLine('ALL', total)],
    ),
  );
  if (withAliases) console.log(`\n${aliasesGiven} aliases given (true 1:1 pairs whose names the matcher does not see as one).`);
  console.log('\nTargets: auto precision ≥ 99.9%, recall (auto + suggested) ≥ 99.5% on every layout and every scenario kind.');
}

main();
