/**
 * The command line's reconciled workbook (`recon match --out`) written as a stream of XML text, part
 * by part and row by row, instead of as an exceljs workbook in memory: at 100k rows per side exceljs
 * held an object per cell and its styles, then the whole zip (3.6 GB, 78 s). Each part here is a
 * generator of text pieces; src/cli/zip-stream.ts deflates them into the file a block at a time.
 *
 * Hand-written rather than exceljs' own streaming writer (stream.xlsx.WorkbookWriter), because that
 * writer cannot express what the workbook holds: no Excel tables (the Matches and Discrepancies
 * tables), no place for the charts' drawing part, and page setups' print areas and title rows left
 * out of workbook.xml.
 *
 * It writes the very workbook XlsxWorkbook.fromSheets(sources) + writeRun(outputs) + toBytes() makes
 * (a test opens both with exceljs and compares every cell's value and style, merges, widths, panes,
 * tables, page setup, visibility):
 *   - the source sheets' values (an empty string is no cell), the status column beside each range
 *     and its highlight rules as conditional formats;
 *   - every output sheet: values (strings always text), link formulas with their cached values,
 *     Excel tables, column formats below the header, area styles (bold, red, fill, format, merge,
 *     wrap, alignment, borders) composed in order as exceljs composes them, column widths, frozen
 *     rows, page setup (paper, orientation, fit to width, print area, title rows, header/footer),
 *     charts;
 *   - the veryHidden `_recon_state` sheet, every cell text.
 * Strings are inline (`t="inlineStr"`), so no shared-strings table of every text is held; only ''
 * goes through a one-entry shared-strings part (an empty inline string reads back as no value).
 *
 * Pure: no Node, no DOM; the caller zips the parts.
 */
import type { CellValue } from '../../engine/types';
import { ALERT_COLOUR, argb, HIGHLIGHT_COLOURS } from '../colours';
import { columnLetter, rectAddress } from '../layout/a1';
import { highlightRect, ruleFormula } from '../layout/highlight-rules';
import { linkFormula } from '../layout/link-formula';
import { printStrings } from '../layout/page-setup';
import { fittedColumnWidths } from '../layout/text-width';
import { encodeState, STATE_SHEET, stateOf } from '../layout/recon-state';
import { planRun, type WorkbookProbe } from '../layout/write-plan';
import type { AreaStyle, CellFormat, GridArea, RunOutputs, SheetSpec, SourceAnnotation } from '../workbook';
import { anchorXml, chartXml, CHART_TYPE, drawingXml, DRAWING_TYPE, NS_REL, relationshipsXml } from './chart-xml';
import { fileNumberFormat } from '../layout/number-formats';

/** One part of the package: its path and its text in pieces. */
export interface XlsxPart {
  path: string;
  text: Iterable<string>;
}

/** A sheet of the user's values copied as they are (the ledger, the bank export). */
export interface SourceSheet {
  name: string;
  values: CellValue[][];
  /** Each column's number format, given to its number cells (an .xlsx source's dates and amounts). */
  formats?: readonly (string | undefined)[];
}

export interface StreamedWorkbookOptions {
  /** xl/theme/theme1.xml (the command line passes exceljs' default theme); absent: no theme part. */
  theme?: string;
  /** docProps/core.xml's created and modified time. */
  now?: Date;
}

/** Number formats Excel knows by id (the ones exceljs maps back when reading). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE_PREFIX = 'application/vnd.openxmlformats-officedocument.';

/** A workbook sheet in tab order, whatever it came from. */
type SheetEntry =
  | { kind: 'source'; name: string; values: CellValue[][]; formats?: readonly (string | undefined)[]; annotations: SourceAnnotation[] }
  | { kind: 'output'; name: string; spec: SheetSpec; tableName?: string }
  | { kind: 'state'; name: string; rows: string[][] };

/**
 * The parts of a new workbook holding `sources` (in order) and a run's `outputs`, as
 * XlsxWorkbook.fromSheets(sources) then writeRun(outputs) would leave it. Lazy: nothing of a sheet is
 * made before its part is read, and styles.xml (which the sheets fill) comes last.
 */
