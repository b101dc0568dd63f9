/**
 * The pane on a quarter of our own (test/helpers/quarter-story.ts), in file
 * mode: a headline with returns still out gives its range and the return
 * that decides the standard, the commentary checks are counted with their
 * issues below, and next quarter's results say Q1 was restated. Each view
 * passes axe and is shot at 350 px to test/artefacts/pane/.
 */
import { Page } from "playwright-core";
import { mkdirSync } from "fs";
import { join } from "path";
import { axeSerious, horizontalOverflow, settle, openFilePane, OpenPane } from "./pane";
import { tempDir } from "../helpers/workbooks";
import { quarterStory, QuarterStory } from "../helpers/quarter-story";

const SHOTS = join(__dirname, "..", "artefacts", "pane");

describe("the pane on a quarter with returns out, checked commentary and a restatement", () => {
  let pane: OpenPane;
  let page: Page;
  let story: QuarterStory;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    story = await quarterStory(tempDir());
    pane = await openFilePane(350);
    page = pane.page;
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
  });

  const shot = async (name: string) => {
    await settle(page);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  const run = async (file: string) => {
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("heading", { name: "2 tables to report on" }).waitFor({ timeout: 90_000 });
    await page.getByRole("tab", { name: "Run" }).click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("heading", { name: /^Results for / }).waitFor({ timeout: 90_000 });
  };

  it("gives the headline's range while returns are out, names the return that decides it, and counts the commentary checks", async () => {
    await run(story.beforeQ1);
    await page.getByText("Workplan: 1–11 of 12 Green or Complete (8–92%) — standard 90% depends on 2 outstanding returns, from Regeneration (3 items) "
      + "and Place (7 items); the one from Regeneration decides it").waitFor();
    const checks = page.getByRole("region", { name: "Commentary checks" });
    await checks.getByText(/^Outcomes: Commentary of 4 items checked: 1 commentary quotes figures that differ from the data; 1 commentary on a Red item/).waitFor();
    await checks.getByText(/^Workplan: Commentary of 5 items checked: 1 commentary on a Red item does not acknowledge its status/).waitFor();
    // Each finding is a data issue with its cell.
    await page.getByText(/'Adults physically active \(%\)': its commentary quotes 'rose to 75 per cent'/).waitFor();
    await page.getByRole("listitem").filter({ hasText: /'Deliver the housing scheme' is Red, but its commentary says nothing/ }).getByText("Sheet 'Workplan', cell E3").waitFor();
    await shot("12-returns-out-and-commentary");
    expect(await axeSerious(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
  }, 600_000);

  it("says in the next quarter's results that Q1 was restated, and what stands", async () => {
    await page.getByRole("button", { name: "Open another file" }).click();
    await page.getByRole("heading", { name: "Open a workbook file" }).waitFor();
    await run(story.q2Input);
    const restated = page.getByRole("region", { name: "Restated results" });
    await restated.getByText("Outcomes: Q1 2021/22 restated: 1 outcome changed status (data corrected); 1 other value corrected without a change of status; "
      + "the results published on 12/07/2021 stand as published.").waitFor();
    await restated.getByText("Each difference, with the day each result was published, is on the 'Restatements' sheet of the downloaded workbook.").waitFor();
    await page.getByText(/'Pupils in good schools \(%\)': its commentary is the same, word for word, as the commentary stored for Q1 2021\/22/).waitFor();
    await shot("13-restated");
    expect(await axeSerious(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
  }, 600_000);

  it("explains outstanding returns, commentary checks and restatements in Help", async () => {
    await page.getByRole("button", { name: "Help" }).click();
    for (const term of ["Outstanding return", "Commentary check", "Restated"]) await page.getByText(term, { exact: true }).waitFor();
    await shot("14-help-story");
    expect(await axeSerious(page)).toEqual([]);
  });
});
