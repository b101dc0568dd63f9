/**
 * The quarter's story told honestly, on fixtures of our own: commentary
 * read against its figures, stored quarters restated (data, target or rule
 * changes, never overwritten), and headlines that give the range returns
 * still outstanding could make.
 */
import {
  buildReport, emptySettings, storeHistory, SheetGrid, CellValue, WorkbookSettings, IndicatorsReport, ActionsReport, DatasetReport, Issue, ReturnRecord,
  commentaryCell, outstandingPhrase, draftNarrative, itemsObject,
} from "../../src/core";

const grid = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, rows, ...extra });
const dataset = <T extends DatasetReport>(r: { datasets: DatasetReport[] }, sheet: string) => r.datasets.find((d) => d.sheet === sheet) as T;
const at = (issues: Issue[], code: string) => issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);

/** Store a run's results as the summarise step does, on the given day. */
function stored(settings: WorkbookSettings, grids: SheetGrid[], period: string, today: string, replace = false): WorkbookSettings {
  const built = buildReport(grids, settings, { period, replaceHistory: replace, today });
  const h = storeHistory(settings.history, built.records, period, { replace, today, labels: {}, reasons: built.reprinted });
  return { ...settings, history: h.history };
}

const OUTCOME_HEAD = ["Code", "Outcome", "Polarity", "Q4 2020/21", "Q1 2021/22", "Q2 2021/22", "Target", "Commentary"];

