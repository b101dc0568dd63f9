/**
 * A quarter as a council lives it, on files of our own, made with the
 * command line: templates go out for Q1, Finance's return comes back before
 * the report, Regeneration's after it, and Q2 arrives with a Q1 figure
 * corrected and commentary left as it was. The commentary quotes figures
 * (one wrongly), a Red item's is cheerful, another's owns up.
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { saveWorkbook, runCli, load } from "./workbooks";

export const STORY_OUTCOMES = [
  ["Code", "Outcome", "Polarity", "Q4 2020/21", "Q1 2021/22", "Q2 2021/22", "Target", "Commentary"],
  ["O1", "Pupils in good schools (%)", "Maximise", 48, 52.3, null, 50, "Performance was 52.3%, up from 48% last quarter and above the 50% target."],
  ["O2", "Adults physically active (%)", "Maximise", 70, 72, null, 70, "Activity rose to 75 per cent, up from 70 per cent."],
  ["O3", "Household waste recycled (%)", "Maximise", 33.1, 28.6, null, 35, "Another excellent quarter: the team is delighted with the new collection rounds."],
  ["O4", "Crime rate per 1,000 people", "Minimise", 44.1, 55.07, null, 43.6, "The rate rose to 55.07 from 44.1; a partnership action plan is being prepared."],
];

export const STORY_WORKPLAN: string[][] = [
  ["Action", "Directorate", "Due Date", "Status", "Commentary"],
  ["Open the new archive", "Regeneration", "31/03/2022", "Green", "On schedule for the spring opening."],
  ["Deliver the housing scheme", "Regeneration", "31/12/2021", "Red", "Going really well, great feedback from residents."],
  ["Refurbish the market hall", "Regeneration", "31/03/2022", "Green", "Contractor appointed."],
  ["Balance the budget", "Finance", "31/03/2022", "Amber", "Savings of £1.2m are not yet identified."],
  ["Procure payroll", "Finance", "30/11/2021", "Green", "Tender issued."],
  ...Array.from({ length: 7 }, (_, i) => [`Place action ${i + 1}`, "Place", "31/03/2022", "Green", ""]),
];

export async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  return r;
}

/** The row of a return sheet holding an item, by its title. */
function rowOf(ws: ExcelJS.Worksheet, title: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === title) return r;
  throw new Error(`'${title}' is not on ${ws.name}`);
}

/** One directorate's return, filled in as its lead would (a RAG and commentary for one item), in a file of its own. */
async function filledReturn(dir: string, templated: string, sheet: string, name: string, title: string, rag: string, commentary: string): Promise<string> {
  const wb = await load(templated);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet(sheet)!;
  const r = rowOf(ws, title);
  ws.getCell(`D${r}`).value = rag;
  ws.getCell(`E${r}`).value = commentary;
  return saveWorkbook(wb, dir, name);
}

export interface QuarterStory {
  /** The return template's file, and the corporate workbook once Finance's return is in: Q1 still to be run. */
  templated: string;
  beforeQ1: string;
  /** What collecting Finance's return said (--json). */
  collected: string;
  /** Q1 run on 12/07/2021 (stored then). */
  q1: string;
  /** Regeneration's late return collected into Q1's output: Q1 to be run again. */
  lateInput: string;
  /** Q2's figures in, a Q1 figure corrected: Q2 still to be run. */
  q2Input: string;
}

/** Every step up to Q2's run, with the days the command line is told it is. */
export async function quarterStory(dir: string): Promise<QuarterStory> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Outcomes").addRows(STORY_OUTCOMES);
  wb.addWorksheet("Workplan").addRows(STORY_WORKPLAN);
  const council = await saveWorkbook(wb, dir, "council.xlsx");
  const templated = join(dir, "templated.xlsx");
  await cli(["template", council, "--out", templated, "--period", "Q1 2021/22"]);
  const finance = await filledReturn(dir, templated, "Finance Workplan", "finance.xlsx", "Balance the budget", "Red",
    "Savings of £1.2m are not yet identified; a recovery plan goes to Cabinet in July.");
  const beforeQ1 = join(dir, "collected-1.xlsx");
  const collected = (await cli(["collect", templated, finance, "--out", beforeQ1, "--json"])).stdout;
  const q1 = join(dir, "q1.xlsx");
  await cli(["summarise", beforeQ1, "--out", q1, "--period", "Q1 2021/22", "--today", "2021-07-12"]);
  const regeneration = await filledReturn(dir, templated, "Regeneration Workplan", "regeneration.xlsx", "Deliver the housing scheme", "Green",
    "Planning consent granted; back on programme.");
  const lateInput = join(dir, "collected-2.xlsx");
  await cli(["collect", q1, regeneration, "--out", lateInput]);
  // Q2 starts from Q1's second run, as the officer keeps one workbook through the year.
  const late = join(dir, "q1-late.xlsx");
  await cli(["summarise", lateInput, "--out", late, "--period", "Q1 2021/22", "--today", "2021-07-20"]);
  const next = await load(late);
  const ws = next.getWorksheet("Outcomes")!;
  ws.getCell("E4").value = 30; // household waste recycled in Q1: 28.6 corrected to 30 (still Red)
  ws.getCell("E3").value = 66; // adults active in Q1: 72 corrected to 66 (Green → Red)
  [53, 68, 31, 50].forEach((v, i) => (ws.getCell(`F${i + 2}`).value = v));
  ws.getCell("H3").value = "Activity fell to 68% from a corrected 66%; a campaign with leisure centres is planned to lift it.";
  ws.getCell("H4").value = "Recycling rose to 31% from 30%; a food waste trial is being explored.";
  ws.getCell("H5").value = "The rate fell to 50 from 55.07; the partnership action plan is being delivered.";
  const q2Input = await saveWorkbook(next, dir, "q2-input.xlsx");
  return { templated, beforeQ1, collected, q1, lateInput, q2Input };
}
