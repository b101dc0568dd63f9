/**
 * Packages shaped like the ones Excel itself saves, written part by part:
 * shared strings, dates as serials with a date style, existing colour rules
 * (a "contains text" rule, an Excel 2010 data bar whose x14 half lives in the
 * sheet's extLst, an x14-only icon set), an autofilter with its hidden
 * defined name, a print area, a workbook-level name, a formula with its
 * calculation chain, document properties, and on request a drawing with a
 * chart, worksheet parts named "Sheet1.xml", or prefixed SpreadsheetML
 * (`<x:worksheet>`, as the Open XML SDK writes).
 */
import JSZip from "jszip";
import { priorityRows, riskRows } from "./workbooks";

export interface ExcelShape {
  /** Worksheet parts named Sheet1.xml… (and their relationships parts Sheet1.xml.rels), as some writers name them. */
  capitalS?: boolean;
  /** A drawing with a bar chart on the priorities sheet. */
  chart?: boolean;
  /** SpreadsheetML parts written with an `x:` prefix instead of a default namespace. */
  prefixed?: boolean;
  /** The relationships namespace declared on each <sheet> element instead of the root, as openpyxl writes workbook.xml. */
  relsOnSheets?: boolean;
  /** Strict Open XML: the ISO namespaces (purl.oclc.org) throughout, as Excel's "Strict Open XML Spreadsheet" saves. */
  strict?: boolean;
}

/** Transitional namespaces and relationship types and their Strict equivalents (ECMA-376 Part 1, §A.1 and Part 4). */
const STRICT: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/", "http://purl.oclc.org/ooxml/drawingml/"],
];
const toStrict = (xml: string) => STRICT.reduce((x, [from, to]) => x.split(from).join(to), xml).replace(/<workbook\b/, '<workbook conformance="strict"');

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const DATA_BAR_ID = "{6E2BB5C4-1D57-4B87-9C0E-3D1E7A3C5F10}";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const col = (c: number) => String.fromCharCode(65 + c);

/** dd/mm/yy as an Excel serial (days since 30/12/1899). */
function serial(ukDate: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(ukDate.trim());
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return (Date.UTC(year, Number(m[2]) - 1, Number(m[1])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A shared-string table filled as cells are written. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  refs = 0;
  id(s: string): number {
    this.refs++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
}

/** Prefix every SpreadsheetML element name (not attributes, not other namespaces). */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)(?![?!])([A-Za-z][\w]*)(?=[\s/>])/g, (_, slash: string, name: string) => `<${slash}x:${name}`)
    .replace(` xmlns="${MAIN}"`, ` xmlns:x="${MAIN}"`);
}

type Cell = string | number | { f: string; v: number } | null;

function rowsXml(rows: Cell[][], strings: Strings, dateCols: number[], spans: boolean): string {
  return rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null || v === "") return "";
          if (typeof v === "number") return `<c r="${ref}"${dateCols.includes(c) && r > 0 ? ' s="1"' : ""}><v>${v}</v></c>`;
          if (typeof v === "object") return `<c r="${ref}"><f>${esc(v.f)}</f><v>${v.v}</v></c>`;
          const d = dateCols.includes(c) && r > 0 ? serial(v) : null;
          if (d !== null) return `<c r="${ref}" s="1"><v>${d}</v></c>`;
          return `<c r="${ref}" t="s"${r === 0 ? ' s="2"' : ""}><v>${strings.id(v)}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}"${spans ? ` spans="1:${row.length}"` : ""} x14ac:dyDescent="0.25">${cells}</row>`;
    })
    .join("");
}

function worksheet(body: { dim: string; cols: string; rows: string; after: string; ext?: string }): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}">`
    + `<dimension ref="${body.dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>`
    + `${body.cols}<sheetData>${body.rows}</sheetData>${body.after}${body.ext ? `<extLst>${body.ext}</extLst>` : ""}</worksheet>`;
}