describe("commentary read against its row", () => {
  const outcomes = grid("Outcomes", [
    OUTCOME_HEAD,
    ["O1", "Pupils in good schools (%)", "Maximise", 48, 52.3, null, 50, "Performance was 52.3%, up from 48% last quarter and above the 50% target."],
    ["O2", "Adults physically active (%)", "Maximise", 70, 72, null, 70, "Activity rose to 75 per cent, up from 70 per cent."],
    ["O3", "Household waste recycled (%)", "Maximise", 33.1, 28.6, null, 35, "Another excellent quarter: the team is delighted with the new collection rounds."],
    ["O4", "Crime rate per 1,000 people", "Minimise", 44.1, 55.07, null, 43.6, "The rate rose to 55.07 from 44.1; a partnership action plan is being prepared."],
    ["O5", "Residents satisfied (%)", "Maximise", 80, 81, null, 80, ""],
  ]);
  const workplan = grid("Workplan", [
    ["Action", "Directorate", "Due Date", "Status", "Commentary"],
    ["Open the new archive", "Regeneration", "31/03/2022", "Green", "On schedule for the spring opening."],
    ["Deliver the housing scheme", "Regeneration", "31/12/2021", "Red", "Going really well, great feedback from residents."],
    ["Balance the budget", "Finance", "31/03/2022", "Red", "Savings of £1.2m are not yet identified; a recovery plan goes to Cabinet in July."],
    ["Close the old depot", "Place", "31/03/2021", "Complete", "Closed in March 2021."],
  ]);
  const q1 = buildReport([outcomes, workplan], emptySettings(), { period: "Q1 2021/22" });

  it("finds figures quoted that are not the row's, and says which, at the commentary's cell", () => {
    expect(at(q1.report.issues, "commentary.figures")).toEqual(["Outcomes!H3"]);
    const message = q1.report.issues.find((i) => i.code === "commentary.figures")!.message;
    expect(message).toBe("'Adults physically active (%)': its commentary quotes 'rose to 75 per cent', which is not among the row's figures "
      + "(value 72, target 70 and previous 70) or worked out from them, within rounding. The commentary is left as written: check it against the data");
  });

  it("finds a Red item whose commentary is cheerful, in outcomes and in lists of actions alike", () => {
    expect(at(q1.report.issues, "commentary.unacknowledged")).toEqual(["Outcomes!H4", "Workplan!E3"]);
    expect(q1.report.issues.find((i) => i.cell === "H4")!.message).toBe("'Household waste recycled (%)' is Red and worsening ('Red Red'), but its commentary says nothing of a concern, "
      + "a shortfall or an action to put it right: \"Another excellent quarter: the team is delighted with the new collection rounds.\"");
  });

  it("gives each item a Commentary check and each dataset its counts; an item without commentary is not checked", () => {
    const o = dataset<IndicatorsReport>(q1.report, "Outcomes");
    expect(o.items.map((x) => commentaryCell(o.commentary, x.item.key))).toEqual([
      "Checked: nothing found", "Quotes 'rose to 75 per cent': not in the data", "Red Red: no concern or action said", "Checked: nothing found", null,
    ]);
    expect(o.commentary!.checked).toBe(4);
    expect(o.commentary!.counts).toEqual({ figures: 1, unacknowledged: 1, copied: 0 });
    expect(o.commentary!.copiedAgainst).toEqual({ notChecked: "no results are stored for Q4 2020/21" });
  });

  it("stores a fingerprint of each commentary with the period, never its text", () => {
    const items = itemsObject(q1.records.Outcomes.items);
    expect(items.O1.commentaryHash).toMatch(/^[A-Za-z0-9_-]{6}$/);
    expect(items.O5.commentaryHash).toBeUndefined();
    expect(JSON.stringify(q1.records)).not.toContain("excellent quarter");
  });

  it("finds commentary copied unchanged from last quarter, but not for an item complete both times", () => {
    const settings = stored(emptySettings(), [outcomes, workplan], "Q1 2021/22", "2021-07-12");
    const q2Outcomes = grid("Outcomes", outcomes.rows.map((row, i) => {
      if (i === 0) return row;
      const next = [...row];
      next[5] = (row[4] as number) + 1;
      // O1 and O4 keep last quarter's words (O4 with other spacing and capitals); the others are rewritten.
      if (i !== 1 && i !== 4) next[7] = row[7] ? `${row[7]} Updated for Q2.` : row[7];
      if (i === 4) next[7] = "the rate rose  to 55.07 from 44.1; a partnership action plan is being prepared.";
      return next;
    }));
    const q2Work = grid("Workplan", [
      workplan.rows[0],
      ["Open the new archive", "Regeneration", "31/03/2022", "Complete", "On schedule for the spring opening."],
      [...workplan.rows[2].slice(0, 4), "Behind programme: contractor delays; recovery plan agreed."],
      workplan.rows[3],
      workplan.rows[4],
    ]);
    const q2 = buildReport([q2Outcomes, q2Work], settings, { period: "Q2 2021/22" });
    expect(at(q2.report.issues, "commentary.copied")).toEqual(["Outcomes!H2", "Outcomes!H5", "Workplan!E2", "Workplan!E4"]);
    expect(q2.report.issues.find((i) => i.cell === "H2")!.message)
      .toBe("'Pupils in good schools (%)': its commentary is the same, word for word, as the commentary stored for Q1 2021/22 (on 12/07/2021): it may not have been updated");
    // The archive went from Green to Complete with the same words: a change of status, so still a copy worth a look.
    const w = dataset<ActionsReport>(q2.report, "Workplan");
    expect(w.items.map((x) => commentaryCell(w.commentary, x.key))).toEqual(["Same as Q1 2021/22", "Checked: nothing found", "Same as Q1 2021/22", "Checked: nothing found"]);
    expect(w.commentary!.copiedAgainst).toEqual({ period: "Q1 2021/22", storedOn: "12/07/2021" });
  });

  it("a risk's commentary is read for its score, and a register's Red level must be acknowledged", () => {
    const risks = grid("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Level", "Commentary"],
      ["R1", "Cyber attack", 4, 5, "Red", "Score reduced from 25 to 20 after new controls were put in place; 5% of budget spent."],
      ["R2", "Flooding", 2, 2, "Green", "Rated 4, unchanged."],
      ["R3", "Supplier failure", 5, 4, "Red", "All good, nothing to add."],
    ]);
    const r = buildReport([risks], emptySettings(), { period: "Q1 2021/22" });
    // 25 is not a score R1 has had on the register (no previous score stored or given): quoted as its earlier score, it is not found.
    expect(at(r.report.issues, "commentary.figures")).toEqual(["Risks!F2"]);
    expect(r.report.issues.find((i) => i.cell === "F2")!.message).toMatch(/quotes 'reduced from 25', which is not among the row's figures \(score 20, likelihood 4 and impact 5\)/);
    expect(at(r.report.issues, "commentary.unacknowledged")).toEqual(["Risks!F4"]);
  });

  it("a column of mitigating actions says what is being done by being filled in: a Red risk's action there acknowledges it", () => {
    const risks = grid("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Level", "Mitigation_Action"],
      ["R1", "Data lineage gaps", 4, 5, "Red", "Map data lineage across all workstreams and document it"],
      ["R2", "Supplier failure", 5, 4, "Red", ""],
    ]);
    const r = buildReport([risks], emptySettings(), { period: "Q1 2021/22" });
    expect(at(r.report.issues, "commentary.unacknowledged")).toEqual([]);
    expect(dataset<DatasetReport>(r.report, "Risks").commentary!.checked).toBe(1);
  });
});

