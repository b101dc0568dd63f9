import { EditablePackage } from "./package-edit";
import { ChartPlan, ChartSeriesRole, ChartIcon, SheetPlan, CellBlock, columnLetter, ICON_NAME } from "../../core";
import { elements, attr, escapeXml, decodeXml, relsPath } from "./xml-text";
import { PartLookup, editedFiles, samePart } from "./part-names";

/**
 * Native line charts as DrawingML parts (ECMA-376 Part 1, 21.2 and 20.5):
 * one drawing per sheet, one chart part per chart, each series a reference
 * to the sheet's own cells with a cache of its values so a reader shows the
 * chart before recalculating. A re-run knows its own drawings by what they
 * hold (see isOwnDrawing), whatever another program renamed them to.
 */

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWING_TYPE = `${R}/drawing`;
const CHART_TYPE = `${R}/chart`;
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** How each kind of series is drawn: line colour and dash, marker; special causes are markers only, in the NHS colours. */
const LOOK: Record<ChartSeriesRole, { line: string | null; dash?: string; width?: number; marker: string | null }> = {
  value: { line: "595959", width: 22225, marker: "595959" },
  target: { line: "C00000", dash: "dash", marker: null },
  mean: { line: "000000", width: 12700, marker: null },
  limit: { line: "A6A6A6", dash: "sysDash", width: 12700, marker: null },
  improvement: { line: null, marker: "00B0F0" },
  concern: { line: null, marker: "E46C0A" },
  neither: { line: null, marker: "490092" },
};

function ref(sheet: string, b: CellBlock): string {
  const col = columnLetter(b.col);
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${b.first + 1}:$${col}$${b.last + 1}`;
}

function cell(plan: SheetPlan, row: number, col: number): unknown {
  return plan.cells[row]?.[col] ?? null;
}

function strCache(values: unknown[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v ?? ""))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: unknown[], format: string): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function column(plan: SheetPlan, b: CellBlock): unknown[] {
  const out: unknown[] = [];
  for (let r = b.first; r <= b.last; r++) out.push(cell(plan, r, b.col));
  return out;
}

/** Each styled region's first cell → its number format (later regions win, as in the sheet), built once per plan. */
const formatsByPlan = new WeakMap<SheetPlan, Map<string, string>>();

/** The number format of a block's first cell, for the axis labels. */
function formatOf(plan: SheetPlan, b: CellBlock): string {
  let formats = formatsByPlan.get(plan);
  if (!formats) {
    formats = new Map();
    for (const s of plan.styles) {
      const m = /^([A-Z]+)(\d+)/.exec(s.ref);
      if (s.style.numberFormat && m) formats.set(`${m[1]}${m[2]}`, s.style.numberFormat);
    }
    formatsByPlan.set(plan, formats);
  }
  return formats.get(`${columnLetter(b.col)}${b.first + 1}`) ?? "General";
}

function seriesXml(plan: SheetPlan, chart: ChartPlan, i: number): string {
  const s = chart.series[i];
  const look = LOOK[s.role];
  const nameRow = s.values.first - 1;
  const line = look.line
    ? `<a:ln w="${look.width ?? 19050}" cap="rnd"><a:solidFill><a:srgbClr val="${look.line}"/></a:solidFill>${look.dash ? `<a:prstDash val="${look.dash}"/>` : ""}</a:ln>`
    : "<a:ln><a:noFill/></a:ln>";
  const marker = look.marker
    ? `<c:marker><c:symbol val="circle"/><c:size val="${look.line ? 5 : 8}"/><c:spPr><a:solidFill><a:srgbClr val="${look.marker}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>`
    : `<c:marker><c:symbol val="none"/></c:marker>`;
  return [
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
    `<c:tx><c:strRef><c:f>${escapeXml(ref(plan.name, { col: s.values.col, first: nameRow, last: nameRow }).replace(/:\$[A-Z]+\$\d+$/, ""))}</c:f>${strCache([cell(plan, nameRow, s.values.col)])}</c:strRef></c:tx>`,
    `<c:spPr>${line}</c:spPr>`,
    marker,
    `<c:cat><c:strRef><c:f>${escapeXml(ref(plan.name, chart.categories))}</c:f>${strCache(column(plan, chart.categories))}</c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeXml(ref(plan.name, s.values))}</c:f>${numCache(column(plan, s.values), formatOf(plan, s.values))}</c:numRef></c:val>`,
    `<c:smooth val="0"/></c:ser>`,
  ].join("");
}

