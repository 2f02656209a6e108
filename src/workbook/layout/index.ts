/** Report data → what a run writes (pure, shared by every host), and the helpers hosts need. */
export { buildRunOutputs, positionOfAddress, type RunLayoutOptions, type SourcePosition } from './run-outputs';
export { buildMatchesSheet, MATCHES_SHEET_KEY, MATCHES_TABLE_NAME } from './matches-sheet';
export { buildSourceAnnotation, highlightRules } from './source-annotation';
export { highlightArea, highlightForLabel, highlightRect, labelMatchesRule, ruleFormula, rulesFitLabels, type LabelTest } from './highlight-rules';
export { checkOutputs, planRun, WritePlanError, type WorkbookProbe, type WritePlan } from './write-plan';
export { uniqueSheetName, MAX_SHEET_NAME } from './sheet-names';
export { safeText, safeTextGrid, looksLikeFormula, needsApostrophe } from './safe-text';
export {
  columnLetter,
  columnNumber,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  quoteSheetName,
  rectAddress,
  rectColumns,
  rectRows,
  sheetAddress,
  type CellRect,
  type ParsedAddress,
} from './a1';
export { boundingRect, isStatusCell, rectsOutside, statusCellsOn, type StatusCells } from './status-cells';
export { excelSerial, isoFromSerial } from './excel-dates';