export function reconciledWorkbookParts(sources: SourceSheet[], outputs: RunOutputs, options: StreamedWorkbookOptions = {}): XlsxPart[] {
  const byName = new Map(sources.map((s) => [s.name, s]));
  const probe: WorkbookProbe = {
    sheetNames: sources.map((s) => s.name),
    previous: null,
    isEmpty: (sheet, row, column) => {
      const value = byName.get(sheet)?.values[row - 1]?.[column - 1];
      return value === null || value === undefined || value === '';
    },
  };
  const plan = planRun(outputs, probe);

  const sheets: SheetEntry[] = sources.map((s) => ({ kind: 'source', name: s.name, values: s.values, formats: s.formats, annotations: plan.annotations.filter((a) => a.sheet === s.name) }));
  const tableNames = new Set<string>();
  for (const spec of plan.sheets) {
    let tableName: string | undefined;
    if (spec.table) {
      for (let n = 1; ; n++) {
        const name = n === 1 ? spec.table.name : `${spec.table.name}${n}`;
        if (!tableNames.has(name.toUpperCase())) {
          tableName = name;
          tableNames.add(name.toUpperCase());
          break;
        }
      }
    }
    sheets.push({ kind: 'output', name: spec.name, spec, tableName });
  }
  sheets.push({ kind: 'state', name: STATE_SHEET, rows: encodeState(stateOf(plan.record, outputs.memory)) });

  const styles = new StyleSheet();
  const parts: XlsxPart[] = [];
  const overrides: [string, string][] = [['/xl/workbook.xml', `${TYPE_PREFIX}spreadsheetml.sheet.main+xml`]];
  const bookRels: string[] = [];
  let relNumber = 0;
  const bookRel = (type: string, target: string, id = `rId${++relNumber}`) => bookRels.push(`<Relationship Id="${id}" Type="${NS_DOC_REL}/${type}" Target="${target}"/>`);
  bookRel('styles', 'styles.xml');
  if (options.theme) bookRel('theme', 'theme/theme1.xml');
  bookRel('sharedStrings', 'sharedStrings.xml');

  // each sheet's parts (its table, charts, rels, then the sheet), by tab index
  const partsOf: XlsxPart[][] = sheets.map(() => []);
  const definedNames: string[] = [];
  let tableNumber = 0;
  let chartNumber = 0;
  let drawingNumber = 0;
  sheets.forEach((sheet, index) => {
    const n = index + 1;
    const sheetParts = partsOf[index];
    const path = `xl/worksheets/sheet${n}.xml`;
    overrides.push([`/${path}`, `${TYPE_PREFIX}spreadsheetml.worksheet+xml`]);
    bookRel('worksheet', `worksheets/sheet${n}.xml`, `rIdSheet${n}`);
    if (sheet.kind === 'source') {
      sheetParts.push({ path, text: sourceSheetXml(sheet.values, sheet.annotations, styles, sheet.formats) });
      return;
    }
    if (sheet.kind === 'state') {
      sheetParts.push({ path, text: stateSheetXml(sheet.rows, styles) });
      return;
    }
    const { spec } = sheet;
    const sheetRels: string[] = [];
    let tableRelId: string | undefined;
    if (spec.table && sheet.tableName) {
      const t = ++tableNumber;
      tableRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push(`<Relationship Id="${tableRelId}" Type="${NS_DOC_REL}/table" Target="../tables/table${t}.xml"/>`);
      overrides.push([`/xl/tables/table${t}.xml`, `${TYPE_PREFIX}spreadsheetml.table+xml`]);
      const tableName = sheet.tableName;
      const table = spec.table;
      sheetParts.push({ path: `xl/tables/table${t}.xml`, text: lazy(() => tableXml(t, tableName, table.area, spec.values)) });
    }
    let drawingRelId: string | undefined;
    if (spec.charts?.length) {
      const d = ++drawingNumber;
      drawingRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push(`<Relationship Id="${drawingRelId}" Type="${NS_DOC_REL}/drawing" Target="../drawings/drawing${d}.xml"/>`);
      overrides.push([`/xl/drawings/drawing${d}.xml`, DRAWING_TYPE]);
      const anchors: string[] = [];
      const drawingRels: string[] = [];
      spec.charts.forEach((chart, i) => {
        const c = ++chartNumber;
        overrides.push([`/xl/charts/chart${c}.xml`, CHART_TYPE]);
        drawingRels.push(`<Relationship Id="rId${i + 1}" Type="${NS_REL}/chart" Target="../charts/chart${c}.xml"/>`);
        anchors.push(anchorXml(chart.anchor, i + 1, chart.title));
        sheetParts.push({ path: `xl/charts/chart${c}.xml`, text: lazy(() => chartXml(chart, spec.name, spec.values)) });
      });
      sheetParts.push({ path: `xl/drawings/drawing${d}.xml`, text: [drawingXml(anchors)] });
      sheetParts.push({ path: `xl/drawings/_rels/drawing${d}.xml.rels`, text: [relationshipsXml(drawingRels)] });
    }
    if (sheetRels.length) sheetParts.push({ path: `xl/worksheets/_rels/sheet${n}.xml.rels`, text: [relationshipsXml(sheetRels)] });
    const print = spec.page ? printStrings(spec, spec.page) : undefined;
    // As exceljs: a name with an apostrophe gets no print area or titles (see page-setup.ts).
    if (print && !spec.name.includes("'")) {
      const quoted = `'${spec.name}'`;
      definedNames.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlText(`${quoted}!${absolute(print.printArea)}`)}</definedName>`);
      if (print.titleRows) definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(`${quoted}!${print.titleRows.split(':').map((r) => `$${r}`).join(':')}`)}</definedName>`);
    }
    sheetParts.push({ path, text: outputSheetXml(spec, styles, { tableRelId, drawingRelId, print }) });
  });

  overrides.push(['/xl/styles.xml', `${TYPE_PREFIX}spreadsheetml.styles+xml`], ['/xl/sharedStrings.xml', `${TYPE_PREFIX}spreadsheetml.sharedStrings+xml`]);
  if (options.theme) overrides.push(['/xl/theme/theme1.xml', `${TYPE_PREFIX}theme+xml`]);
  overrides.push(['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'], ['/docProps/app.xml', `${TYPE_PREFIX}extended-properties+xml`]);

  parts.push({
    path: '[Content_Types].xml',
    text: [
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        overrides.map(([part, type]) => `<Override PartName="${xmlText(part)}" ContentType="${type}"/>`).join('') +
        '</Types>',
    ],
  });
  parts.push({
    path: '_rels/.rels',
    text: [
      relationshipsXml([
        `<Relationship Id="rId1" Type="${NS_DOC_REL}/officeDocument" Target="xl/workbook.xml"/>`,
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
        `<Relationship Id="rId3" Type="${NS_DOC_REL}/extended-properties" Target="docProps/app.xml"/>`,
      ]),
    ],
  });
  parts.push({ path: 'docProps/app.xml', text: [appXml(sheets.map((s) => s.name))] });
  parts.push({ path: 'docProps/core.xml', text: [coreXml(options.now ?? new Date())] });
  parts.push({ path: 'xl/workbook.xml', text: [workbookXml(sheets, definedNames)] });
  parts.push({ path: 'xl/_rels/workbook.xml.rels', text: [relationshipsXml(bookRels)] });
  if (options.theme) parts.push({ path: 'xl/theme/theme1.xml', text: [options.theme] });
  // before the sheets, so a streaming reader (exceljs') need not set the sheets aside until it has it
  parts.push({ path: 'xl/sharedStrings.xml', text: [`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="1" uniqueCount="1"><si><t></t></si></sst>`] });
  // The order of parts is free (tab order is workbook.xml's): the state first, then the sheets a next
  // run reads back, then the rest, so a reader going front to back (not Recon's: it opens the zip by
  // its directory, xlsx-package.ts) meets them before the copied sources.
  const memory = outputs.memory;
  const readBack = new Set([STATE_SHEET, memory?.matchesSheet, memory?.auditSheet, memory?.aliasesSheet]);
  const order = sheets.map((_, i) => i).sort((a, b) => rank(sheets[a].name) - rank(sheets[b].name) || a - b);
  function rank(name: string): number {
    return name === STATE_SHEET ? 0 : readBack.has(name) ? 1 : 2;
  }
  for (const i of order) parts.push(...partsOf[i]);
  parts.push({ path: 'xl/styles.xml', text: lazy(() => styles.xml()) });
  return parts;
}

