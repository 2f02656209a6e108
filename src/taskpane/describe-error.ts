/**
 * Any error → a sentence for the pane. Office.js errors carry a `code`; the ones a user can act on
 * get their own message, the rest show what the host said.
 */
import type { PaneMessageId } from '../i18n/pane';
import type { PaneText } from './pane-text';

/** Office.js error codes (OfficeExtension.Error.code) the user can do something about. */
const OFFICE_CODES: Record<string, PaneMessageId> = {
  ItemNotFound: 'error.rangeNotFound',
  InvalidArgument: 'error.rangeNotFound',
  InvalidReference: 'error.rangeNotFound',
  InvalidSelection: 'error.noSelection',
  AccessDenied: 'error.readOnly',
  InsertDeleteConflict: 'error.readOnly',
  // A busy or protected workbook (src/workbook/office/write-blockers.ts): what to do, in the pane's language.
  InvalidOperationInCellEditMode: 'error.cellEditMode',
  SheetProtected: 'error.sheetProtected',
  WorkbookProtected: 'error.workbookProtected',
  MergedCells: 'error.mergedCells',
  RequestPayloadSizeLimitExceeded: 'error.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'error.tooLarge',
};

export function describeError(error: unknown, { t }: Pick<PaneText, 't'>): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (error instanceof Error && error.name === 'StatementsError') return t('error.statements', { detail: message });
  if (typeof code === 'string' && OFFICE_CODES[code]) {
    const { sheet, column } = error as { sheet?: unknown; column?: unknown };
    return t(OFFICE_CODES[code], { detail: message, sheet: typeof sheet === 'string' ? sheet : '', column: typeof column === 'string' ? column : '' });
  }
  return message ? t('error.generic', { detail: message }) : t('error.unknown');
}
