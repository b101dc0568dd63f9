/**
 * What Excel does with what the Office writer sends: text parsed like
 * typing, validation operands, colours and request sizes. Each behaviour is
 * shown on the fake first (so the fake is known to fail where Excel fails),
 * then the writer is shown to get it right.
 */
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { explainExcelError } from "../../src/workbook/office/capabilities";
import { updateSettings } from "../../src/workbook/settings-store";
import { SheetPlan, PlanValue, DEFAULT_MATRIX } from "../../src/core";
import { fakeExcelRun, OfficeError, REQUEST_LIMIT } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";

const CAPS = { mergedAreas: true };

function plan(name: string, cells: PlanValue[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { purpose: name, name, cells, styles: [], columnWidths: [], conditionalFormats: [], validations: [], rowHeights: {}, hiddenColumns: [], tables: [], ...extra };
}

const fresh = () => FakeWorkbookState.fromGrids([{ name: "Data", rows: [["Code", "Value"]] }]);
const write = (state: FakeWorkbookState, ...plans: SheetPlan[]) =>
  fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).writeSheets(plans.map((p) => ({ plan: p, replace: !!state.sheet(p.name) }))));

const TRICKY = ["0012", "55.07", "90%", "TRUE", "1-2", "Mar-22", "31/03/2022", "10:30", "=SUM(A1)", "+44 1632 960000", "-5", "- see note", "@risk", "#N/A", "£1,200", "Q1 2021/22"];

describe("text Excel would parse", () => {
  it("the fake types strings into General cells as Excel does", async () => {
    const state = fresh();
    await fakeExcelRun(state)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRangeByIndexes(1, 0, TRICKY.length, 1).values = TRICKY.map((t) => [t]);
      await ctx.sync();
    });
    const got = TRICKY.map((_, i) => state.sheet("Data")!.peek(i + 1, 0)!);
    expect(got.map((c) => c.error ?? c.value).slice(0, 8)).toEqual([12, 55.07, 0.9, true, expect.any(Number), expect.any(Number), 44651, 10.5 / 24]);
    expect(got[8].formula).toBe("=SUM(A1)");
    expect(got[13].error).toBe("#N/A");
    expect(got[14].value).toBe(1200);
    expect(got[15].value).toBe("Q1 2021/22");
  });

  it("the writer keeps every such string as the text it is, in output sheets and in collected values", async () => {
    const state = fresh();
    await write(state, plan("Out", TRICKY.map((t) => [t, 1])));
    expect(TRICKY.map((_, i) => state.sheet("Out")!.peek(i, 0)!.value)).toEqual(TRICKY);
    expect(state.sheet("Out")!.peek(0, 1)!.value).toBe(1);
    await fakeExcelRun(state)((ctx) => new OfficeWorkbook(ctx, CAPS).updateCells("Data", TRICKY.map((t, i) => ({ row: i + 1, col: 1, value: t }))));
    expect(TRICKY.map((_, i) => state.sheet("Data")!.peek(i + 1, 1)!.value)).toEqual(TRICKY);
  });
});

