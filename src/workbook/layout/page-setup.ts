/**
 * A sheet's PageSetup as the strings every host hands to Excel: the print area, the rows repeated
 * on each page, the header and footer sections. One derivation, so the add-in, the .xlsx file and
 * the memory workbook print alike. Header/footer text uses Excel's codes (&P page, &N pages);
 * a literal `&` in the header text (a company "Smith & Co") is doubled so it prints as itself.
 */
import { widestRow } from './widest-row';
import type { GridArea, PageSetup, SheetSpec } from '../workbook';
import { rectAddress } from './a1';

/** Excel refuses header or footer strings over 255 characters (codes included). */
export const MAX_HEADER_FOOTER = 255;

export interface PrintStrings {
  /** `A1:H52`: the page's print area, or the whole grid. */
  printArea: string;
  /** `1:3` (1-based rows), or undefined when no rows repeat. */
  titleRows?: string;
  /** Centre header text with `&` escaped, at most 255 characters. */
  headerCenter?: string;
  /** Centre footer text with its codes as the layout wrote them, at most 255 characters. */
  footerCenter?: string;
}

export function printStrings(spec: SheetSpec, page: PageSetup): PrintStrings {
  const width = Math.max(1, widestRow(spec.values));
  const area: GridArea = page.printArea ?? { row: 0, column: 0, rows: Math.max(1, spec.values.length), columns: width };
  const repeat = page.repeatRows;
  return {
    printArea: rectAddress({ top: area.row + 1, left: area.column + 1, bottom: area.row + area.rows, right: area.column + area.columns }),
    titleRows: repeat ? `${repeat.first + 1}:${repeat.last + 1}` : undefined,
    headerCenter: page.headerCenter === undefined ? undefined : escapeHeaderText(page.headerCenter),
    footerCenter: page.footerCenter === undefined ? undefined : page.footerCenter.slice(0, MAX_HEADER_FOOTER),
  };
}

/** Plain text as header text: `&` doubled, cut to the limit without leaving half an escape. */
export function escapeHeaderText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n]+/g, ' ')) {
    const next = ch === '&' ? '&&' : ch;
    if (out.length + next.length > MAX_HEADER_FOOTER) break;
    out += next;
  }
  return out;
}

/** `$1:$3` for Office.js setPrintTitleRows. */
export function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r}`)
    .join(':');
}