describe("a stored quarter restated", () => {
  const q1Rows: CellValue[][] = [
    ["Code", "Outcome", "Polarity", "Q4 2020/21", "Q1 2021/22", "Q2 2021/22", "Target"],
    ["O1", "Recycling rate (%)", "Maximise", 95, 96, null, 100],
    ["O2", "Employment rate (%)", "Maximise", 70, 71, null, 70],
    ["O3", "Homes built", "Maximise", 40, null, null, 50],
    ["O4", "Missed bins", "Minimise", 12, 11, null, 10],
  ];
  const settings = stored(emptySettings(), [grid("Outcomes", q1Rows)], "Q1 2021/22", "2021-07-12");

  it("a later run sees Q1's figures corrected and a late return, classifies each as a data change, and says so as the next quarter's first sentence", () => {
    const q2Rows = q1Rows.map((r) => [...r]);
    q2Rows[1][4] = 94; // Recycling corrected: 96 → 94, Amber → Red
    q2Rows[3][4] = 52; // Homes built: a late return, no data → Green
    q2Rows[4][4] = 10.8; // Missed bins corrected, still Red
    for (const r of q2Rows.slice(1)) r[5] = 80;
    const built = buildReport([grid("Outcomes", q2Rows)], settings, { period: "Q2 2021/22" });
    const [restated] = built.report.restated;
    expect(built.report.restated).toHaveLength(1);
    expect(restated.text).toBe("Q1 2021/22 restated: 2 outcomes changed status (data corrected); 1 other value corrected without a change of status");
    expect(restated.items.map((i) => [i.item, i.cell, i.change, i.was, i.now, i.statusWas, i.statusNow, i.publishedOn, i.newPublishedOn])).toEqual([
      ["Recycling rate (%)", "E2", "data", "96", "94", "Amber", "Red", "12/07/2021", null],
      ["Homes built", "E4", "data", "no value", "52", "No data", "Green", "12/07/2021", null],
      ["Missed bins", "E5", "data", "11", "10.8", "Red", "Red", "12/07/2021", null],
    ]);
    expect(draftNarrative(built.report)[0].sentences[0]).toBe("Q1 2021/22 restated: two outcomes changed status (data corrected); one other value corrected without a change of status.");
    // What was published stands: the history still holds Q1 as first stored.
    expect(itemsObject(settings.history.Outcomes["Q1 2021/22"].items).O1).toMatchObject({ status: "Amber", value: 96, target: 100 });
  });

  it("a new target in a single target column applies from now: Q1 is not restated by it", () => {
    const q2Rows = q1Rows.map((r) => [...r]);
    for (const r of q2Rows.slice(1)) r[5] = 80;
    q2Rows[2][6] = 75; // the employment target raised for the rest of the year
    expect(buildReport([grid("Outcomes", q2Rows)], settings, { period: "Q2 2021/22" }).report.restated).toEqual([]);
  });

  it("a quarter's own goal changed afterwards is a target change, with both targets", () => {
    const head = [[null, null, "Q1 2021/22", null, "Q2 2021/22", null], ["Measure", "Polarity", "Goal", "Actual", "Goal", "Actual"]];
    const goals = (q1Goal: number, q2: number | null): SheetGrid => grid("Scorecard", [...head, ["Calls answered (%)", "Maximise", q1Goal, 90, 92, q2]], { merges: ["C1:D1", "E1:F1"] });
    const before = stored(emptySettings(), [goals(90, null)], "Q1 2021/22", "2021-07-12");
    const built = buildReport([goals(95, 93)], before, { period: "Q2 2021/22" });
    expect(built.report.restated.map((x) => x.text)).toEqual(["Q1 2021/22 restated: 1 indicator changed status (target changed)"]);
    expect(built.report.restated[0].items.map((i) => [i.change, i.was, i.now, i.statusWas, i.statusNow])).toEqual([["target", "90", "95", "Green", "Red"]]);
  });

  it("re-running Q1 with other rules reprints it as stored and lists what today's rules would change, as rule changes", () => {
    const wider = { ...settings, datasets: { Outcomes: { tolerance: { kind: "percent" as const, value: 10 } } } };
    const built = buildReport([grid("Outcomes", q1Rows)], wider, { period: "Q1 2021/22", today: "2021-08-01" });
    const o = dataset<IndicatorsReport>(built.report, "Outcomes");
    // Reprinted as published, under the rules stored with it.
    expect(o.items.map((x) => x.assessment.status)).toEqual(["Amber", "Green", "No data", "Red"]);
    const [restated] = built.report.restated;
    expect(restated.text).toBe("Q1 2021/22 restated: 1 outcome changed status (rules changed)");
    expect(restated.items.map((i) => [i.item, i.change, i.was, i.now, i.rules])).toEqual([
      ["Missed bins", "rule", "Red", "Amber", "amber tolerance now 10% of target, stored 5% of target"],
    ]);
    // A reprint's own commentary is as first published: the restatement is not in it.
    expect(draftNarrative(built.report)[0].sentences[0]).toMatch(/^At the end of Quarter One/);
  });

  it("a quarter replaced on request is said, with the day, in the next quarter's report; the first results are kept", () => {
    const corrected = q1Rows.map((r) => [...r]);
    corrected[1][4] = 94;
    const replaced = stored(settings, [grid("Outcomes", corrected)], "Q1 2021/22", "2021-07-20", true);
    expect(replaced.history.Outcomes["Q1 2021/22"].superseded!.map((s) => [itemsObject(s.items).O1.status, s.storedAt, s.replacedAt])).toEqual([["Amber", "2021-07-12", "2021-07-20"]]);
    const q2Rows = corrected.map((r, i) => (i ? [...r.slice(0, 5), 80, r[6]] : r));
    const built = buildReport([grid("Outcomes", q2Rows)], replaced, { period: "Q2 2021/22" });
    expect(built.report.restated.map((x) => [x.source, x.text, x.publishedOn, x.replacedOn])).toEqual([
      ["replaced", "Q1 2021/22 restated: 1 outcome changed status (data corrected)", "12/07/2021", "20/07/2021"],
    ]);
    expect(built.report.restated[0].items.map((i) => [i.was, i.now, i.statusWas, i.statusNow, i.publishedOn, i.newPublishedOn])).toEqual([["96", "94", "Amber", "Red", "12/07/2021", "20/07/2021"]]);
  });
});

