/**
 * Realistic ledger/bank pairs with known answers, for tests, the benchmark and the demo workbook.
 * Pure TypeScript (no Node APIs), seeded, so it runs the same in the browser.
 */
export { generatePair, withTypo, type GeneratedPair, type PairSpec } from './generate-pair';
export { demoWorkbook, type DemoLocale, type DemoWorkbook } from './demo';
export { scoreResult, mergeScores, type QualityScore, type KindScore, type ReadingScore } from './score';
export { LAYOUTS, BANK_STYLES_FOR, type Layout, type BankStyle } from './layouts';
export { DEFAULT_MIX, GROUP_KINDS, ONE_SIDED_KINDS, type GroupKind, type OneSidedKind, type ScenarioKind, type ScenarioMix } from './scenarios';
export type { Truth, TruthGroup, TruthItem, TruthLine, BalanceTruth } from './truth';
