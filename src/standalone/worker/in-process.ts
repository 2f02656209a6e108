/**
 * The page's workbook on the page's own thread, through the same client and service the worker
 * uses: for tests (jsdom has no workers), never for the page itself (it would pull exceljs in).
 */
import type { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { StandaloneWorkbook } from '../host/standalone-workbook';
import { inProcessPort, WorkbookClient } from './workbook-client';
import { WorkbookService } from './workbook-service';

/** A client over a fresh service, as `createWorkbookWorker` gives one over a fresh worker. */
export function inProcessClient(): WorkbookClient {
  return new WorkbookClient(inProcessPort(new WorkbookService()));
}

/** A host over a workbook already open. */
export async function openInProcess(file: XlsxWorkbook, fileName: string): Promise<StandaloneWorkbook> {
  const client = new WorkbookClient(inProcessPort(new WorkbookService(file, fileName)));
  return new StandaloneWorkbook(client, { fileName, sheets: await file.sheetNames() });
}