// ---- sheets ----

const SHEET_OPEN = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_DOC_REL}">`;
const SHEET_FORMAT = '<sheetFormatPr defaultRowHeight="15"/>';
const PAGE_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const DEFAULT_PAGE = '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>';

function* sourceSheetXml(values: CellValue[][], annotations: SourceAnnotation[], styles: StyleSheet, formats: readonly (string | undefined)[] = []): Generator<string> {
  // a number cell takes its column's number format (its style, looked up once per column)
  const numberXfs = formats.map((numFmt) => (numFmt === undefined ? 0 : styles.xf({ numFmt })));
  yield `${SHEET_OPEN}${SHEET_FORMAT}${colsXml(fittedColumnWidths(values, formats))}<sheetData>`;
  // status cells by row: header at firstRow, labels below (an empty label is no cell)
  const status = new Map<number, [number, string][]>();
  const put = (row: number, column: number, text: string) => {
    const line = status.get(row);
    if (line) line.push([column, text]);
    else status.set(row, [[column, text]]);
  };
  let lastRow = values.length;
  for (const a of annotations) {
    if (a.firstRow >= 1) put(a.firstRow, a.statusColumn, a.statusHeader);
    a.labels.forEach((label, i) => label !== '' && put(a.firstRow + 1 + i, a.statusColumn, label));
    lastRow = Math.max(lastRow, a.lastRow);
  }
  const cells = new RowCells();
  for (let r = 1; r <= lastRow; r++) {
    const line = values[r - 1];
    cells.start(r);
    const extra = status.get(r);
    if (line) {
      for (let c = 0; c < line.length; c++) {
        const value = line[c];
        if (value === null || value === undefined || value === '') continue;
        if (extra && extra.some(([column]) => column === c + 1)) continue; // the status cell is written over it
        cells.value(c + 1, value, typeof value === 'number' ? numberXfs[c] ?? 0 : 0);
      }
    }
    if (extra) {
      // cells go in column order: a status cell left of a value is possible only on rows outside the range
      extra.sort((a, b) => a[0] - b[0]);
      for (const [column, text] of extra) cells.value(column, text, 0);
    }
    const row = cells.end();
    if (row !== '') yield row;
  }
  yield '</sheetData>';
  let priority = 0;
  for (const a of annotations) {
    const area = highlightRect(a);
    if (!a.highlightRules?.length || !area) continue;
    const statusCell = `$${columnLetter(a.statusColumn)}${area.top}`;
    yield `<conditionalFormatting sqref="${rectAddress(area)}">` +
      a.highlightRules
        .map((rule) => `<cfRule type="expression" dxfId="${styles.dxf(argb(HIGHLIGHT_COLOURS[rule.highlight]))}" priority="${++priority}"><formula>${xmlText(ruleFormula(rule, statusCell))}</formula></cfRule>`)
        .join('') +
      '</conditionalFormatting>';
  }
  yield `${PAGE_MARGINS}${DEFAULT_PAGE}</worksheet>`;
}

