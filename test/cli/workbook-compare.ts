/**
 * Two .xlsx files as exceljs reads them, described sheet by sheet in plain data so a test can say
 * where they differ: tab order and visibility; every cell's value (formulas with their cached
 * result), number format, font, fill, border and alignment; merges, column widths, frozen panes,
 * page setup and header/footer, conditional formats, tables; and the charts' XML parts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface SheetDescription {
  name: string;
  state: string;
  cells: Record<string, unknown>;
  merges: string[];
  widths: (number | undefined)[];
  views: unknown[];
  page: Record<string, unknown>;
  headerFooter: Record<string, unknown>;
  conditionalFormats: unknown[];
  tables: unknown[];
}

export async function describeWorkbook(bytes: Uint8Array): Promise<{ sheets: SheetDescription[]; charts: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = book.worksheets.map((ws) => describeSheet(ws));
  const zip = await JSZip.loadAsync(bytes);
  const charts: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort()) charts.push(await zip.file(name)!.async('string'));
  return { sheets, charts };
}

function describeSheet(ws: ExcelJS.Worksheet): SheetDescription {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = cell.style ?? {};
      const entry: Record<string, unknown> = {};
      const value = cell.type === ExcelJS.ValueType.Merge ? '(merged)' : cell.value;
      if (value !== null && value !== undefined) entry.value = value;
      if (style.numFmt && style.numFmt !== 'General') entry.numFmt = style.numFmt;
      if (style.font) entry.font = clean(style.font);
      if (style.fill && !(style.fill.type === 'pattern' && style.fill.pattern === 'none')) entry.fill = clean(style.fill);
      if (style.border && Object.keys(clean(style.border) as object).length) entry.border = clean(style.border);
      if (style.alignment && Object.keys(clean(style.alignment) as object).length) entry.alignment = clean(style.alignment);
      if (Object.keys(entry).length) cells[cell.address] = entry;
    });
  });
  const model = ws.model as unknown as { merges?: string[] };
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) widths.push(ws.getColumn(c).width);
  const page = ws.pageSetup as unknown as Record<string, unknown>;
  const tables = (ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }[]).map(({ table }) => ({
    name: table.name,
    ref: table.tableRef ?? table.ref,
    columns: table.columns.map((c) => c.name),
  }));
  const conditionalFormats = ((ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? []).map((cf) => ({
    ref: cf.ref,
    rules: cf.rules.map((rule) => clean({ type: rule.type, formulae: (rule as { formulae?: unknown }).formulae, fill: (rule as { style?: { fill?: unknown } }).style?.fill, priority: rule.priority })),
  }));
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges: [...(model.merges ?? [])].sort(),
    widths,
    views: (ws.views ?? []).map((v) => clean({ state: v.state, xSplit: (v as { xSplit?: number }).xSplit, ySplit: (v as { ySplit?: number }).ySplit, topLeftCell: (v as { topLeftCell?: string }).topLeftCell })),
    page: clean({
      paperSize: page.paperSize,
      orientation: page.orientation,
      fitToPage: page.fitToPage,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      printArea: page.printArea,
      printTitlesRow: page.printTitlesRow,
      margins: page.margins,
    }) as Record<string, unknown>,
    headerFooter: clean({ oddHeader: ws.headerFooter?.oddHeader, oddFooter: ws.headerFooter?.oddFooter }) as Record<string, unknown>,
    conditionalFormats,
    tables,
  };
}

/** A copy without undefined members (exceljs leaves some keys present but undefined). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = clean(v);
    return out;
  }
  return value;
}
