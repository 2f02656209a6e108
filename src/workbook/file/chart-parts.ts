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
import type { ChartSpec } from '../workbook';
import { partPath } from './part-path';
import { anchorXml, chartXml, CHART_TYPE, drawingXml, DRAWING_TYPE, NS_REL, relationshipsXml } from './chart-xml';

export interface SheetCharts {
  sheet: string;
  charts: ChartSpec[];
  /** The sheet's grid as written (for the charts' cached values). */
  values: CellValue[][];
}

/** Worksheet children that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export async function addChartParts(bytes: Uint8Array, sheets: SheetCharts[]): Promise<Uint8Array> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  // Parts go in as UTF-8 bytes, never as strings: JSZip encodes a string 16 KB of it at a time, and a
  // character outside the BMP (an emoji, a rare name character like 𠀀) cut by that boundary became
  // two U+FFFD (jszip 3.10.1; test/workbook/file/chart-parts.test.ts).
  const utf8 = new TextEncoder();
  const put = (path: string, xml: string) => zip.file(path, utf8.encode(xml));
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
      put(chartPath, chartXml(chart, sheet, values));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CHART_TYPE);
      drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${NS_REL}/chart" Target="../charts/chart${chartNumber}.xml"/>`);
      anchors.push(anchorXml(chart.anchor, i + 1, chart.title));
      chartNumber++;
    });
    put(drawingPath, drawingXml(anchors));
    put(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(drawingRels));
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, DRAWING_TYPE);

    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const existingRels = zip.file(relsPath) ? await text(relsPath) : relationshipsXml([]);
    const relId = freeRelId(existingRels);
    put(relsPath, existingRels.replace('</Relationships>', `<Relationship Id="${relId}" Type="${NS_REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/></Relationships>`));
    put(sheetPath, withDrawing(await text(sheetPath), relId));
    drawingNumber++;
  }
  put('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Sheet name → its part path (`xl/worksheets/sheet3.xml`), from workbook.xml and its rels. */
async function sheetPartPaths(workbookXml: string, relsXml: string): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, partPath(target));
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

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
