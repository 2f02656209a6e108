/**
 * What the fake measures per sync: how many operations of which kind, request and response
 * sizes. Tests assert budgets on these; the benchmark prints them.
 */
export type OpCategory = 'path' | 'values' | 'format' | 'structure' | 'clear' | 'load' | 'method';

export interface SyncRecord {
  index: number;
  ops: number;
  byCategory: Record<OpCategory, number>;
  /** Value/format/clear operations aimed at exactly one cell. */
  singleCellWrites: number;
  requestBytes: number;
  responseBytes: number;
  /** Most cells one range read or write carried as data (values, formulas, format arrays) in this sync. */
  maxRangeCells: number;
  /** What each operation was, e.g. "Worksheet.name=" (for tests locating a step). */
  labels: string[];
  /** Set when the sync failed: the error code. */
  failed?: string;
}

function emptyCategories(): Record<OpCategory, number> {
  return { path: 0, values: 0, format: 0, structure: 0, clear: 0, load: 0, method: 0 };
}

export class FakeStats {
  syncs: SyncRecord[] = [];
  /** sync() calls with nothing queued: Office.js sends no request for those. */
  emptySyncs = 0;

  newRecord(): SyncRecord {
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      ops: 0,
      byCategory: emptyCategories(),
      singleCellWrites: 0,
      requestBytes: 0,
      responseBytes: 0,
      labels: [],
      maxRangeCells: 0,
    };
    this.syncs.push(record);
    return record;
  }

  /** The sync being executed (set by the request context while operations run). */
  current: SyncRecord | null = null;

  noteRangeCells(cells: number): void {
    if (this.current && cells > this.current.maxRangeCells) this.current.maxRangeCells = cells;
  }

  get maxRangeCells(): number {
    return Math.max(0, ...this.syncs.map((s) => s.maxRangeCells));
  }

  reset(): void {
    this.syncs = [];
    this.emptySyncs = 0;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  get maxOpsPerSync(): number {
    return Math.max(0, ...this.syncs.map((s) => s.ops));
  }

  total(category: OpCategory): number {
    return this.syncs.reduce((sum, s) => sum + s.byCategory[category], 0);
  }

  get totalOps(): number {
    return this.syncs.reduce((sum, s) => sum + s.ops, 0);
  }

  get singleCellWrites(): number {
    return this.syncs.reduce((sum, s) => sum + s.singleCellWrites, 0);
  }

  summary(): string {
    return [
      `syncs ${this.syncCount}`,
      `ops ${this.totalOps} (values ${this.total('values')}, format ${this.total('format')}, structure ${this.total('structure')}, clear ${this.total('clear')}, load ${this.total('load')}, path ${this.total('path')})`,
      `max ops/sync ${this.maxOpsPerSync}`,
      `max request ${this.maxRequestBytes} B`,
      `max response ${this.maxResponseBytes} B`,
      `single-cell writes ${this.singleCellWrites}`,
    ].join('; ');
  }
}
