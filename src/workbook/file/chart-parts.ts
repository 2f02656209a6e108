/**
 * Native charts in an .xlsx file. exceljs cannot write charts, so after it has written the workbook
 * this adds the parts a chart needs, the way Excel itself stores one:
 *   xl/charts/chartN.xml                 the chart (clustered columns, series from the sheet's cells,
 *                                        with cached values so a reader shows it before recalculating)
 *   xl/drawings/drawingN.xml (+ rels)    where it sits on the sheet (a two-cell anchor)
 *   the sheet's <drawing r:id> and rels, and both content types.
 * Excel and LibreOffice open the result as a chart object, not a picture.
 */
import JSZip from 'jszip';
import type { CellValue } from '../../engine/types';
import type { ChartSpec, GridArea } from '../workbook';
import { columnLetter, quoteSheetName } from '../layout/a1';

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** The sheet's grid as written (for the charts' cached values). */
  values: CellValue[][];
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** Worksheet children that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export async function addChartParts(bytes: Uint8Array, sheets: SheetCharts[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`The workbook has no part ${path}.`);
    return file.async('string');
  };
  const sheetPaths = await sheetPartPaths(await text('xl/workbook.xml'), await text('xl/_rels/workbook.xml.rels'));
  let contentTypes = await text('[Content_Types].xml');
  let chartNumber = freeNumber(zip, (n) => `xl/charts/chart${n}.xml`);
  let drawingNumber = freeNumber(zip, (n) => `xl/drawings/drawing${n}.xml`);

  for (const { sheet, charts, values } of withCharts) {
    const sheetPath = sheetPaths.get(sheet);
    if (!sheetPath) throw new Error(`The workbook has no sheet named "${sheet}" for its charts.`);
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    charts.forEach((chart, i) => {
      const chartPath = `xl/charts/chart${chartNumber}.xml`;
      zip.file(chartPath, chartXml(chart, sheet, values));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CHART_TYPE);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${NS_REL}/chart" Target="../charts/chart${chartNumber}.xml"/>`);
      anchors.push(anchorXml(chart.anchor, i + 1, chart.title));
      chartNumber++;
    });
    zip.file(drawingPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`);
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(drawingRels));
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, DRAWING_TYPE);

    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const existingRels = zip.file(relsPath) ? await text(relsPath) : relationshipsXml([]);
    const relId = freeRelId(existingRels);
    zip.file(relsPath, existingRels.replace('</Relationships>', `<Relationship Id="${relId}" Type="${NS_REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`));
    zip.file(sheetPath, withDrawing(await text(sheetPath), relId));
    drawingNumber++;
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Sheet name → its part path (`xl/worksheets/sheet3.xml`), from workbook.xml and its rels. */
async function sheetPartPaths(workbookXml: string, relsXml: string): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const paths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const id = attribute(m[0], 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) paths.set(unescapeXml(name), target);
  }
  return paths;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function freeNumber(zip: JSZip, path: (n: number) => string): number {
  let n = 1;
  while (zip.file(path(n))) n++;
  return n;
}

function freeRelId(rels: string): string {
  let n = 1;
  while (rels.includes(`Id="rIdChart${n}"`)) n++;
  return `rIdChart${n}`;
}

function relationshipsXml(relationships: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  return contentTypes.replace('</Types>', `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

/** The sheet with `<drawing r:id>` where the schema wants it, and the r namespace declared. */
function withDrawing(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  const tag = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = xml.search(new RegExp(`<${name}[\\s>/]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + tag + xml.slice(at);
}

function anchorXml(area: GridArea, id: number, title: string): string {
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

function chartXml(chart: ChartSpec, sheet: string, values: CellValue[][]): string {
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

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