/** One chart part. */
export function chartXml(plan: SheetPlan, chart: ChartPlan): string {
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1100" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const valueFormat = chart.series.length ? formatOf(plan, chart.series[0].values) : "General";
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>`,
    title,
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>',
    chart.series.map((_, i) => seriesXml(plan, chart, i)).join(""),
    '<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>',
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${chart.valueAxis ? `<c:max val="${chart.valueAxis.max}"/><c:min val="${chart.valueAxis.min}"/>` : ""}</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  ].join("");
}

/** An icon's side, in EMUs (0.4 inch): a small picture beside a chart's title. */
const ICON_EMU = 365760;

/**
 * A Making Data Count icon as a shape in the drawing: a circle in the NHS
 * colour with its letter in white, anchored over the chart's top right
 * corner, its meaning as its alternative text.
 */
function iconXml(icon: ChartIcon, id: number): string {
  const fill = icon.fill.replace(/^#/, "");
  return `<xdr:oneCellAnchor><xdr:from><xdr:col>${icon.at.col}</xdr:col><xdr:colOff>38100</xdr:colOff><xdr:row>${icon.at.row}</xdr:row><xdr:rowOff>38100</xdr:rowOff></xdr:from>`
    + `<xdr:ext cx="${ICON_EMU}" cy="${ICON_EMU}"/>`
    + `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="${escapeXml(`${ICON_NAME} ${icon.kind} ${id}`)}" descr="${escapeXml(icon.label)}"/><xdr:cNvSpPr/></xdr:nvSpPr>`
    + `<xdr:spPr><a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="${fill}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></xdr:spPr>`
    + `<xdr:txBody><a:bodyPr vertOverflow="overflow" horzOverflow="overflow" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/><a:lstStyle/>`
    + `<a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="en-GB" sz="1400" b="1"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr><a:t>${escapeXml(icon.letter)}</a:t></a:r></a:p></xdr:txBody>`
    + `</xdr:sp><xdr:clientData/></xdr:oneCellAnchor>`;
}

