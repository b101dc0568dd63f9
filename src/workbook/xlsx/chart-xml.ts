import { EditablePackage } from "./package-edit";
import { ChartPlan, ChartSeriesRole, SheetPlan, CellBlock, columnLetter } from "../../core";
import { elements, attr, escapeXml, resolvePart, relsPath } from "./xml-text";

/**
 * Native line charts as DrawingML parts (ECMA-376 Part 1, 21.2 and 20.5):
 * one drawing per sheet, one chart part per chart, each series a reference
 * to the sheet's own cells with a cache of its values so a reader shows the
 * chart before recalculating. Part names carry "Cpe" so a re-run can tell
 * its own drawings from any a council added.
 */

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWING_TYPE = `${R}/drawing`;
const CHART_TYPE = `${R}/chart`;
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const OWN_DRAWING = /\/drawingCpe\d+\.xml$/;
const OWN_CHART = /\/chartCpe\d+\.xml$/;

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
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  ].join("");
}

/** The sheet's drawing: each chart in a frame anchored to its cells. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts.map((c, i) => {
    const a = c.anchor;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
      + `<xdr:to><xdr:col>${a.toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join("")}</xdr:wsDr>`;
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

/**
 * A drawing this product made: its own name, and nothing in it but its own
 * charts. (A chart somebody added to the sheet would be a part of another name.)
 */
export async function isOwnDrawing(zip: EditablePackage, drawing: string): Promise<boolean> {
  if (!OWN_DRAWING.test(drawing)) return false;
  const rels = await zip.file(relsPath(drawing))?.async("string");
  if (!rels) return true;
  return elements(rels, "Relationship").every((r) => attr(r, "Type") === CHART_TYPE && OWN_CHART.test(resolvePart(drawing, attr(r, "Target") ?? "")));
}

/** Removes an own drawing, its charts and their content types. */
export async function removeOwnDrawing(zip: EditablePackage, drawing: string, types: string): Promise<string> {
  let out = types;
  const rels = await zip.file(relsPath(drawing))?.async("string");
  const parts = [drawing, ...(rels ? elements(rels, "Relationship").map((r) => resolvePart(drawing, attr(r, "Target") ?? "")) : [])];
  for (const part of parts) {
    zip.remove(part);
    zip.remove(relsPath(part));
    out = out.replace(elements(out, "Override").find((o) => attr(o, "PartName") === `/${part}`) ?? "\u0000", "");
  }
  return out;
}
