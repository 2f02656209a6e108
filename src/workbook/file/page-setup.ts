/**
 * A SheetSpec's PageSetup on an exceljs worksheet: paper, orientation, fit to N pages wide with
 * the height free (fitToHeight 0), print area, rows repeated on every page, centre header and footer.
 */
import type ExcelJS from 'exceljs';
import { printStrings } from '../layout/page-setup';
import type { SheetSpec } from '../workbook';

/** exceljs/OOXML paper size codes. */
const PAPER_SIZE = { A4: 9 } as const;

export function applyPageSetup(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const page = spec.page;
  if (!page) return;
  const strings = printStrings(spec, page);
  // exceljs writes the print area and titles as `'<name>'!…` without doubling an apostrophe in
  // the name, which makes a file Excel repairs and exceljs itself cannot reopen; such a sheet
  // prints its used range with no repeated rows instead (statement tab names avoid apostrophes).
  const quotable = !spec.name.includes("'");
  // exceljs puts a `$` before each corner (`$A1`); the rows' `$` given here make it `$A$1:$I$40`,
  // the absolute form LibreOffice honours as a print range.
  const setup: Partial<ExcelJS.PageSetup> = quotable ? { printArea: strings.printArea.replace(/([A-Z]+)(\d+)/g, '$1$$$2') } : {};
  if (page.orientation) setup.orientation = page.orientation;
  if (page.paper) setup.paperSize = PAPER_SIZE[page.paper] as ExcelJS.PaperSize;
  if (page.fitToPagesWide) Object.assign(setup, { fitToPage: true, fitToWidth: page.fitToPagesWide, fitToHeight: 0 });
  if (strings.titleRows && quotable) setup.printTitlesRow = strings.titleRows;
  ws.pageSetup = { ...ws.pageSetup, ...setup };
  const headerFooter: Partial<ExcelJS.HeaderFooter> = {};
  if (strings.headerCenter) headerFooter.oddHeader = `&C${strings.headerCenter}`;
  if (strings.footerCenter) headerFooter.oddFooter = `&C${strings.footerCenter}`;
  if (headerFooter.oddHeader || headerFooter.oddFooter) ws.headerFooter = { ...ws.headerFooter, ...headerFooter };
}
