/** The fake Excel must be as strict as Excel, or it proves nothing. */
import { FakeWorkbookState } from "../fakes/excel-state";
import { fakeExcelRun, OfficeError } from "../fakes/excel-fake";

describe("the strict fake Excel", () => {
  const state = () => FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code", "Value"], ["A", 1]] }]);

  it("throws when a property is read before load and sync, as Excel does", async () => {
    await expect(fakeExcelRun(state())(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2");
      range.load("values");
      return range.values;
    })).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("delivers loaded values only at sync, and counts every sync with its size", async () => {
    const s = state();
    const values = await fakeExcelRun(s)(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").load("values");
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([["Code", "Value"], ["A", 1]]);
    expect(s.syncs).toBe(2); // ours, and Excel.run's closing sync
    expect(s.requests[0].responseBytes).toBeGreaterThan(0);
  });

  it("refuses an array that does not match the range", async () => {
    await expect(fakeExcelRun(state())(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [["x"]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("turns text starting with = into a formula unless the cell is formatted as Text", async () => {
    const s = state();
    await fakeExcelRun(s)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("C1").values = [["=1+1"]];
      const d = ws.getRange("D1");
      d.numberFormat = [["@"]];
      d.values = [["=1+1"]];
      await ctx.sync();
    });
    expect(s.sheet("Data")!.peek(0, 2)!.formula).toBe("=1+1");
    expect(s.sheet("Data")!.peek(0, 3)).toMatchObject({ value: "=1+1", formula: undefined });
  });

  it("fails a request over 5 MB", async () => {
    await expect(fakeExcelRun(state())(async (ctx) => {
      const big = Array.from({ length: 300_000 }, () => ["xxxxxxxxxxxxxxxxxxxx"]);
      ctx.workbook.worksheets.getItem("Data").getRange("A1:A300000").values = big;
      await ctx.sync();
    })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("refuses edits to a protected sheet and methods on a null object", async () => {
    const s = state();
    s.sheet("Data")!.protected = true;
    await expect(fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(fakeExcelRun(state())(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      ws.delete();
      await ctx.sync();
    })).rejects.toBeInstanceOf(OfficeError);
  });
});

describe("the strict fake's sheet rules", () => {
  it("keeps one visible sheet, adds sheets at the end, and breaks references to a deleted sheet", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["x"]] }, { name: "Cover", rows: [] }]);
    s.sheet("Cover")!.cell(0, 0).formula = "=Data!A1";
    await expect(fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Cover").visibility = "Hidden";
      ctx.workbook.worksheets.getItem("Data").delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
    await fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Cover").visibility = "Visible";
      ctx.workbook.worksheets.add("New");
      ctx.workbook.worksheets.getItem("Data").delete();
      await ctx.sync();
    });
    expect(s.sheets.map((x) => x.name)).toEqual(["Cover", "New"]);
    expect(s.sheet("Cover")!.peek(0, 0)).toMatchObject({ formula: "=#REF!A1", error: "#REF!" });
  });
});

describe("what Excel refuses, the fake refuses", () => {
  const state = () => FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code", "Value"], ["A", 1]] }]);
  const refused = (state: FakeWorkbookState, work: (ctx: Excel.RequestContext) => void) =>
    fakeExcelRun(state)(async (ctx) => {
      work(ctx);
      await ctx.sync();
    }).then(() => null, (e) => e.code as string);

  it("a sheet name Excel does not accept: 32 characters, / or [ ], blank, an apostrophe at an end, History", async () => {
    for (const name of ["x".repeat(32), "Q1/Q2", "Risks [old]", "  ", "'Quoted'", "History", "a:b"]) {
      expect({ name, code: await refused(state(), (ctx) => ctx.workbook.worksheets.add(name)) }).toEqual({ name, code: "InvalidArgument" });
      expect({ name, code: await refused(state(), (ctx) => void (ctx.workbook.worksheets.getItem("Data").name = name)) }).toEqual({ name, code: "InvalidArgument" });
    }
    expect(await refused(state(), (ctx) => ctx.workbook.worksheets.add("x".repeat(31)))).toBeNull();
  });

  it("renaming or hiding a sheet while the workbook's structure is protected", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["x"]] }, { name: "Other", rows: [["y"]] }]);
    s.structureProtected = true;
    expect(await refused(s, (ctx) => void (ctx.workbook.worksheets.getItem("Data").name = "Renamed"))).toBe("AccessDenied");
    expect(await refused(s, (ctx) => void (ctx.workbook.worksheets.getItem("Other").visibility = "Hidden"))).toBe("AccessDenied");
    expect(s.sheets.map((x) => [x.name, x.visibility])).toEqual([["Data", "Visible"], ["Other", "Visible"]]);
  });

  it("cell values of a whole column read as null, and cannot be set", async () => {
    const s = state();
    const read = await fakeExcelRun(s)(async (ctx) => {
      const col = ctx.workbook.worksheets.getItem("Data").getRange("A:A").load("values,numberFormat,address");
      await ctx.sync();
      return [col.values, col.numberFormat, col.address];
    });
    expect(read).toEqual([null, null, "'Data'!A1:A1048576"]);
    expect(await refused(s, (ctx) => void (ctx.workbook.worksheets.getItem("Data").getRange("A:B").values = [["x", "y"]]))).toBe("InvalidArgument");
  });

  it("an error is a value: a column holding only #N/A is inside the values-only used range", async () => {
    const s = state();
    s.sheet("Data")!.cell(3, 5).error = "#N/A";
    const used = await fakeExcelRun(s)(async (ctx) => {
      const u = ctx.workbook.worksheets.getItem("Data").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      return u.address;
    });
    expect(used).toBe("'Data'!A1:F4");
  });

  it("more than 512 merged areas in one range, and merged areas before ExcelApi 1.13", async () => {
    const s = state();
    s.sheet("Data")!.merges = Array.from({ length: 600 }, (_, i) => `A${i * 2 + 10}:B${i * 2 + 10}`);
    expect(await refused(s, (ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1:B2000").getMergedAreasOrNullObject().load("address"))).toBe("GeneralException");
    expect(await refused(s, (ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1:B500").getMergedAreasOrNullObject().load("address"))).toBeNull();
    s.apiVersion = "1.12";
    expect(await refused(s, (ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A1:B500").getMergedAreasOrNullObject().load("address"))).toBe("ApiNotFound");
  });

  it("validation texts longer than Excel keeps: a 33-character title, a 226-character error message", async () => {
    const dv = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Data").getRange("B2:B9").dataValidation;
    expect(await refused(state(), (ctx) => void (dv(ctx).errorAlert = { showAlert: true, style: "Stop", title: "t".repeat(33), message: "m" }))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (dv(ctx).errorAlert = { showAlert: true, style: "Stop", title: "t", message: "m".repeat(226) }))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (dv(ctx).prompt = { showPrompt: true, title: "t", message: "m".repeat(256) }))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (dv(ctx).errorAlert = { showAlert: true, style: "Stop", title: "t".repeat(32), message: "m".repeat(225) }))).toBeNull();
  });

  it("print settings Excel does not have: a paper size, title rows that are not whole rows, a scale under 10", async () => {
    const layout = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Data").pageLayout;
    expect(await refused(state(), (ctx) => void (layout(ctx).paperSize = "A0" as Excel.PaperType))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => layout(ctx).setPrintTitleRows("A1:B2"))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (layout(ctx).zoom = { scale: 5 }))).toBe("InvalidArgument");
    const s = state();
    expect(await refused(s, (ctx) => {
      const l = layout(ctx);
      l.paperSize = "A4";
      l.orientation = "Landscape";
      l.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      l.setPrintTitleRows("$1:$1");
    })).toBeNull();
    expect(s.sheet("Data")!.pageLayout).toEqual({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
  });

  it("charts: series from the source's columns (text in the first column makes it the categories), a series it does not have, a line style it does not know", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Period", "Value", "Target"], ["Q1 2021/22", 40, 50], ["Q2 2021/22", 55, 50]] }]);
    const add = (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      return ws.charts.add("LineMarkers", ws.getRange("A1:C3"), "Columns");
    };
    expect(await refused(s, (ctx) => {
      const c = add(ctx);
      c.title.text = "Homes built";
      c.setPosition("E2", "L18");
      c.series.getItemAt(1).format.line.lineStyle = "Dash";
    })).toBeNull();
    expect(s.sheet("Data")!.charts[0]).toMatchObject({ type: "LineMarkers", title: "Homes built", position: { start: "E2", end: "L18" }, series: [{ name: "Value", values: "B2:B3" }, { name: "Target", values: "C2:C3", line: { style: "Dash" } }] });
    expect(await refused(s, (ctx) => void (add(ctx).series.getItemAt(2).markerStyle = "Circle"))).toBe("ItemNotFound");
    expect(await refused(s, (ctx) => void (add(ctx).series.getItemAt(0).format.line.lineStyle = "Dashed" as Excel.ChartLineStyle))).toBe("InvalidArgument");
    expect(await refused(s, (ctx) => void (add(ctx).series.getItemAt(0).format.line.color = "FF0000"))).toBe("InvalidArgument");
  });

  it("shapes: a type Excel does not have, a size of zero, a negative position, a cell's alignment word, a colour without #, on a protected sheet, deleted twice", async () => {
    const shapes = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Data").shapes;
    const ellipse = (ctx: Excel.RequestContext) => shapes(ctx).addGeometricShape("Ellipse");
    expect(await refused(state(), (ctx) => shapes(ctx).addGeometricShape("Circle" as Excel.GeometricShapeType))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (ellipse(ctx).width = 0))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (ellipse(ctx).height = -1))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (ellipse(ctx).left = -0.5))).toBe("InvalidArgument");
    // A cell is centred vertically with "Center", a shape's text with "Middle".
    expect(await refused(state(), (ctx) => void (ellipse(ctx).textFrame.verticalAlignment = "Center" as Excel.ShapeTextVerticalAlignment))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => ellipse(ctx).fill.setSolidColor("E46C0A"))).toBe("InvalidArgument");
    expect(await refused(state(), (ctx) => void (ellipse(ctx).textFrame.textRange.font.color = "FFFFFF"))).toBe("InvalidArgument");
    const locked = state();
    locked.sheet("Data")!.protected = true;
    expect(await refused(locked, (ctx) => ellipse(ctx))).toBe("AccessDenied");
    expect(locked.sheet("Data")!.shapes).toEqual([]);
    const s = state();
    expect(await refused(s, (ctx) => {
      const e = ellipse(ctx);
      e.name = "Logo";
      e.left = 0;
      e.top = 0;
      e.width = 10;
      e.height = 10;
      e.textFrame.verticalAlignment = "Middle";
    })).toBeNull();
    expect(s.sheet("Data")!.shapes).toEqual([{ id: expect.any(String), name: "Logo", geometricShapeType: "Ellipse", left: 0, top: 0, width: 10, height: 10, textAlign: { vertical: "Middle" } }]);
    // Loaded by name, deleted, then deleted again from the same list: the second is refused.
    const twice = await fakeExcelRun(s)(async (ctx) => {
      const all = shapes(ctx).load("items/name");
      await ctx.sync();
      expect(all.items.map((x) => x.name)).toEqual(["Logo"]);
      all.items[0].delete();
      await ctx.sync();
      all.items[0].delete();
      await ctx.sync();
    }).catch((e) => e.code);
    expect(twice).toBe("ItemNotFound");
    expect(s.sheet("Data")!.shapes).toEqual([]);
  });

  it("page breaks: a row holds one break however often it is added; removePageBreaks resets them all; neither before ExcelApi 1.9", async () => {
    const s = state();
    const breaks = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Data").horizontalPageBreaks;
    await fakeExcelRun(s)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      breaks(ctx).add(ws.getRangeByIndexes(40, 0, 1, 1));
      breaks(ctx).add("A21:E21");
      breaks(ctx).add(ws.getRange("C41"));
      await ctx.sync();
    });
    expect(s.sheet("Data")!.rowBreaks).toEqual([20, 40]);
    await fakeExcelRun(s)(async (ctx) => breaks(ctx).removePageBreaks());
    expect(s.sheet("Data")!.rowBreaks).toEqual([]);
    const old = state();
    old.apiVersion = "1.8";
    expect(await refused(old, (ctx) => breaks(ctx).removePageBreaks())).toBe("ApiNotFound");
    expect(await refused(old, (ctx) => ctx.workbook.worksheets.getItem("Data").shapes.addGeometricShape("Ellipse"))).toBe("ApiNotFound");
  });

  it("clear(\"All\") clears everything in the range, rules and validation included; a rule reaching beyond it keeps its other cells", async () => {
    const s = state();
    const ws = s.sheet("Data")!;
    ws.rules.push({ id: 9001, ref: "A1:A10", type: "Custom", priority: 0, formula: "=A1>1" });
    ws.validations.push({ ref: "B1:B2" });
    await fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1:B5").clear("All");
      await ctx.sync();
    });
    expect(ws.rules.map((r) => r.ref)).toEqual(["A6:A10"]);
    expect(ws.validations).toEqual([]);
    expect(ws.peek(0, 0)).toBeUndefined();
  });
});