/** A sheet's column widths as its <cols> element ('' when none is set). */
function colsXml(columnWidths: readonly (number | undefined)[]): string {
  const widths: string[] = [];
  columnWidths.forEach((w, c) => {
    // exceljs leaves out a width of 9 (its default width): so does this, and Excel shows its default
    if (typeof w === 'number' && w !== 9) widths.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
  });
  return widths.length ? `<cols>${widths.join('')}</cols>` : '';
}

function* stateSheetXml(rows: string[][], styles: StyleSheet): Generator<string> {
  yield `${SHEET_OPEN}${SHEET_FORMAT}<sheetData>`;
  const text = styles.xf({ numFmt: '@' });
  const cells = new RowCells();
  for (let r = 0; r < rows.length; r++) {
    cells.start(r + 1);
    rows[r].forEach((value, c) => cells.value(c + 1, value, text));
    yield cells.end();
  }
  yield `</sheetData>${PAGE_MARGINS}${DEFAULT_PAGE}</worksheet>`;
}

interface OutputSheetExtras {
  tableRelId?: string;
  drawingRelId?: string;
  print?: ReturnType<typeof printStrings>;
}

function* outputSheetXml(spec: SheetSpec, styles: StyleSheet, extras: OutputSheetExtras): Generator<string> {
  const page = spec.page;
  const fitToPage = Boolean(page?.fitToPagesWide);
  let head = SHEET_OPEN;
  if (fitToPage) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (spec.freezeRows) {
    const y = spec.freezeRows;
    head += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${y}" topLeftCell="A${y + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
  }
  head += SHEET_FORMAT;
  head += colsXml(spec.columnWidths ?? []);
  yield `${head}<sheetData>`;

  const looks = new SheetLooks(spec, styles);
  const table = spec.table?.area;
  const links = new Map<number, string>();
  for (const link of spec.links ?? []) links.set(cellKey(link.row, link.column), link.target);
  const cells = new RowCells();
  const rows = Math.max(spec.values.length, looks.lastRow + 1);
  for (let r = 0; r < rows; r++) {
    const line = spec.values[r];
    const xfs = looks.row(r);
    cells.start(r + 1);
    const width = Math.max(line ? line.length : 0, xfs.length);
    for (let c = 0; c < width; c++) {
      let xf = xfs[c] ?? -1;
      const merge = looks.mergeAt(r, c);
      if (merge === MERGE_MASTER) looks.setMergeXf(r, c, xf < 0 ? 0 : xf);
      else if (merge !== undefined) xf = merge; // a merged cell takes its top-left cell's style, as exceljs does
      // a merged cell other than the top-left one holds no value (exceljs drops it when merging)
      let value: CellValue = merge !== undefined && merge !== MERGE_MASTER ? undefined : line ? line[c] : undefined;
      if (table && r >= table.row && r < table.row + table.rows && c >= table.column && c < table.column + table.columns) {
        if (r === table.row) value = String(value ?? ''); // the table's header row: its column names, as text
      }
      if (value === null || value === undefined) {
        if (xf > 0 || (merge !== undefined && merge !== MERGE_MASTER)) cells.empty(c + 1, xf);
        continue;
      }
      const target = value === '' ? undefined : links.get(cellKey(r, c));
      if (target !== undefined) cells.formula(c + 1, linkFormula(target, value), value, xf < 0 ? 0 : xf);
      else cells.value(c + 1, value, xf < 0 ? 0 : xf);
    }
    const row = cells.end();
    if (row !== '') yield row;
  }
  let tail = '</sheetData>';
  const merges = looks.merges();
  if (merges.length) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  tail += PAGE_MARGINS;
  if (page) {
    let setup = '<pageSetup';
    if (page.paper === 'A4') setup += ' paperSize="9"';
    setup += ` orientation="${page.orientation ?? 'portrait'}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100"`;
    setup += fitToPage ? ` fitToWidth="${page.fitToPagesWide}" fitToHeight="0"/>` : ' fitToWidth="1" fitToHeight="1"/>';
    tail += setup;
    const header = extras.print?.headerCenter;
    const footer = extras.print?.footerCenter;
    if (header || footer) {
      tail += '<headerFooter>';
      if (header) tail += `<oddHeader>${xmlText(`&C${header}`)}</oddHeader>`;
      if (footer) tail += `<oddFooter>${xmlText(`&C${footer}`)}</oddFooter>`;
      tail += '</headerFooter>';
    }
  } else tail += DEFAULT_PAGE;
  if (extras.drawingRelId) tail += `<drawing r:id="${extras.drawingRelId}"/>`;
  if (extras.tableRelId) tail += `<tableParts count="1"><tablePart r:id="${extras.tableRelId}"/></tableParts>`;
  yield `${tail}</worksheet>`;
}

function tableXml(id: number, name: string, area: GridArea, values: CellValue[][]): string {
  const ref = rectAddress({ top: area.row + 1, left: area.column + 1, bottom: area.row + area.rows, right: area.column + area.columns });
  const header = values[area.row] ?? [];
  const columns: string[] = [];
  for (let c = 0; c < area.columns; c++) columns.push(`<tableColumn id="${c + 1}" name="${xmlText(String(header[area.column + c] ?? ''))}"/>`);
  return (
    `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${xmlText(name)}" displayName="${xmlText(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${area.columns}">${columns.join('')}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function workbookXml(sheets: SheetEntry[], definedNames: string[]): string {
  const sheetTags = sheets.map((sheet, i) => {
    const state = sheet.kind === 'state' ? 'veryHidden' : 'visible';
    return `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" state="${state}" r:id="rIdSheet${i + 1}"/>`;
  });
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_DOC_REL}"><workbookPr/><sheets>${sheetTags.join('')}</sheets>` +
    (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

function appXml(names: string[]): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`
  );
}

function coreXml(now: Date): string {
  const at = `${now.toISOString().slice(0, 19)}Z`;
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Recon</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

// ---- cells ----

/** Builds one `<row>` at a time. */
class RowCells {
  private r = 0;
  private text = '';
  private refs: string[] = [];

  start(row: number): void {
    this.r = row;
    this.text = '';
  }

  /** The row's XML, or '' when it has no cell. */
  end(): string {
    return this.text === '' ? '' : `<row r="${this.r}">${this.text}</row>`;
  }

  empty(column: number, xf: number): void {
    this.text += `<c r="${this.ref(column)}"${xf > 0 ? ` s="${xf}"` : ''}/>`;
  }

  value(column: number, value: string | number | boolean, xf: number): void {
    const open = `<c r="${this.ref(column)}"${xf > 0 ? ` s="${xf}"` : ''}`;
    if (typeof value === 'number') this.text += `${open}><v>${value}</v></c>`;
    else if (typeof value === 'boolean') this.text += `${open} t="b"><v>${value ? 1 : 0}</v></c>`;
    else if (value === '') this.text += `${open} t="s"><v>0</v></c>`;
    else this.text += `${open} t="inlineStr"><is>${textElement(value)}</is></c>`;
  }

  formula(column: number, formula: string, result: string | number | boolean, xf: number): void {
    const open = `<c r="${this.ref(column)}"${xf > 0 ? ` s="${xf}"` : ''}`;
    const f = `<f>${xmlText(formula)}</f>`;
    if (typeof result === 'number') this.text += `${open}>${f}<v>${result}</v></c>`;
    else if (typeof result === 'boolean') this.text += `${open} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
    else this.text += `${open} t="str">${f}<v>${xmlText(result)}</v></c>`;
  }

  private ref(column: number): string {
    let letters = this.refs[column];
    if (letters === undefined) letters = this.refs[column] = columnLetter(column);
    return `${letters}${this.r}`;
  }
}

