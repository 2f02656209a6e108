/**
 * A file the page cannot open, as a message id and its parameters, so the page says it in the
 * user's language and names the file. Also the size limit, checked before a byte is read.
 */
import type { Locale } from '../../i18n/locale';
import type { StandaloneMessageId, TextParams } from '../standalone-text';
import { formatFileSize, standaloneText } from '../standalone-text';

/**
 * The largest file the page opens. The workbook lives in exceljs on the page's own thread: a
 * 10 MB CSV (about 90,000 bank lines) opens in about 2 s, and a run or a download takes about
 * 10 s each on 2 cores (measured in Chromium); far past that the tab freezes for long or runs out
 * of memory. Larger files belong to the command line or to Excel.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export class FileProblem extends Error {
  constructor(
    readonly id: StandaloneMessageId,
    readonly params: TextParams,
  ) {
    // The English sentence, for logs and tests; the page shows it in the user's language.
    super(fileProblemText(id, params, 'en'));
    this.name = 'FileProblem';
  }

  text(locale: Locale): string {
    return fileProblemText(this.id, this.params, locale);
  }
}

/** What a file turned out to be, when it is a known kind of non-spreadsheet. */
export type FileKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'binary';

function fileProblemText(id: StandaloneMessageId, params: TextParams, locale: Locale): string {
  const kind = params.kind;
  const resolved = typeof kind === 'string' ? { ...params, kind: standaloneText(`kind.${kind as FileKind}`, locale) } : params;
  return standaloneText(id, locale, resolved);
}

/** Refuses a file over the limit by its size alone, before it is read. */
export function checkFileSize(name: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new FileProblem('problem.tooLarge', { name, size: formatFileSize(size), limit: formatFileSize(MAX_FILE_BYTES) });
  }
}
