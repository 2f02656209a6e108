/**
 * The XML of a native chart and of the drawing that places it on a sheet, as Excel itself stores
 * them (see chart-parts.ts for the parts a chart needs). Pure text builders, shared by the exceljs
 * path (chart-parts adds them to the zip exceljs wrote) and the streamed workbook (xlsx-stream).
 */
import type { CellValue } from '../../engine/types';
import type { ChartSpec, GridArea } from '../workbook';
import { columnLetter, quoteSheetName } from '../layout/a1';

export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

export function relationshipsXml(relationships: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
}

/** A drawing part holding the given anchors. */
export function drawingXml(anchors: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`;
}

export function anchorXml(area: GridArea, id: number, title: string): string {
  const corner = (column: number, row: number) => `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(area.column, area.row)}</xdr:from><xdr:to>${corner(area.column + area.columns, area.row + area.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId${id}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** `'Summary'!$B$40:$B$43` for a 0-based grid rectangle. */
function reference(sheet: string, row: number, column: number, rows: number, columns: number): string {
  const cell = (r: number, c: number) => `$${columnLetter(c + 1)}$${r + 1}`;
  const first = cell(row, column);
  const last = cell(row + rows - 1, column + columns - 1);
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

export function chartXml(chart: ChartSpec, sheet: string, values: CellValue[][]): string {
  const { data } = chart;
  const at = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
  const points = data.rows - 1;
  const categories = Array.from({ length: points }, (_, i) => String(at(data.row + 1 + i, data.column) ?? ''));
  const strCache = (texts: string[]) => `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const series: string[] = [];
  for (let s = 1; s < data.columns; s++) {
    const column = data.column + s;
    const numbers = Array.from({ length: points }, (_, i) => at(data.row + 1 + i, column));
    series.push(
      `<c:ser><c:idx val="${s - 1}"/><c:order val="${s - 1}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(reference(sheet, data.row, column, 1, 1))}</c:f>${strCache([String(at(data.row, column) ?? '')])}</c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeXml(reference(sheet, data.row + 1, data.column, points, 1))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(reference(sheet, data.row + 1, column, points, 1))}</c:f><c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="${points}"/>` +
      numbers.map((n, i) => (typeof n === 'number' ? `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>` : '')).join('') +
      `</c:numCache></c:numRef></c:val></c:ser>`,
    );
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/><c:axId val="500100"/><c:axId val="500200"/></c:barChart>` +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.type === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.type === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