/** `<t>` with the space kept where it matters, as exceljs writes it. */
function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text);
  return `<t${preserve ? ' xml:space="preserve"' : ''}>${xmlText(escapeUnderscoreHex(text))}</t>`;
}

/** Excel reads `_x0041_` in a text as an escaped character: a literal one is written `_x005F_x0041_`. */
function escapeUnderscoreHex(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

const NEEDS_ESCAPE = /["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Text as XML content or attribute: markup escaped, characters XML 1.0 cannot hold dropped (as exceljs does). */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) out += '&quot;';
    else if (ch === 38) out += '&amp;';
    else if (ch === 39) out += '&apos;';
    else if (ch === 60) out += '&lt;';
    else if (ch === 62) out += '&gt;';
    else if (ch === 127 || (ch <= 31 && ch !== 9 && ch !== 10 && ch !== 13)) continue;
    else out += text[i];
  }
  return out;
}

function cellKey(row: number, column: number): number {
  return row * 16384 + column;
}

/** `A$1:N$40` → `$A$1:$N$40` (printStrings gives `A1:N40`). */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

function lazy(make: () => string): Iterable<string> {
  return { *[Symbol.iterator]() { yield make(); } };
}

// ---- styles ----

/** A cell's style as the areas leave it (exceljs' cell.style, in the parts Recon sets). */
interface Look {
  numFmt?: string;
  /** Set once bold or alert touched the font: then it is Calibri 11 with these. */
  font?: { bold?: boolean; color?: string };
  fill?: string;
  alignment?: { wrapText?: boolean; horizontal?: string };
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

const MERGE_MASTER = -2;

/**
 * The styles of one output sheet, row by row: the column formats below the header, then the area
 * styles covering each cell in their order, composed as XlsxWorkbook's applyStyle composes them.
 * Rows whose covering areas are alike (same styles, same columns) share one worked-out row of style
 * ids, so a per-row fill over 100k rows is worked out once.
 */
class SheetLooks {
  /** 0-based last row any area reaches (-1: none). */
  readonly lastRow: number;
  private readonly areas: { style: AreaStyle; index: number; content: number }[];
  private next = 0;
  private active: { style: AreaStyle; index: number; content: number }[] = [];
  private readonly cache = new Map<string, Int32Array>();
  private readonly formats: (string | undefined)[];
  /** Merged cells: key → MERGE_MASTER for a top-left cell, else the key of its top-left cell. */
  private readonly mergeCells = new Map<number, number>();
  private readonly mergeXf = new Map<number, number>();
  private readonly mergeRefs: string[] = [];

