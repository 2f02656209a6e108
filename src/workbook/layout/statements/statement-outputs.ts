/**
 * Statements as output sheets: the index (对账单目录) first, then one sheet per customer. Tab names
 * avoid the user's sheets, the run's other output sheets and the names Excel or Recon reserve; a
 * previous run's sheets are free to replace.
 */
import { buildStatements, type StatementRequest } from '../../../engine/report/statements/build-statements';
import type { StatementSet } from '../../../engine/report/statements/statement-model';
import type { ReconcileResult } from '../../../engine/types';
import type { Locale } from '../../../i18n/locale';
import { statementText } from '../../../i18n/statements';
import type { SheetSpec } from '../../workbook';
import { uniqueSheetName } from '../sheet-names';
import { buildStatementIndexSheet } from './index-sheet';
import { buildStatementSheet } from './statement-sheet';

/** Names no output may take: Excel's reserved History, Recon's state sheet. */
const RESERVED_NAMES = ['History', '_recon_state'];

export type StatementSheetsRequest = Omit<StatementRequest, 'result' | 'takenSheetNames' | 'fallbackSheetName'>;

export interface StatementSheets {
  set: StatementSet;
  sheets: SheetSpec[];
}

export function buildStatementSheets(
  result: ReconcileResult,
  request: StatementSheetsRequest,
  locale: Locale,
  names: { existing: string[]; reconSheets: string[]; taken: string[] },
): StatementSheets {
  const fold = (n: string) => n.toLocaleUpperCase();
  const recon = new Set(names.reconSheets.map(fold));
  const userSheets = names.existing.filter((n) => !recon.has(fold(n)));
  const indexName = uniqueSheetName(statementText('index.sheet', locale), names.existing, names.reconSheets, names.taken);
  const set = buildStatements({
    ...request,
    result,
    options: { language: locale, ...request.options },
    takenSheetNames: [...userSheets, ...names.taken, indexName, ...RESERVED_NAMES],
    fallbackSheetName: (n) => `${statementText('index.sheetLink', locale)} ${n}`,
  });
  const sheets = [buildStatementIndexSheet(set, locale, indexName), ...set.statements.map((s) => buildStatementSheet(s, set.options))];
  return { set, sheets };
}