describe("headlines with returns still outstanding", () => {
  // 22 workplan actions, 20 on target: Regeneration's return holds 4 (one Red), Finance's 1 (Red), Place's 17.
  const rows: CellValue[][] = [["Action", "Directorate", "Due Date", "Status"]];
  const add = (n: number, directorate: string, status: string) => {
    for (let i = 0; i < n; i++) rows.push([`${directorate} action ${rows.length}`, directorate, "31/03/2022", status]);
  };
  add(3, "Regeneration", "Green");
  add(1, "Regeneration", "Red");
  add(1, "Finance", "Red");
  add(17, "Place", "Green");
  const workplan = grid("Workplan", rows);
  const sent = (directorate: string, collected?: string): ReturnRecord => ({
    period: "Q1 2021/22", dataset: "Workplan", directorate, sheet: `${directorate} Workplan`, made: "2021-07-01", ...(collected ? { collected, from: "x.xlsx" } : {}),
  });
  const headline = (returns: ReturnRecord[], g = workplan) => {
    const r = buildReport([g], { ...emptySettings(), returns }, { period: "Q1 2021/22" }).report;
    const w = dataset<ActionsReport>(r, "Workplan");
    return { w, text: w.outstanding ? `${w.label}: ${outstandingPhrase(w, w.outstanding)}` : null, r };
  };

  it("gives the range the headline could still take and names the return that decides the standard", () => {
    const { w, text } = headline([sent("Regeneration"), sent("Finance"), sent("Place", "2021-07-10")]);
    expect(w.standard).toMatchObject({ counted: 20, base: 22, achieved: true });
    // Regeneration's four and Finance's one could come back any way: 17–22 of 22.
    expect(w.outstanding!.range).toEqual({ min: 17, max: 22, base: 22 });
    expect(w.outstanding!.verdict).toBe("depends");
    // Regeneration's return alone can take the workplan below 90%; Finance's one Red item cannot (at worst it stays Red).
    expect(w.outstanding!.deciding).toEqual(["Regeneration"]);
    expect(text).toBe("Workplan: 17–22 of 22 Green or Complete (77–100%) — standard 90% depends on 2 outstanding returns, from Regeneration (4 items) and Finance (1 item); "
      + "the one from Regeneration decides it");
  });

  it("says when the standard is settled whatever an outstanding return says, and a collected return narrows the range to none", () => {
    const { w, text } = headline([sent("Regeneration", "2021-07-12"), sent("Finance")]);
    expect(w.outstanding).toMatchObject({ range: { min: 20, max: 21, base: 22 }, verdict: "achieved", deciding: [] });
    expect(text).toBe("Workplan: 20–21 of 22 Green or Complete (91–95.5%) — standard 90% achieved whatever the outstanding return from Finance (1 item) says");
    expect(headline([sent("Regeneration", "2021-07-12"), sent("Finance", "2021-07-15")]).w.outstanding).toBeUndefined();
    // Far below the standard, no return can lift it.
    const poor = grid("Workplan", rows.map((row, i) => (i > 0 && i <= 12 ? [...row.slice(0, 3), "Red"] : row)));
    expect(headline([sent("Finance")], poor).text).toBe("Workplan: 10–11 of 22 Green or Complete (45.5–50%) — standard 90% not achieved whatever the outstanding return from Finance (1 item) says");
  });

  it("returns of another period, or of a directorate with no items now, change nothing", () => {
    expect(headline([{ ...sent("Regeneration"), period: "Q4 2020/21" }, sent("Housing")]).w.outstanding).toBeUndefined();
  });

  it("the draft commentary gives the range and the return that decides it, after the standard", () => {
    const r = headline([sent("Regeneration"), sent("Finance")]).r;
    expect(draftNarrative(r)[0].sentences.slice(0, 2)).toEqual([
      "At the end of Quarter One, 20 of 22 (91%) workplan actions were rated Green or Complete, meeting the corporate standard of 90%.",
      "Until all returns are in, the figure could be anywhere between 17 and 22 of 22 (77% to 100%): the returns from Regeneration (four items) and Finance (one item) are still outstanding; "
      + "the one from Regeneration decides whether the standard is met.",
    ]);
  });
});
