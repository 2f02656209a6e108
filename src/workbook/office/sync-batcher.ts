/**
 * Packs queued Office.js operations into as few `context.sync()` calls as the request budget
 * allows: work is added with its estimated size, and a sync happens only when the next piece
 * would not fit. Checks the AbortSignal before every sync. Requires ExcelApi 1.1.
 */

export interface Syncable {
  sync(): Promise<unknown>;
}

import { throwIfAborted } from '../abort';

export { abortError, throwIfAborted } from '../abort';

export class SyncBatcher {
  private pendingBytes = 0;
  private pendingWork = 0;
  syncs = 0;

  constructor(
    private readonly context: Syncable,
    private readonly budgetBytes: number,
    private readonly signal?: AbortSignal,
    /** Called after each sync with the work units (e.g. cells) it carried. */
    private readonly onSynced?: (work: number) => void,
  ) {}

  /** Queues `queue()` costing `bytes`; syncs what is pending first if both would not fit. */
  async add(bytes: number, queue: () => void, work = 0): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budgetBytes) await this.flush();
    queue();
    this.pendingBytes += bytes;
    this.pendingWork += work;
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    throwIfAborted(this.signal);
    const work = this.pendingWork;
    this.pendingBytes = 0;
    this.pendingWork = 0;
    await this.context.sync();
    this.syncs++;
    this.onSynced?.(work);
  }
}

/** Office.js errors carry a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
