/**
 * A stored quarter reprints as published: a re-run of a period already
 * stored uses the rules stored with it and shows the stored results, even
 * after the sheet has moved on (a value corrected, statuses updated for the
 * next quarter, an item added); the Summary says so, and only when asked
 * (--replace-history) are today's results published and stored instead.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues } from "../helpers/workbooks";

const dir = tempDir();

async function summarise(input: string, name: string, ...flags: string[]) {
  const out = join(dir, name);
  const r = await runCli(["summarise", input, "--out", out, "--json", ...flags]);
  expect(r.code).toBe(0);
  return { out, json: JSON.parse(r.stdout), stderr: r.stderr, wb: await load(out) };
}

const values = (wb: ExcelJS.Workbook, sheet: string) => sheetValues(wb.getWorksheet(sheet)!);

/** The Summary's statement about stored results: the lines under its title and note, up to the first blank row. */
function statement(wb: ExcelJS.Workbook): string {
  const rows = values(wb, "Summary");
  const lines: string[] = [];
  for (let i = 2; rows[i]?.length; i++) lines.push(String(rows[i][0]));
  return lines.join(" ");
}

/** The draft commentary's sentences under a heading. */
function commentary(wb: ExcelJS.Workbook, heading: string): string[] {
  const rows = values(wb, "Commentary").map((r) => String(r[0] ?? ""));
  const at = rows.indexOf(heading);
  const out: string[] = [];
  for (let i = at + 1; i < rows.length && rows[i]; i++) out.push(rows[i]);
  return out;
}

/** Change cells of a sheet in a saved workbook, as an officer would between runs. */
async function edit(path: string, name: string, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await load(path);
  change(wb);
  return saveWorkbook(wb, dir, name);
}

const day = (json: { stored: { text: string } }) => /(\d\d\/\d\d\/\d{4})/.exec(json.stored.text)![1];

describe("a stored quarter whose value was corrected afterwards", () => {
  let q1: Awaited<ReturnType<typeof summarise>>;
  let corrected: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Outcomes");
    ws.addRow(["Code", "Outcome", "Polarity", "Q4 2020/21", "Q1 2021/22", "Target"]);
    ws.addRow(["O1", "Recycling rate", "Maximise", 95, 96, 100]);
    ws.addRow(["O2", "Employment rate", "Maximise", 70, 71, 70]);
    q1 = await summarise(await saveWorkbook(wb, dir, "outcomes.xlsx"), "q1.xlsx", "--period", "Q1 2021/22");
    // The recycling figure is revised after the report went out: 96 becomes 94 (Red at 5%).
    corrected = await edit(q1.out, "corrected.xlsx", (w) => void (w.getWorksheet("Outcomes")!.getCell("E2").value = 94));
  });

  it("first stores the quarter and says so on the Summary", () => {
    expect(q1.json.stored.action).toBe("stored");
    expect(statement(q1.wb)).toBe(`Q1 2021/22: results stored today (${day(q1.json)}); a re-run of Q1 2021/22 reprints them unless you choose to replace them.`);
  });

  it("reprints the published value and status, says what the sheet holds now, and keeps the stored counts", async () => {
    const again = await summarise(corrected, "q1-reprint.xlsx", "--period", "Q1 2021/22");
    expect(again.json.stored.action).toBe("reprinted");
    expect(statement(again.wb)).toBe(`Q1 2021/22: reprinted as stored on ${day(q1.json)}, with the rules stored then; the stored results are shown. `
      + "This run's differ for 'Outcomes': 1 item's result ('Recycling rate'). Use --replace-history to replace them.");
    const o1 = values(again.wb, "Indicator results").find((r) => r[1] === "O1")!;
    expect(o1.slice(4, 9)).toEqual([96, 100, "Amber", 2, "Amber: 96 against target 100, 4% adrift, within tolerance 5% (as stored on " + day(q1.json) + "; the sheet now holds 94)"]);
    const header = values(again.wb, "Indicator results").find((r) => r[0] === "Dataset")!;
    expect([o1[header.indexOf("Latest value")], o1[header.indexOf("Latest period")]]).toEqual([96, "Q1 2021/22"]);
    expect(values(again.wb, "Summary")).toContainEqual(["Number (%) AMBER", "1/2 (50%)", "N/A", "N/A", "N/A", "N/A"]);
    expect(again.json.datasets[0].statusCounts).toEqual({ Green: 1, Amber: 1 });
    expect(again.stderr).toContain("Warning: Q1 2021/22 was already stored on");
    // Every sentence of the commentary quotes the stored figures.
    expect(commentary(again.wb, "Outcomes")).toEqual([
      "At the end of Quarter One, 1 of 2 (50%) outcomes were on target, against the corporate standard of 75%.",
      "There were no 'Red Red' outcomes.",
    ]);
    expect(values(again.wb, "Commentary").flat().join(" ")).toContain("Q1 2021/22: reprinted as stored on");
  });

  it("publishes and stores today's results only when asked, keeping the old ones in the history", async () => {
    const replaced = await summarise(corrected, "q1-replaced.xlsx", "--period", "Q1 2021/22", "--replace-history");
    expect(replaced.json.stored.action).toBe("replaced");
    expect(statement(replaced.wb)).toBe(`Q1 2021/22: today's results replace those stored on ${day(q1.json)} for 'Outcomes', as asked; the old results are kept in the workbook's history.`);
    const o1 = values(replaced.wb, "Indicator results").find((r) => r[1] === "O1")!;
    expect(o1.slice(4, 9)).toEqual([94, 100, "Red", 1, "Red: 94 against target 100, 6% adrift, tolerance 5%"]);
    // The restated quarter's commentary says so first, then gives today's figures.
    expect(commentary(replaced.wb, "Outcomes").slice(0, 2)).toEqual([
      "Q1 2021/22 restated: one outcome changed status (data corrected).",
      "At the end of Quarter One, 1 of 2 (50%) outcomes were on target, against the corporate standard of 75%.",
    ]);
    // A later run finds what was stored the second time.
    const after = await summarise(replaced.out, "q1-after.xlsx", "--period", "Q1 2021/22");
    expect(after.json.stored.action).toBe("matched");
  });
});