const CHART_XML = `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">`
  + `<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>`
  + `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>`
  + `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Priorities!$E$2:$E$6</c:f></c:numRef></c:val></c:ser>`
  + `<c:gapWidth val="150"/><c:axId val="111"/><c:axId val="222"/></c:barChart>`
  + `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx>`
  + `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx>`
  + `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING_XML = `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`
  + `<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
  + `<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>`
  + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
  + `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">`
  + `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/** An Excel-shaped workbook: "Priorities" (with colour rules and an autofilter), "Risks", and "Notes" (a formula). */
export async function excelShapedWorkbook(shape: ExcelShape = {}): Promise<Uint8Array> {
  const strings = new Strings();
  const sheetPart = (n: number) => `${shape.capitalS ? "Sheet" : "sheet"}${n}.xml`;

  // Priorities: the seed rows, with a "% complete" column the data bar shows.
  const pri = priorityRows().slice(0, 30);
  const priHeaders = [...Object.keys(pri[0]), "% complete"];
  const priRows: Cell[][] = [priHeaders, ...pri.map((r, i) => [...Object.values(r), (i * 37) % 101])];
  const last = priRows.length;
  const ragCol = col(priHeaders.indexOf("RAG at Q1"));
  const pctRef = `E2:E${last}`;
  const priSheet = worksheet({
    dim: `A1:E${last}`,
    cols: '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="60" customWidth="1"/></cols>',
    rows: rowsXml(priRows, strings, [2], true),
    after: `<autoFilter ref="A1:E${last}"/>`
      + `<conditionalFormatting sqref="${ragCol}2:${ragCol}${last}"><cfRule type="containsText" dxfId="0" priority="2" operator="containsText" text="Red"><formula>NOT(ISERROR(SEARCH("Red",${ragCol}2)))</formula></cfRule></conditionalFormatting>`
      + `<conditionalFormatting sqref="${pctRef}"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>`
      + `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${DATA_BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`
      + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
      + (shape.chart ? '<drawing r:id="rId1"/>' : ""),
    ext: `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>`
      + `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${DATA_BAR_ID}"><x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0">`
      + '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/><x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/>'
      + `</x14:dataBar></x14:cfRule><xm:sqref>${pctRef}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
  });

  // Risks: the seed register, level and "begins with" rules of the council's own and an x14-only icon set on a score column.
  const risks = riskRows();
  const scores: Record<string, number> = { rare: 1, unlikely: 2, possible: 3, likely: 4, "almost certain": 5, insignificant: 1, minor: 2, moderate: 3, major: 4, extreme: 5 };
  const riskHeaders = [...Object.keys(risks[0]), "Score"];
  const riskRowsOut: Cell[][] = [riskHeaders, ...risks.map((r) => {
    const v = Object.values(r);
    return [...v, (scores[r.Likelihood.toLowerCase()] ?? 0) * (scores[r.Impact.toLowerCase()] ?? 0)];
  })];
  const rLast = riskRowsOut.length;
  const riskSheet = worksheet({
    dim: `A1:F${rLast}`,
    cols: "",
    rows: rowsXml(riskRowsOut, strings, [], false),
    after: `<conditionalFormatting sqref="A2:A${rLast}"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"High"</formula></cfRule></conditionalFormatting>`
      + `<conditionalFormatting sqref="B2:B${rLast}"><cfRule type="beginsWith" dxfId="0" priority="3" operator="beginsWith" text="Failure"><formula>LEFT(B2,LEN("Failure"))="Failure"</formula></cfRule></conditionalFormatting>`
      + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>',
    ext: `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings>`
      + `<x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="iconSet" priority="2" id="{0C3A1E55-7A52-4C63-9A0B-5D1F0E7F1A22}"><x14:iconSet iconSet="3Stars">`
      + '<x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo>'
      + `</x14:iconSet></x14:cfRule><xm:sqref>F2:F${rLast}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
  });

  // Notes: a formula over the priorities, listed in the calculation chain.
  const count = pri.length;
  const notesSheet = worksheet({
    dim: "A1:B1",
    cols: "",
    rows: rowsXml([["Priorities listed", { f: "COUNTA(Priorities!B2:B31)", v: count }]], strings, [], true),
    after: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  });

  const wbXml = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">`
    + '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>'
    + '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/></bookViews>'
    + '<sheets><sheet name="Priorities" sheetId="1" r:id="rId1"/><sheet name="Risks" sheetId="2" r:id="rId2"/><sheet name="Notes" sheetId="3" r:id="rId3"/></sheets>'
    + `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Priorities!$A$1:$E$${last}</definedName>`
    + `<definedName name="_xlnm.Print_Area" localSheetId="1">Risks!$A$1:$F$${rLast}</definedName>`
    + "<definedName name=\"PriorityTitles\">Priorities!$B$2:$B$31</definedName></definedNames>"
    + '<calcPr calcId="191029"/></workbook>';

  const stylesXml = `${DECL}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}">`
    + '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
    + '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
    + '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

  const sst = `${DECL}<sst xmlns="${MAIN}" count="${strings.refs}" uniqueCount="${strings.list.length}">${strings.list.map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${esc(s)}</t></si>`).join("")}</sst>`;
  const spreadsheetML = (xml: string) => (shape.prefixed ? prefixed(xml) : xml);

  const ws = (n: number) => `/xl/worksheets/${sheetPart(n)}`;
  const types = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + [1, 2, 3].map((n) => `<Override PartName="${ws(n)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")
    + (shape.chart ? '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' : "")
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';

  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", types);
  zip.file("_rels/.rels", `${DECL}<Relationships xmlns="${PKG_REL}">${rel("rId3", `${REL}/extended-properties`, "docProps/app.xml")}${rel("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")}${rel("rId1", `${REL}/officeDocument`, "xl/workbook.xml")}</Relationships>`);
  zip.file("docProps/app.xml", `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>`
    + '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>'
    + '<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>Priorities</vt:lpstr><vt:lpstr>Risks</vt:lpstr><vt:lpstr>Notes</vt:lpstr><vt:lpstr>Risks!Print_Area</vt:lpstr><vt:lpstr>PriorityTitles</vt:lpstr></vt:vector></TitlesOfParts>'
    + "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>");
  zip.file("docProps/core.xml", `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + '<dc:creator>Performance Team</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2021-07-01T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-08-02T16:30:00Z</dcterms:modified></cp:coreProperties>');
  const wbOut = shape.relsOnSheets ? wbXml.replace(` xmlns:r="${REL}"`, "").replace(/<sheet /g, `<sheet xmlns:r="${REL}" `) : wbXml;
  zip.file("xl/workbook.xml", spreadsheetML(wbOut));
  zip.file("xl/_rels/workbook.xml.rels", `${DECL}<Relationships xmlns="${PKG_REL}">`
    + [1, 2, 3].map((n) => rel(`rId${n}`, `${REL}/worksheet`, `worksheets/${sheetPart(n)}`)).join("")
    + rel("rId4", `${REL}/styles`, "styles.xml") + rel("rId5", `${REL}/sharedStrings`, "sharedStrings.xml") + rel("rId6", `${REL}/calcChain`, "calcChain.xml") + "</Relationships>");
  zip.file(`xl/worksheets/${sheetPart(1)}`, spreadsheetML(priSheet));
  zip.file(`xl/worksheets/${sheetPart(2)}`, spreadsheetML(riskSheet));
  zip.file(`xl/worksheets/${sheetPart(3)}`, spreadsheetML(notesSheet));
  if (shape.chart) {
    zip.file(`xl/worksheets/_rels/${sheetPart(1)}.rels`, `${DECL}<Relationships xmlns="${PKG_REL}">${rel("rId1", `${REL}/drawing`, "../drawings/drawing1.xml")}</Relationships>`);
    zip.file("xl/drawings/drawing1.xml", DRAWING_XML);
    zip.file("xl/drawings/_rels/drawing1.xml.rels", `${DECL}<Relationships xmlns="${PKG_REL}">${rel("rId1", `${REL}/chart`, "../charts/chart1.xml")}</Relationships>`);
    zip.file("xl/charts/chart1.xml", CHART_XML);
  }
  zip.file("xl/styles.xml", spreadsheetML(stylesXml));
  zip.file("xl/sharedStrings.xml", spreadsheetML(sst));
  zip.file("xl/calcChain.xml", spreadsheetML(`${DECL}<calcChain xmlns="${MAIN}"><c r="B1" i="3" l="1"/></calcChain>`));
  if (shape.strict) {
    for (const f of Object.values(zip.files)) if (!f.dir && /\.(xml|rels)$/.test(f.name)) zip.file(f.name, toStrict(await f.async("string")));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
