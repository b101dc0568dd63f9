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
