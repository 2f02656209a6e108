/**
 * A SheetSpec's PageSetup through Office.js `worksheet.pageLayout` (ExcelApi 1.9; the caller
 * checks `isSetSupported('ExcelApi','1.9')` and skips it on older hosts, where the sheet is still
 * written, only without print settings). One queued batch of a few operations per sheet.
 */
import type { WorksheetApi } from './excel-api';
import { absoluteRows, printStrings } from '../layout/page-setup';
import type { SheetSpec } from '../workbook';
import { jsonStringBytes, OPERATION_BYTES } from './payload';
import type { SyncBatcher } from './sync-batcher';

/** Operations one page setup queues at most (paper, orientation, zoom, area, titles, header, footer). */
export const PAGE_LAYOUT_OPERATIONS = 7;

export async function queuePageLayout(batcher: SyncBatcher, sheet: WorksheetApi, spec: SheetSpec): Promise<void> {
  const page = spec.page;
  if (!page) return;
  const strings = printStrings(spec, page);
  const textBytes = jsonStringBytes(strings.headerCenter ?? '') + jsonStringBytes(strings.footerCenter ?? '');
  await batcher.add(OPERATION_BYTES * PAGE_LAYOUT_OPERATIONS + textBytes, () => {
    const layout = sheet.pageLayout;
    if (page.paper) layout.paperSize = page.paper;
    if (page.orientation) layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // Width fixed, height free: 0 pages tall is Excel's "automatic".
    if (page.fitToPagesWide) layout.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
    layout.setPrintArea(strings.printArea);
    if (strings.titleRows) layout.setPrintTitleRows(absoluteRows(strings.titleRows));
    if (strings.headerCenter !== undefined || strings.footerCenter !== undefined) {
      const pages = layout.headersFooters.defaultForAllPages;
      if (strings.headerCenter !== undefined) pages.centerHeader = strings.headerCenter;
      if (strings.footerCenter !== undefined) pages.centerFooter = strings.footerCenter;
    }
  });
}