describe("the person at the keyboard", () => {
  it("while a cell is being edited, a request fails unless it asked to wait (delayForCellEdit)", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["x"]] }]);
    s.editingCell = true;
    const touch = async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Data").getRange("B1").values = [["y"]];
      await ctx.sync();
    };
    await expect(fakeExcelRun(s)(touch)).rejects.toMatchObject({ code: "InvalidOperation" });
    await (fakeExcelRun(s) as (o: { delayForCellEdit: boolean }, b: typeof touch) => Promise<void>)({ delayForCellEdit: true }, touch);
    expect([s.delayedForCellEdit, s.sheet("Data")!.peek(0, 1)!.value]).toEqual([1, "y"]);
  });

  it("deleting a sheet or protecting one clears the undo stack", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [["x"]] }, { name: "Other", rows: [] }]);
    await fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [["kept on the undo stack"]];
      await ctx.sync();
    });
    expect(s.undoCleared).toEqual([]);
    await fakeExcelRun(s)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").delete();
      ctx.workbook.worksheets.getItem("Data").protection.protect();
      await ctx.sync();
    });
    expect(s.undoCleared).toEqual(["Worksheet.delete", "WorksheetProtection.protect"]);
  });

  it("DATE gives serial numbers in the workbook's date system", async () => {
    const s = FakeWorkbookState.fromGrids([{ name: "Data", rows: [] }]);
    const date = () => fakeExcelRun(s)(async (ctx) => {
      const r = ctx.workbook.functions.date(2021, 4, 1).load("value");
      await ctx.sync();
      return r.value;
    });
    expect(await date()).toBe(44287);
    s.date1904 = true;
    expect(await date()).toBe(44287 - 1462);
  });
});
