/**
 * The request context: operations queue on it and run, in order, only at `sync()`; loads are
 * answered only then. Each sync is measured (request and response bytes, operations by kind)
 * and refused whole when a payload is over Excel on the web's 5 MB limit.
 * A runtime error part-way through a batch leaves the earlier operations applied, as Excel does
 * (a batch is not a transaction); a payload error or an injected "before" failure applies nothing.
 */
import { FakeOfficeError, type FakeErrorCode } from './errors';
import type { WorkbookModel } from './model';
import type { FakeStats, OpCategory } from './stats';

export interface FakeLimits {
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  maxRequestBytes: number;
  /** Response payload limit in bytes (Excel on the web: 5 MB). */
  maxResponseBytes: number;
  /** Cells one range read/write may touch (Excel: 5,000,000). */
  maxCellsPerRange: number;
}

export interface InjectedFailure {
  code: FakeErrorCode;
  /** Apply this many operations of the batch first (a half-done batch); absent: apply none. */
  afterOps?: number;
}

export interface FakeHost {
  readonly model: WorkbookModel;
  readonly stats: FakeStats;
  readonly limits: FakeLimits;
  /** The user is typing in a cell: every batch fails (InvalidOperationInCellEditMode). */
  readonly editingCell: boolean;
  /**
   * Whether a range's used range (values only) counts spilled cells. Excel's documentation does
   * not say; true is the natural reading (they show values). Tests set false to check the add-in
   * does not depend on it (it asks Range.hasSpill where ExcelApi 1.12 is there).
   */
  readonly spillsInUsedRange: boolean;
  /**
   * What Range.getUsedRange(valuesOnly) gives: 'tight', the bounds of the used cells inside the
   * range (what "Returns the used range of the given range object" says); 'sheet-bounds', the
   * worksheet's used range cut to the range (null only when they do not meet), the looser reading
   * some Excel emulations take. The documentation does not settle it; the add-in must be right
   * under both (tests run it under 'sheet-bounds').
   */
  readonly rangeUsedRange: 'tight' | 'sheet-bounds';
  requireApi(version: string, member: string): void;
  /** The failure planned for this sync number, if any (consumed). */
  takeFailure(syncIndex: number): InjectedFailure | undefined;
}

/** Bytes of fixed overhead: one queued action, one object path, one request, one loaded object. */
export const OP_OVERHEAD_BYTES = 150;
export const PATH_OVERHEAD_BYTES = 80;
export const REQUEST_OVERHEAD_BYTES = 200;
export const LOAD_RESPONSE_OVERHEAD_BYTES = 60;

export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
}

export interface Delivery {
  data: unknown;
  apply(): void;
}

export interface Op {
  label: string;
  category: OpCategory;
  bytes: number;
  /** Cells the operation writes or formats, for the single-cell counter (evaluated when it runs). */
  cells?: () => number;
  exec(): Delivery | void;
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeRequestContext {
  private queue: Op[] = [];
  private valid = true;
  /** Office.js has this; the fake keeps no tracked objects, so add/remove do nothing. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly host: FakeHost) {}

  invalidate(): void {
    this.valid = false;
  }

  enqueue(op: Op): void {
    if (!this.valid) throw new FakeOfficeError('InvalidObjectPath', undefined, op.label);
    this.queue.push(op);
  }

  /** Operations queued and not yet synced (tests use this to show that nothing ran yet). */
  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (!this.valid) throw new FakeOfficeError('InvalidObjectPath', undefined, 'RequestContext.sync');
    const ops = this.queue;
    this.queue = [];
    await tick();
    const { model, stats, limits } = this.host;
    if (ops.length === 0) {
      stats.emptySyncs++;
      return passThroughValue as T;
    }
    const record = stats.newRecord();
    record.ops = ops.length;
    record.requestBytes = REQUEST_OVERHEAD_BYTES;
    for (const op of ops) {
      record.byCategory[op.category]++;
      record.requestBytes += op.bytes;
      record.labels.push(op.label);
    }
    // While the user edits a cell, Excel fails every batch whole: "if the user is in cell edit when
    // the batch request is processed by the host, the batch automatically fails"
    // (RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions;
    // error code InvalidOperationInCellEditMode, Excel.ErrorCodes).
    if (this.host.editingCell) {
      record.failed = 'InvalidOperationInCellEditMode';
      throw new FakeOfficeError('InvalidOperationInCellEditMode');
    }
    const failure = this.host.takeFailure(record.index);
    const fail = (error: FakeOfficeError): never => {
      record.failed = error.code;
      throw error;
    };
    if (failure && failure.afterOps === undefined) fail(new FakeOfficeError(failure.code));
    if (record.requestBytes > limits.maxRequestBytes) fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded'));

    const journal: (() => void)[] | null = ops.some((op) => op.category === 'load') ? [] : null;
    model.journal = journal;
    stats.current = record;
    const deliveries: Delivery[] = [];
    try {
      ops.forEach((op, i) => {
        if (failure && i === failure.afterOps) throw new FakeOfficeError(failure.code);
        const cells = op.cells?.();
        if (cells === 1 && (op.category === 'values' || op.category === 'format' || op.category === 'clear')) record.singleCellWrites++;
        const delivery = op.exec();
        if (delivery) {
          deliveries.push(delivery);
          record.responseBytes += LOAD_RESPONSE_OVERHEAD_BYTES + jsonBytes(delivery.data);
        }
      });
    } catch (error) {
      model.journal = null;
      stats.current = null;
      if (error instanceof FakeOfficeError) fail(error);
      throw error;
    }
    model.journal = null;
    stats.current = null;
    if (record.responseBytes > limits.maxResponseBytes) {
      for (const undo of (journal ?? []).reverse()) undo();
      fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded'));
    }
    for (const d of deliveries) d.apply();
    return passThroughValue as T;
  }
}