  constructor(
    private readonly spec: SheetSpec,
    private readonly styles: StyleSheet,
  ) {
    const contents = new Map<string, number>();
    const list = spec.styles ?? [];
    this.areas = list.map((style, index) => {
      const { area: _area, ...rest } = style;
      const key = JSON.stringify(rest);
      let content = contents.get(key);
      if (content === undefined) contents.set(key, (content = contents.size));
      return { style, index, content };
    });
    this.areas.sort((a, b) => a.style.area.row - b.style.area.row || a.index - b.index);
    let last = -1;
    for (const { style } of this.areas) {
      if (style.area.rows > 0 && style.area.columns > 0) last = Math.max(last, style.area.row + style.area.rows - 1);
      if (style.merge) this.addMerge(style.area);
    }
    this.lastRow = last;
    this.formats = (spec.columnFormats ?? []).map((f) => (f ? fileNumberFormat(f) : undefined));
  }

  /** Style ids of row r's cells by 0-based column: -1 none (no cell unless it has a value), 0 default. */
  row(r: number): Int32Array {
    while (this.next < this.areas.length && this.areas[this.next].style.area.row <= r) this.active.push(this.areas[this.next++]);
    if (this.active.length) this.active = this.active.filter(({ style }) => style.area.row + style.area.rows > r);
    // exceljs sets the column formats on rows 2..values.length (1-based), below the header
    const formatted = r >= 1 && r < this.spec.values.length;
    const covering = this.active.filter(({ style }) => style.area.columns > 0).sort((a, b) => a.index - b.index);
    let key = formatted ? 'f' : '-';
    for (const { style, content } of covering) key += `|${content}:${style.area.column}:${style.area.columns}`;
    let xfs = this.cache.get(key);
    if (xfs === undefined) {
      xfs = this.work(formatted, covering.map((a) => a.style));
      this.cache.set(key, xfs);
    }
    return xfs;
  }