describe("a stored quarter re-run after the sheet was updated for the next one", () => {
  let q1: Awaited<ReturnType<typeof summarise>>;
  let reprint: Awaited<ReturnType<typeof summarise>>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Actions");
    ws.addRow(["Action", "Owner", "Due date", "Status", "Commentary"]);
    ws.addRow(["Open the archive", "Culture", "31/03/2022", "Amber", "Contractor delayed"]);
    ws.addRow(["Fix the depot roof", "Estates", "31/03/2022", "Green", ""]);
    ws.addRow(["Launch the app", "Digital", "31/03/2022", "Green", ""]);
    ws.addRow(["Publish the plan", "Policy", "30/04/2021", "Red", "Awaiting sign-off"]);
    q1 = await summarise(await saveWorkbook(wb, dir, "actions.xlsx"), "actions-q1.xlsx", "--period", "Q1 2021/22");
    // Next quarter's statuses, and a new action.
    const q2 = await edit(q1.out, "actions-q2.xlsx", (w) => {
      const s = w.getWorksheet("Actions")!;
      s.getCell("D2").value = "Green";
      s.getCell("D3").value = "Red";
      s.getCell("D5").value = "Complete";
      s.addRow(["Recruit wardens", "Place", "31/03/2022", "Amber", ""]);
    });
    reprint = await summarise(q2, "actions-q1-again.xlsx", "--period", "Q1 2021/22");
  });

  it("shows each action as published for Q1, not as it stands now", () => {
    const items = values(reprint.wb, "By directorate").filter((r) => ["Culture", "Estates", "Digital", "Policy", "Place"].includes(String(r[0])) && typeof r[1] === "string");
    expect(items.map((r) => [r[1], r[3], r[5] ?? ""])).toEqual([
      ["Open the archive", "Amber", ""], ["Fix the depot roof", "Green", ""], ["Launch the app", "Green", ""], ["Publish the plan", "Red", "Overdue"],
    ]);
    const exceptions = values(reprint.wb, "Exceptions").filter((r) => r[6] === "Actions");
    // Off target: Amber and not overdue; overdue: published Red with its due date passed by 30/06/2021, though completed since.
    expect(exceptions.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([["Publish the plan", "Policy", "Red", "Awaiting sign-off"], ["Open the archive", "Culture", "Amber", "Contractor delayed"]]);
    expect(exceptions[0][5]).toBe(61);
    expect(reprint.json.datasets[0].statusCounts).toEqual({ Green: 2, Amber: 1, Red: 1 });
  });

  it("leaves out an action added since, and says so with its cell", () => {
    expect(reprint.json.issues).toContainEqual({
      sheet: "Actions", cell: "A6", severity: "warning",
      message: "'Recruit wardens' is not in the results stored for Q1 2021/22, so the reprint leaves it out; replace the stored results to include it",
    });
    expect(statement(reprint.wb)).toContain("This run's differ for 'Actions': 3 items' results ('Open the archive', 'Fix the depot roof' and 'Publish the plan'); 1 item not stored then.");
  });

  it("drafts the commentary from the published figures", () => {
    expect(commentary(reprint.wb, "Actions")).toEqual([
      "At the end of Quarter One, 2 of 4 (50%) actions were rated Green or Complete, against the corporate standard of 90%.",
      "Of the four actions, two were Green, one Amber and one Red.",
    ]);
    expect(commentary(q1.wb, "Actions")).toEqual(commentary(reprint.wb, "Actions"));
  });
});
