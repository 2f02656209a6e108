/**
 * Starts a workbook worker (webpack emits workbook.worker.ts as its own bundle, with exceljs). Kept
 * in a file of its own: `import.meta` only exists in the webpack build.
 */
import type { WorkbookPort } from './workbook-client';

export function createWorkbookWorker(): WorkbookPort {
  // @ts-ignore TS1343: tsconfig targets CommonJS for node and jest; webpack resolves import.meta here.
  return new Worker(new URL('./workbook.worker.ts', import.meta.url), { name: 'recon-workbook' }) as unknown as WorkbookPort;
}
