/**
 * A file the page cannot open, as a message id and its parameters, so the page says it in the
 * user's language and names the file. Also the size limit, checked before a byte is read.
 */
import type { Locale } from '../../i18n/locale';
import type { StandaloneMessageId, TextParams } from '../standalone-text';
import { formatFileSize, standaloneText } from '../standalone-text';

/**
 * The largest file (or files opened together) the page opens: a year of a busy account's Alipay or
 * bank export fits. Files are read and parsed in the page's workbook worker, which holds them in
 * exceljs at about HEAP_PER_FILE_BYTE times their size (measured: 240 MB of heap for an 11 MB,
 * 97,000-line bank CSV), so 128 MB takes about 3 GB there, inside Chromium's 4 GB per worker.
 * Larger files belong to the command line or to Excel.
 */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;
/** Worker heap per byte of file, to refuse a file up front where the browser says its heap limit. */
export const HEAP_PER_FILE_BYTE = 24;

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

/**
 * Refuses a file over the limit by its size alone, before it is read; and, where the browser says
 * how much heap a page may use (Chromium's performance.memory), one that would not fit in it, so it
 * gets this message instead of running out of memory half-way.
 */
export function checkFileSize(name: string, size: number, heapLimit: number | undefined = browserHeapLimit()): void {
  if (size > MAX_FILE_BYTES) {
    throw new FileProblem('problem.tooLarge', { name, size: formatFileSize(size), limit: formatFileSize(MAX_FILE_BYTES) });
  }
  if (heapLimit !== undefined && heapLimit > 0 && size * HEAP_PER_FILE_BYTE > heapLimit) {
    throw new FileProblem('problem.tooLargeForMemory', {
      name,
      size: formatFileSize(size),
      memory: formatFileSize(heapLimit),
      limit: formatFileSize(heapLimit / HEAP_PER_FILE_BYTE),
    });
  }
}

/** The JavaScript heap a page (and each of its workers) may use, where the browser tells (Chromium). */
function browserHeapLimit(): number | undefined {
  const memory = (globalThis.performance as { memory?: { jsHeapSizeLimit?: number } } | undefined)?.memory;
  return typeof memory?.jsHeapSizeLimit === 'number' ? memory.jsHeapSizeLimit : undefined;
}
