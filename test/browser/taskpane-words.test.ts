/**
 * A status word the add-in does not know is counted as "not rated" and
 * shown on the Results step, where the user says once what it means; the
 * choice is saved with the workbook and the next run counts it.
 */
import { Page } from "playwright-core";
import { join } from "path";
import { writeFileSync } from "fs";
import ExcelJS from "exceljs";
import { axeSerious, horizontalOverflow, openFilePane, OpenPane } from "./pane";
import { tempDir } from "../helpers/workbooks";

async function milestones(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Milestones");
  ws.addRow(["Milestone", "Owner", "Due date", "Status"]);
  ws.addRow(["Survey complete", "Estates", "30/06/2024", "On Track"]);
  ws.addRow(["Design approved", "Estates", "31/05/2024", "Complete"]);
  ws.addRow(["Contract signed", "Legal", "31/07/2024", "Paused"]);
  ws.addRow(["Site opened", "Estates", "31/08/2024", "Paused"]);
  const path = join(tempDir(), "milestones.xlsx");
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

async function claimants(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("claimants");
  ws.addRow(["area_name", "period", "indicator", "value"]);
  for (const area of ["Trafford", "Salford", "Bury"]) ["April 2021", "May 2021", "June 2021"].forEach((p, i) => ws.addRow([area, p, "Claimant count", 100 + i]));
  const path = join(tempDir(), "claimants.xlsx");
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

describe("task pane: status words not yet rated, and the council's own area", () => {
  let pane: OpenPane;
  let page: Page;

  beforeAll(async () => {
    pane = await openFilePane(350);
    page = pane.page;
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("counts an unknown word as not rated, lets the user map it once, and the run counts it once the stored quarter is replaced", async () => {
    await page.getByTestId("file-input").setInputFiles(await milestones());
    await page.getByRole("heading", { name: "1 table to report on" }).waitFor({ timeout: 90_000 });
    // The tracker states no period: it is chosen from the quarters its due dates fall in.
    await page.getByRole("button", { name: "Use Q2 2024/25" }).click();
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: "Words not yet rated" }).waitFor({ timeout: 60_000 });
    // The headline keeps the unrated rows in the count and says so.
    expect(await page.getByText(/2 of 4 rated; 2 not rated: 'Paused' 2/).count()).toBeGreaterThan(0);
    expect(await axeSerious(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);

    await page.getByRole("combobox", { name: "'Paused' (2 rows) means" }).click();
    await page.getByRole("option", { name: "Amber" }).click();
    await page.getByRole("listbox").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Save and run again" }).click();
    await page.getByRole("heading", { name: "Words not yet rated" }).waitFor({ state: "detached", timeout: 60_000 });
    // The quarter was stored by the first run: it is reprinted as stored, and the pane says why and offers to replace it.
    await page.getByText(/^Q2 2024\/25 was already stored on .*This run's differ for 'Milestones': the status words mapped in Settings/).waitFor();
    await page.getByRole("button", { name: "Replace the stored results" }).click();
    await page.getByText(/not rated/).first().waitFor({ state: "detached", timeout: 90_000 });
    expect(await page.getByText(/not rated/i).count()).toBe(0);
    expect(await page.getByText(/Milestones: 2\/4 \(50%\)/).count()).toBeGreaterThan(0);
  }, 600_000);

  it("lets the user name their own area on the Workbook step, and the next run is about it", async () => {
    await page.getByRole("button", { name: "Open another file" }).first().click();
    await page.getByTestId("file-input").setInputFiles(await claimants());
    await page.getByRole("heading", { name: "1 table to report on" }).waitFor({ timeout: 90_000 });
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: "Choose your area" }).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/^claimants: 1 indicator for each of 3 areas/).count()).toBe(1);

    await page.getByRole("tab", { name: "Workbook" }).click();
    const area = page.getByRole("combobox", { name: "Your area" });
    await area.click();
    await page.getByRole("option", { name: "Trafford" }).click();
    // Saved at once; focus comes back to the drop-down.
    await page.waitForFunction(() => document.activeElement?.id === "area-choice" && document.activeElement?.textContent === "Trafford", null, { timeout: 30_000 });
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.getByRole("tab", { name: "Results" }).click();
    await page.getByTestId("stale").getByText(/your area was set to Trafford/).waitFor();
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: /^Trafford beside the other areas/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("heading", { name: "Choose your area" }).count()).toBe(0);
    expect(await page.getByRole("tab", { name: "Results", selected: true }).count()).toBe(1);
  }, 600_000);
});