/** The sheet's drawing: each chart in a frame anchored to its cells, and its Making Data Count icons over its top right corner. */
export function drawingXml(charts: ChartPlan[]): string {
  let id = charts.length + 2;
  const icons = charts.flatMap((c) => (c.icons ?? []).map((icon) => iconXml(icon, id++)));
  const anchors = charts.map((c, i) => {
    const a = c.anchor;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
      + `<xdr:to><xdr:col>${a.toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join("")}${icons.join("")}</xdr:wsDr>`;
}

function relationships(rels: { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

function freeName(zip: EditablePackage, pattern: (n: number) => string): string {
  let n = 1;
  while (zip.file(pattern(n))) n++;
  return pattern(n);
}

/**
 * Adds the plan's charts for the worksheet part `sheetPart`: the drawing,
 * its charts, the sheet's relationship to the drawing and the content types.
 * Returns the relationship id the sheet's <drawing> element names, and the
 * content types with the new parts.
 */
export function addCharts(zip: EditablePackage, sheetPart: string, plan: SheetPlan, types: string): { rid: string; types: string } | null {
  if (!plan.charts?.length) return null;
  const drawing = freeName(zip, (n) => `xl/drawings/drawingCpe${n}.xml`);
  zip.file(drawing, drawingXml(plan.charts), { createFolders: false });
  const chartRels: { id: string; type: string; target: string }[] = [];
  let out = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="${DRAWING_CONTENT}"/></Types>`);
  plan.charts.forEach((c, i) => {
    const part = freeName(zip, (n) => `xl/charts/chartCpe${n}.xml`);
    zip.file(part, chartXml(plan, c), { createFolders: false });
    chartRels.push({ id: `rId${i + 1}`, type: CHART_TYPE, target: `/${part}` });
    out = out.replace("</Types>", `<Override PartName="/${part}" ContentType="${CHART_CONTENT}"/></Types>`);
  });
  zip.file(relsPath(drawing), relationships(chartRels), { createFolders: false });
  zip.file(relsPath(sheetPart), relationships([{ id: "rId1", type: DRAWING_TYPE, target: `/${drawing}` }]), { createFolders: false });
  return { rid: "rId1", types: out };
}

/** Anything in a drawing other than a chart frame or a shape: a picture, a group, a connector, ink. */
const FOREIGN = /<(?:\w+:)?(?:pic|grpSp|cxnSp|contentPart)\b/;

/** One of the product's Making Data Count icons, as this product or another program saves it: a circle named or described as one. */
function isOwnIcon(sp: string): boolean {
  const name = /<(?:\w+:)?cNvPr\b[^>]*?\sname="([^"]*)"/.exec(sp)?.[1] ?? "";
  const descr = decodeXml(/<(?:\w+:)?cNvPr\b[^>]*?\sdescr="([^"]*)"/.exec(sp)?.[1] ?? "");
  return /\sprst="ellipse"/.test(sp) && (decodeXml(name).startsWith(ICON_NAME) || /^(Variation|Assurance): /.test(descr));
}

/** The sheet a cell reference names ("'Indicator charts'!$A$5:$A$20" → "indicator charts"), lower-cased; null without one. */
function sheetOfRef(ref: string): string | null {
  const m = /^\(?\s*(?:'((?:[^']|'')+)'|([^'!(]+))!/.exec(ref.trim());
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).trim().toLowerCase() : null;
}

/** A chart drawn only from cells of `sheet`: every series name, category and value reference is to that sheet. */
function drawsOnlyFrom(chart: string, sheet: string): boolean {
  const refs = [...chart.matchAll(/<(?:\w+:)?f>([^<]*)<\/(?:\w+:)?f>/g)].map((m) => decodeXml(m[1]));
  return refs.length > 0 && refs.every((f) => sheetOfRef(f) === sheet.toLowerCase());
}

/**
 * A drawing of the product's own, recognised by what it holds rather than by
 * its part's name (Excel and LibreOffice rename parts when they save):
 * nothing but charts drawn only from cells of the product's sheet it sits on
 * and the product's icons. A picture, another shape, or a chart of other
 * cells means somebody added to the sheet.
 */
export async function isOwnDrawing(zip: EditablePackage, drawing: string, sheet: string): Promise<boolean> {
  const parts = new PartLookup(editedFiles(zip));
  const xml = await parts.text(drawing);
  if (xml === null || FOREIGN.test(xml)) return false;
  const shapes = xml.match(/<((?:\w+:)?)sp\b[\s\S]*?<\/\1sp>/g) ?? [];
  if (!shapes.every(isOwnIcon)) return false;
  for (const r of await parts.rels(drawing)) {
    if (r.type !== CHART_TYPE) return false;
    const chart = await parts.text(r.target);
    if (chart === null || !drawsOnlyFrom(chart, sheet)) return false;
  }
  return true;
}

/** Removes an own drawing, its charts, the parts the charts use (styles and colours Excel adds) and their content types. */
export async function removeOwnDrawing(zip: EditablePackage, drawing: string, types: string): Promise<string> {
  let out = types;
  const parts = new PartLookup(editedFiles(zip));
  const charts = (await parts.rels(drawing)).map((r) => r.target).filter(Boolean);
  const used = (await Promise.all(charts.map((c) => parts.rels(c)))).flat().map((r) => r.target).filter(Boolean);
  for (const part of [drawing, ...charts, ...used]) {
    for (const name of [part, relsPath(part)]) {
      const actual = parts.actual(name);
      if (actual !== null) zip.remove(actual);
    }
    out = out.replace(elements(out, "Override").find((o) => samePart(attr(o, "PartName") ?? "", `/${part}`)) ?? "\u0000", "");
  }
  return out;
}