  mergeAt(r: number, c: number): number | undefined {
    if (this.mergeCells.size === 0) return undefined;
    const at = this.mergeCells.get(cellKey(r, c));
    if (at === undefined || at === MERGE_MASTER) return at;
    return this.mergeXf.get(at) ?? 0;
  }

  setMergeXf(r: number, c: number, xf: number): void {
    this.mergeXf.set(cellKey(r, c), xf);
  }

  merges(): string[] {
    return this.mergeRefs;
  }

  private addMerge(area: GridArea): void {
    const master = cellKey(area.row, area.column);
    // exceljs refuses a merge over cells already merged; the layouts never ask for one
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.column; c < area.column + area.columns; c++) {
        const key = cellKey(r, c);
        if (!this.mergeCells.has(key)) this.mergeCells.set(key, key === master ? MERGE_MASTER : master);
      }
    }
    this.mergeRefs.push(rectAddress({ top: area.row + 1, left: area.column + 1, bottom: area.row + area.rows, right: area.column + area.columns }));
  }

  private work(formatted: boolean, covering: AreaStyle[]): Int32Array {
    let width = formatted ? this.formats.length : 0;
    for (const style of covering) width = Math.max(width, style.area.column + style.area.columns);
    const looks: (Look | undefined)[] = new Array(width);
    if (formatted) this.formats.forEach((numFmt, c) => numFmt !== undefined && (looks[c] = { numFmt }));
    for (const style of covering) {
      for (let c = style.area.column; c < style.area.column + style.area.columns; c++) looks[c] = applyArea(looks[c] ?? {}, style);
    }
    const xfs = new Int32Array(width).fill(-1);
    for (let c = 0; c < width; c++) {
      const look = looks[c];
      if (look !== undefined) xfs[c] = this.styles.xf(look);
    }
    return xfs;
  }
}

