/**
 * Requests the Office adapter makes, each queued on a fresh request context
 * (no syncs inside): run through the fake they are weighed by its wire
 * model; run through @microsoft/office-js in Chromium their bodies are
 * measured as sent (test/browser/request-sizes.test.ts). Each is a plain
 * function of the context so that its source can run in the page as it is.
 * The workbook has sheets "Sheet1" and "Old".
 */
type Ctx = Excel.RequestContext;

export const REQUEST_SCENARIOS: Record<string, (ctx: Ctx) => void> = {
  "a colour rule": (ctx) => {
    const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("E2:E100").conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=$E2="Red"';
    cf.custom.format.fill.color = "#D55E00";
    cf.custom.format.font.color = "#000000";
    cf.priority = 0;
  },
  "twenty colour rules on one sheet": (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    for (let i = 0; i < 20; i++) {
      const cf = ws.getRange(`E${2 + i * 100}:E${101 + i * 100}`).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$E${2 + i * 100}="Red"`;
      cf.custom.format.fill.color = "#D55E00";
      cf.custom.format.font.color = "#000000";
      cf.priority = i;
    }
  },
  "a bordered header region": (ctx) => {
    const f = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:H1").format;
    f.fill.color = "#1F3A5F";
    f.font.bold = true;
    f.font.color = "#FFFFFF";
    f.wrapText = true;
    for (const e of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      const b = f.borders.getItem(e);
      b.style = "Continuous";
      b.color = "#808080";
    }
  },
  "a block of values and number formats": (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 200, 4);
    r.numberFormat = Array.from({ length: 200 }, () => ["General", "@", "0.0", "dd/mm/yyyy"]);
    r.values = Array.from({ length: 200 }, (_, i) => [i, `Priority ${i}: deliver the agreed milestone`, i / 3, 44500 + i]);
  },
  "reading a sheet": (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.getUsedRangeOrNullObject(true).load("rowCount,columnCount,rowIndex,columnIndex");
    ws.tables.load("items/name");
    ws.getRangeByIndexes(0, 0, 500, 6).load("values,valueTypes");
    ws.getRangeByIndexes(0, 3, 500, 2).load("numberFormat");
    ws.getRangeByIndexes(0, 0, 128, 6).getMergedAreasOrNullObject().load("address");
    ctx.workbook.functions.date(1904, 1, 1).load("value");
  },
  "a chart with three series": (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const chart = ws.charts.add("LineMarkers", ws.getRange("A1:D13"), "Columns");
    chart.title.text = "KPI1 Homes built";
    chart.legend.position = "Bottom";
    chart.setPosition("F2", "M20");
    for (let i = 0; i < 3; i++) {
      const s = chart.series.getItemAt(i);
      s.format.line.color = "#595959";
      s.format.line.lineStyle = "Continuous";
      s.markerStyle = "Circle";
      s.markerBackgroundColor = "#595959";
      s.markerForegroundColor = "#595959";
    }
  },
  "two Making Data Count icons and the page breaks redrawn": (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.horizontalPageBreaks.removePageBreaks();
    for (const [i, letter] of ["H", "F"].entries()) {
      const s = ws.shapes.addGeometricShape("Ellipse");
      s.name = `Making Data Count ${i ? "assurance" : "variation"} ${i + 1}`;
      s.altTextDescription = i ? "Assurance: consistently failing the target" : "Variation: special cause concern from higher values";
      s.left = 798.79 + 48 * i;
      s.top = 126;
      s.width = 28.8;
      s.height = 28.8;
      s.fill.setSolidColor("#E46C0A");
      s.lineFormat.color = "#FFFFFF";
      s.lineFormat.weight = 0.75;
      s.textFrame.horizontalAlignment = "Center";
      s.textFrame.verticalAlignment = "Middle";
      s.textFrame.textRange.text = letter;
      s.textFrame.textRange.font.color = "#FFFFFF";
      s.textFrame.textRange.font.bold = true;
      s.textFrame.textRange.font.size = 14;
    }
    for (const r of [27, 47]) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, 0, 1, 1));
  },
  "print settings": (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const l = ws.pageLayout;
    l.paperSize = "A4";
    l.orientation = "Landscape";
    l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    l.setPrintTitleRows("$1:$1");
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  },
  "a drop-down with its texts": (ctx) => {
    const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("D8:D36").dataValidation;
    dv.ignoreBlanks = true;
    dv.rule = { list: { inCellDropDown: true, source: "Green,Amber,Red,Complete" } };
    dv.prompt = { showPrompt: true, title: "RAG", message: "Choose Green, Amber, Red or Complete." };
    dv.errorAlert = { showAlert: true, style: "Stop", title: "Not a RAG status", message: "Choose Green, Amber, Red or Complete from the list." };
  },
  "a sheet added, named and laid out": (ctx) => {
    const s = ctx.workbook.worksheets.add("~cpe abc 0");
    s.name = "Summary";
    s.tabColor = "#1F3A5F";
    ctx.workbook.worksheets.getItem("Old").delete();
    s.freezePanes.freezeRows(1);
    s.getRangeByIndexes(0, 2, 1, 1).format.columnWidth = 80;
    s.getRange("Z:Z").columnHidden = true;
  },
};
