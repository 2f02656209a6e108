/** Report data → what a run writes (pure, shared by every host), and the helpers hosts need. */
export { buildRunOutputs, positionOfAddress, type RunLayoutOptions, type SourcePosition } from './run-outputs';
export { buildMatchesSheet, MATCHES_SHEET_KEY, MATCHES_TABLE_NAME } from './matches-sheet';
export { buildSourceAnnotation, highlightRules } from './source-annotation';
export { highlightArea, highlightForLabel, labelMatchesRule, ruleFormula } from './highlight-rules';
export { planRun, WritePlanError, type WorkbookProbe, type WritePlan } from './write-plan';
export { uniqueSheetName, MAX_SHEET_NAME } from './sheet-names';
export { safeText, safeTextGrid, looksLikeFormula } from './safe-text';
export { columnLetter, columnNumber, parseAddress, quoteSheetName, rectAddress, sheetAddress, type CellRect } from './a1';
export { excelSerial, isoFromSerial } from './excel-dates';