/** One area style over a cell's look, as XlsxWorkbook's applyStyle does it. */
function applyArea(look: Look, style: AreaStyle): Look {
  const out: Look = { ...look };
  if (style.bold) out.font = { ...out.font, bold: true };
  if (style.alert) out.font = { ...out.font, color: argb(ALERT_COLOUR) };
  if (style.fill) out.fill = argb(HIGHLIGHT_COLOURS[style.fill]);
  if (style.format && fileNumberFormat(style.format)) out.numFmt = fileNumberFormat(style.format);
  if (style.wrap || style.align) out.alignment = { wrapText: style.wrap, horizontal: style.align };
  if (style.border) {
    out.border = style.border === 'box' ? { top: true, bottom: true, left: true, right: true } : { ...out.border, [style.border]: true };
  }
  return out;
}

/** styles.xml, filled as the sheets ask for styles. */
class StyleSheet {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>', 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([['<border><left/><right/><top/><bottom/><diagonal/></border>', 0]]);
  private readonly xfs = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);
  private readonly dxfs: string[] = [];

  /** The cellXfs index of a look (0 for none). */
  xf(look: Look): number {
    let numFmtId = 0;
    let attrs = '';
    if (look.numFmt !== undefined && look.numFmt !== 'General') {
      numFmtId = this.numFmt(look.numFmt);
      attrs += ' applyNumberFormat="1"';
    }
    let fontId = 0;
    if (look.font) {
      const color = look.font.color ? `<color rgb="${look.font.color}"/>` : '';
      fontId = idOf(this.fonts, `<font>${look.font.bold ? '<b/>' : ''}${color}<sz val="11"/><name val="Calibri"/></font>`);
      attrs += ' applyFont="1"';
    }
    let fillId = 0;
    if (look.fill) {
      fillId = idOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/></patternFill></fill>`);
      attrs += ' applyFill="1"';
    }
    let borderId = 0;
    if (look.border) {
      const side = (name: string, on?: boolean) => (on ? `<${name} style="thin"/>` : `<${name}/>`);
      const b = look.border;
      borderId = idOf(this.borders, `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`);
      attrs += ' applyBorder="1"';
    }
    let alignment = '';
    if (look.alignment) {
      const a = look.alignment;
      const inner = `${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}`;
      if (inner) {
        alignment = `<alignment${inner}/>`;
        attrs += ' applyAlignment="1"';
      }
    }
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${attrs}${alignment ? `>${alignment}</xf>` : '/>'}`;
    return idOf(this.xfs, xml);
  }

  /** A conditional format's fill (one per rule, as exceljs writes them). */
  dxf(fill: string): number {
    this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const list = (tag: string, map: Map<string, number>) => `<${tag} count="${map.size}">${[...map.keys()].join('')}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }
}

function idOf(map: Map<string, number>, xml: string): number {
  let id = map.get(xml);
  if (id === undefined) map.set(xml, (id = map.size));
  return id;
}