describe("data validation operands", () => {
  const dated = plan("Return", [["Due"]], { validations: [{ ref: "A2:A10", type: "date", min: 36526, max: 73050, allowBlank: true }] });

  it("the fake refuses a bare number as a date bound, as Excel does", async () => {
    await expect(fakeExcelRun(fresh())(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2:A5").dataValidation.rule = { date: { formula1: "36526", formula2: "73050", operator: "Between" } };
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("the writer gives date bounds as formulas", async () => {
    const state = fresh();
    await write(state, dated);
    expect(state.sheet("Return")!.validations[0].rule).toEqual({ date: { formula1: "=36526", formula2: "=73050", operator: "Between" } });
  });

  it("the fake splits a typed list at commas and refuses one over 255 characters", async () => {
    const state = fresh();
    await fakeExcelRun(state)(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2:A5").dataValidation.rule = { list: { inCellDropDown: true, source: "Low, some risk,High" } };
      await ctx.sync();
    });
    expect(state.sheet("Data")!.validations[0].items).toEqual(["Low", " some risk", "High"]);
    await expect(fakeExcelRun(fresh())(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2:A5").dataValidation.rule = { list: { inCellDropDown: true, source: "x".repeat(256) } };
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("the writer lists labels with commas, or long lists, from a hidden helper range", async () => {
    const labels = ["Rare (less than 5%)", "Unlikely, but possible", "Possible", "Likely", "Almost certain"];
    const long = Array.from({ length: 40 }, (_, i) => `Directorate of services number ${i + 1}`);
    const state = fresh();
    await write(state, plan("Return", [["Likelihood", "Owner", "RAG"]], {
      validations: [
        { ref: "A2:A10", type: "list", values: labels, allowBlank: true },
        { ref: "B2:B10", type: "list", values: long, allowBlank: true },
        { ref: "C2:C10", type: "list", values: ["Green", "Amber", "Red"], allowBlank: true },
      ],
    }));
    const ws = state.sheet("Return")!;
    const [a, b, c] = ws.validations;
    expect(a.rule).toEqual({ list: { inCellDropDown: true, source: "=$E$1:$E$5" } });
    expect(labels.map((_, i) => ws.peek(i, 4)!.value)).toEqual(labels);
    expect(b.rule).toEqual({ list: { inCellDropDown: true, source: "=$F$1:$F$40" } });
    expect(c.items).toEqual(["Green", "Amber", "Red"]);
    expect([...ws.hiddenColumns].sort()).toEqual([4, 5]);
  });
});

describe("colours", () => {
  it("the fake refuses a colour that is neither #RRGGBB nor a colour name", async () => {
    await expect(fakeExcelRun(fresh())(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").format.fill.color = "FFD55E00";
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("the writer sends #RRGGBB whatever spelling the plan has", async () => {
    const state = fresh();
    await write(state, plan("Out", [["a"]], { styles: [{ ref: "A1", style: { fill: "FFD55E00", font: "#abc" } }], tabColour: "d55e00" }));
    expect(state.sheet("Out")!.peek(0, 0)!.format).toMatchObject({ fill: "#D55E00", fontColor: "#AABBCC" });
    expect(state.sheet("Out")!.tabColor).toBe("#D55E00");
  });

  it("a custom matrix with a colour Excel would refuse is not saved, and says why", async () => {
    const state = fresh();
    const bad = { ...DEFAULT_MATRIX, bands: DEFAULT_MATRIX.bands.map((b, i) => (i === 0 ? { ...b, colour: "reddish" } : b)) };
    const err = await fakeExcelRun(state)((ctx) => updateSettings(new OfficeWorkbook(ctx, CAPS), (s) => void (s.riskMatrix = bad))).catch((e) => e);
    expect(err.message).toMatch(/'reddish' for 'High' is not one Excel accepts/);
    expect(state.sheet("CPE_Settings")).toBeUndefined();
    const fine = { ...DEFAULT_MATRIX, bands: DEFAULT_MATRIX.bands.map((b) => ({ ...b, colour: b.colour.slice(1).toLowerCase() })) };
    const saved = await fakeExcelRun(state)((ctx) => updateSettings(new OfficeWorkbook(ctx, CAPS), (s) => void (s.riskMatrix = fine)));
    expect(saved.riskMatrix!.bands.map((b) => b.colour)).toEqual(DEFAULT_MATRIX.bands.map((b) => b.colour));
  });
});

describe("request size", () => {
  it("a text-heavy sheet is sent in requests under 5 MB, sized from what is actually sent", async () => {
    const state = fresh();
    const text = (i: number) => `Item ${i}: ${"a long commentary sentence that councils write. ".repeat(4)}`;
    await write(state, plan("Notes", Array.from({ length: 20_000 }, (_, i) => [text(i), text(i + 1), text(i + 2)])));
    expect(state.sheet("Notes")!.peek(19_999, 2)!.value).toBe(text(20_001));
    expect(Math.max(...state.requests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_LIMIT);
  }, 600_000);

  it("thousands of small formatted regions are counted by their calls and objects", async () => {
    const state = fresh();
    const styles = Array.from({ length: 30_000 }, (_, i) => ({ ref: `A${i + 1}`, style: { bold: true, fill: "#D55E00", border: true } }));
    await write(state, plan("Styled", Array.from({ length: 30_000 }, (_, i) => [i]), { styles }));
    expect(state.sheet("Styled")!.peek(29_999, 0)!.format.bold).toBe(true);
    expect(Math.max(...state.requests.map((r) => r.bytes))).toBeLessThanOrEqual(REQUEST_LIMIT);
  }, 600_000);

  it("the fake counts calls and objects, not only values", async () => {
    await expect(fakeExcelRun(fresh())(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      for (let i = 0; i < 30_000; i++) ws.getRangeByIndexes(i, 0, 1, 1).format.font.bold = true;
      await ctx.sync();
    })).rejects.toBeInstanceOf(OfficeError);
  });

  it("explains Excel on the web's size limits in plain words", () => {
    for (const code of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]) {
      expect(explainExcelError({ code }, [])).toMatch(/too large for Excel on the web to update in one go/);
    }
  });
});

describe("the write as a whole", () => {
  it("suspends calculation before every request of a long write, not only the first", async () => {
    const state = fresh();
    const before = state.syncs;
    await write(state, plan("Notes", Array.from({ length: 20_000 }, (_, i) => [`Commentary line ${i} `.repeat(12)])));
    const writeRequests = state.syncs - before - 1; // the first request only reads the sheet list
    expect(writeRequests).toBeGreaterThan(2);
    expect(state.calculationSuspensions).toBeGreaterThanOrEqual(writeRequests - 1);
  }, 600_000);

  it("sets column widths in points as the .xlsx file's widths in characters come out (Calibri 11: 7 px a character and 5 of padding)", async () => {
    const state = fresh();
    await write(state, plan("Widths", [["a", "b"]], { columnWidths: [10, 40] }));
    const ws = state.sheet("Widths")!;
    expect([ws.columnWidths.get(0), ws.columnWidths.get(1)]).toEqual([56.25, 213.75]);
  });
});
