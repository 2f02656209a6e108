/**
 * A stand-in for office.js, for the e2e tests only (never shipped): served as `office-js/office.js`
 * to the production taskpane.html, it installs `Office` and `Excel` globals backed by
 * test/fake-excel before the pane's bundle runs. The workbook's cells come from
 * `fake-excel/workbook.json` (written by the test); Office.onReady resolves once they are in.
 *
 * Each `context.sync()` crosses to "Excel" and back in macrotasks (browser-shims.ts), as
 * Office.js's postMessage round trip does: the request goes out, Excel's side (the fake applying
 * the batch) runs in a task of its own, and the answer comes back in another, where the pane goes
 * on. What each sync was, and when Excel's side held the page's thread, is recorded on
 * `window.__fakeOffice` for the test (Excel itself runs in another process; the fake cannot).
 */
import { excelTaskStarted, macrotask } from './browser-shims';
import { FakeExcel, type FakeExcelContext } from '../../../fake-excel';
import { FakeRequestContext } from '../../../fake-excel/context';

interface WorkbookFile {
  excelApi?: string;
  /** Request and response limits in bytes (default Excel on the web's 5 MB). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  displayLanguage?: string;
  sheets: { name: string; cells: (string | number | boolean | null)[][] }[];
  active?: string;
}

/** One context.sync() as the pane made it. */
export interface SyncCall {
  /** performance.now() when the pane called sync(). */
  calledAt: number;
  /** Which Excel.run batch it belongs to (1-based, in the order the batches started). */
  batch: number;
  /** Excel's side: when the fake started and ended applying it (in one task of the page's thread). */
  excelStart: number;
  excelEnd: number;
  /**
   * Operations queued; 0 for a sync with nothing queued, which Office.js does not send (the fake
   * does not count it either: FakeStats.emptySyncs).
   */
  ops: number;
  /** Of which writes to the workbook (values, formats, structure, clears). */
  writes: number;
  /** What was queued (the fake's labels, repeated ones counted), and whether it failed. */
  labels: string[];
  failed?: string;
}

export interface FakeOfficeHandle {
  fake: FakeExcel;
  ready: Promise<void>;
  syncs: SyncCall[];
  /** Excel.run batches started so far. */
  batches: number;
  select(sheet: string, address: string): void;
  sheetNames(): string[];
  /** Values of a rectangle (for the test's checks; no sync). */
  valuesOf(sheet: string, address: string): unknown[][];
}

const fake = new FakeExcel({ excelApi: '1.7' });
const syncs: SyncCall[] = [];
let batches = 0;

// Excel's side in a task of its own, the answer in the next one (see the header).
const originalSync = FakeRequestContext.prototype.sync;
FakeRequestContext.prototype.sync = async function sync<T>(this: FakeRequestContext & { batchNumber?: number }, passThroughValue?: T): Promise<T> {
  const calledAt = performance.now();
  const before = fake.stats.syncs.length;
  let failure: unknown;
  let failed = false;
  let value: T | undefined;
  try {
    value = (await originalSync.call(this, passThroughValue)) as T;
  } catch (error) {
    failed = true;
    failure = error;
  }
  // Still the task in which the fake applied the batch.
  const excelEnd = performance.now();
  const record = fake.stats.syncs.length > before ? fake.stats.syncs[fake.stats.syncs.length - 1] : undefined;
  syncs.push({
    calledAt,
    batch: this.batchNumber ?? 0,
    excelStart: excelTaskStarted,
    excelEnd,
    ops: record?.ops ?? 0,
    writes: record ? record.byCategory.values + record.byCategory.format + record.byCategory.structure + record.byCategory.clear : 0,
    labels: record ? summarize(record.labels) : [],
    ...(record?.failed && { failed: record.failed }),
  });
  await macrotask();
  if (failed) throw failure;
  return value as T;
};

/** "Range.values= ×12" instead of twelve labels. */
function summarize(labels: string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
}

const run = <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
  const number = ++batches;
  return fake.run((context) => {
    (context as FakeExcelContext & { batchNumber?: number }).batchNumber = number;
    return batch(context);
  });
};

let displayLanguage = 'en-US';

const ready = fetch('fake-excel/workbook.json')
  .then((response) => {
    if (!response.ok) throw new Error(`fake-excel/workbook.json: HTTP ${response.status}`);
    return response.json() as Promise<WorkbookFile>;
  })
  .then((file) => {
    if (file.excelApi) fake.excelApi = file.excelApi;
    const limits = fake.limits as { maxRequestBytes: number; maxResponseBytes: number };
    if (file.maxRequestBytes) limits.maxRequestBytes = file.maxRequestBytes;
    if (file.maxResponseBytes) limits.maxResponseBytes = file.maxResponseBytes;
    if (file.displayLanguage) displayLanguage = file.displayLanguage;
    for (const sheet of file.sheets) fake.addSheet(sheet.name, sheet.cells.map((row) => row.map((v) => (v === null ? '' : v))));
    fake.activate(file.active ?? file.sheets[0].name);
  });

const handle: FakeOfficeHandle = {
  fake,
  ready,
  syncs,
  get batches() {
    return batches;
  },
  select: (sheet, address) => {
    fake.activate(sheet);
    fake.select(sheet, address);
  },
  sheetNames: () => fake.sheetNames(),
  valuesOf: (sheet, address) => fake.valuesOf(sheet, address),
};

const scope = window as unknown as Record<string, unknown>;
scope.__fakeOffice = handle;
scope.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  onReady: (callback?: (info: { host: string; platform: string }) => void) =>
    ready.then(() => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return info;
    }),
  context: {
    get displayLanguage() {
      return displayLanguage;
    },
    officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000', isDarkTheme: false },
    requirements: fake.Office.context.requirements,
  },
};
scope.Excel = { ...fake.Excel, run };
