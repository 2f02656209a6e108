/**
 * Matching quality on generated pairs (npx tsx test/engine/match/quality-check.ts [rows] [seeds]).
 * A development aid for tuning the match defaults; bench/quality.ts is the official benchmark.
 */
import { reconcile } from '../../../src/engine';
import { generatePair, LAYOUTS, scoreResult } from '../../../src/generator';
import { mergeScores } from '../../../src/generator/score';

const rows = Number(process.argv[2] ?? 2000);
const seeds = Number(process.argv[3] ?? 5);
for (const layout of LAYOUTS) {
  const scores = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const pair = generatePair({ seed, rows, layout });
    // The book kind is given, so this measures matching, not the reader's detection.
    const kind = layout === 'zh-receivables' ? 'receivables-ledger' : 'cash-journal';
    const result = reconcile(pair.ledger, pair.bank, { ledger: { kind } });
    scores.push(scoreResult(result, pair.truth));
  }
  const s = mergeScores(scores);
  console.log(
    `${layout}: autoPrecision ${(s.autoPrecision * 100).toFixed(3)}% (${s.autoCorrect}/${s.autoMatches}, partial ${s.autoPartial})` +
      ` recall ${(s.recall * 100).toFixed(3)}% autoRecall ${(s.autoRecall * 100).toFixed(2)}% groups ${s.trueGroups}` +
      ` oneSidedLeftOut ${s.oneSidedLeftOut}/${s.oneSidedRows} docs ${s.documentsSetAside}/${s.documentRows} read ${s.reading.readRows}/${s.reading.dataRows}`,
  );
  for (const [kind, k] of Object.entries(s.byKind)) {
    const wrongAuto = k.autoMatches - k.autoCorrect;
    const missed = k.groups - k.foundAuto - k.foundSuggested;
    if (wrongAuto || missed || k.oneSidedRows - k.oneSidedLeftOut) {
      console.log(`   ${kind}: groups ${k.groups} auto ${k.foundAuto} sugg ${k.foundSuggested} missed ${missed} wrongAuto ${wrongAuto} oneSided ${k.oneSidedLeftOut}/${k.oneSidedRows}`);
    }
  }
  for (const [kind, k] of Object.entries(s.byVariant)) {
    const missed = k.groups - k.foundAuto - k.foundSuggested;
    console.log(`   variant ${kind}: groups ${k.groups} auto ${k.foundAuto} sugg ${k.foundSuggested} missed ${missed} wrongAuto ${k.autoMatches - k.autoCorrect}`);
  }
}
