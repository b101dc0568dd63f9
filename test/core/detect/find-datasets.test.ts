import { detectSheet, detectDatasets, classify, datasetId, buildReport, emptySettings, columnKeys, SheetGrid } from "../../../src/core";

const risk = (i: number, l: number, imp: number) => [`R${i}`, `Risk number ${i} to the service`, l, imp, "Owner"];
const HEADER = ["Ref", "Risk description", "Likelihood", "Impact", "Owner"];

describe("detectSheet: every table on a sheet", () => {
  it("reads two registers stacked on one sheet, the heading between them naming the second", () => {
    const grid: SheetGrid = {
      name: "Risks",
      rows: [
        ["Strategic risk register"],
        HEADER,
        risk(1, 4, 5), risk(2, 3, 3), risk(3, 2, 2), risk(4, 1, 5),
        [],
        ["Operational risks"],
        HEADER.map((h) => h.toUpperCase()).slice(0, 4).concat(["Risk owner"]),
        risk(5, 5, 5), risk(6, 2, 3), risk(7, 3, 1), risk(8, 4, 4), risk(9, 1, 1),
      ],
    };
    const { datasets } = detectSheet(grid);
    expect(datasets.map((d) => [d.kind, d.headerRow + 1, d.lastRow + 1, d.block, d.heading])).toEqual([
      ["risks", 2, 6, undefined, undefined],
      ["risks", 9, 14, 2, "Operational risks"],
    ]);
    expect(datasets[0].footerRows).toEqual([]);
    expect(datasets.map(datasetId)).toEqual(["Risks", "Risks#2"]);
    // All nine risks are in the figures, in two datasets.
    const { report } = buildReport([grid], emptySettings());
    expect(report.datasets.map((d) => [d.label, d.rowsIn])).toEqual([["Risks", 4], ["Risks: Operational risks", 5]]);
  });

  it("reads months typed as dates across the top (shown as Apr-21) as the period columns, and a date over a date as data", () => {
    const months = [3, 4, 5, 6].map((m) => new Date(Date.UTC(2021, m, 1)));
    const grid: SheetGrid = {
      name: "Monthly KPIs",
      rows: [["Code", "Indicator", "Polarity", "Target", ...months], ["KPI1", "Homes built", "Maximise", 40, 30, 37, 31, 42], ["KPI2", "Calls answered in 20s", "Minimise", 45, 38, 45, 39, 44]],
    };
    const [d] = detectDatasets(grid);
    expect([d.kind, d.headerRow, d.periodColumns.length]).toEqual(["indicators", 0, 4]);
    const { report } = buildReport([grid], emptySettings());
    expect(report.period).toBe("Jul 2021");
    // Start and due dates over dates: the dated row is data under the header, not a header of periods.
    const actions: SheetGrid = {
      name: "Actions",
      rows: [["Action", "Owner", "Start", "Due", "Status"], ["Fix roads", "Highways", months[0], months[2], "Green"], ["Open library", "Culture", months[1], months[3], "Amber"]],
    };
    expect(detectDatasets(actions).map((x) => [x.kind, x.headerRow])).toEqual([["actions", 0]]);
  });

  it("keeps one table when its header is repeated after a page break", () => {
    const grid: SheetGrid = { name: "Risks", rows: [HEADER, risk(1, 4, 5), risk(2, 3, 3), [], HEADER, risk(3, 2, 2)] };
    const ds = detectDatasets(grid);
    expect(ds.map((d) => [d.headerRow, d.lastRow])).toEqual([[0, 5]]);
  });

  it("finds a table below a narrative block longer than the rows searched for a header", () => {
    const narrative = Array.from({ length: 45 }, (_, i) => [`Guidance paragraph ${i + 1}: please read the notes before completing the return.`]);
    const grid: SheetGrid = { name: "Return", rows: [...narrative, [], HEADER, risk(1, 4, 5), risk(2, 3, 3)] };
    const ds = detectDatasets(grid);
    expect(ds.map((d) => [d.kind, d.headerRow + 1, d.lastRow + 1])).toEqual([["risks", 47, 49]]);
  });

  it("ends a table at a copyright banner merged across it, and at an END marker", () => {
    const grid: SheetGrid = {
      name: "Register",
      rows: [HEADER, risk(1, 4, 5), risk(2, 3, 3), [], ["© 2025 Somebody | Register template"]],
      merges: ["A5:E5"],
    };
    expect(detectDatasets(grid).map((d) => [d.lastRow, d.footerRows])).toEqual([[2, [4]]]);
    const ended: SheetGrid = { name: "Register", rows: [HEADER, risk(1, 4, 5), ["END"], risk(9, 1, 1)] };
    expect(detectDatasets(ended).map((d) => d.lastRow)).toEqual([1]);
  });
});

describe("classify: which kind of list a header row describes", () => {
  const assignment = (columns: Record<string, number>, score = 1) => ({
    columns, scores: Object.fromEntries(Object.keys(columns).map((k) => [k, score])), runnerUp: {}, total: Object.keys(columns).length, recognised: Object.keys(columns).length,
  });
  const base = { periodColumns: [], titleHeader: "", statusShare: 1, dataRows: 3 };

  it("a named list with likelihood and impact is a risk register; without a name it is a scoring key", () => {
    expect(classify({ ...base, assignment: assignment({ title: 0, likelihood: 1, impact: 2 }) }, "Sheet1")).toBe("risks");
    expect(classify({ ...base, assignment: assignment({ likelihood: 1, impact: 2 }) }, "Sheet1")).toBeNull();
  });

  it("values or period columns make indicators, outcomes where the sheet says so; a status makes actions or priorities", () => {
    expect(classify({ ...base, assignment: assignment({ title: 0, value: 1 }) }, "Sheet1")).toBe("indicators");
    expect(classify({ ...base, assignment: assignment({ title: 0, value: 1 }) }, "Strategic outcomes")).toBe("outcomes");
    expect(classify({ ...base, assignment: assignment({ title: 0, status: 1 }) }, "Workplan")).toBe("actions");
    expect(classify({ ...base, assignment: assignment({ title: 0, status: 1 }) }, "Directorate priorities")).toBe("priorities");
    // A status column with no status word in it is a key or a notes table.
    expect(classify({ ...base, statusShare: 0, assignment: assignment({ title: 0, status: 1 }) }, "Sheet1")).toBeNull();
  });

  it("periods as rows with measure columns make indicators though no column names them", () => {
    const measures = [{ col: 1, title: "Responses" }, { col: 2, title: "Positive" }];
    expect(classify({ ...base, measures, assignment: assignment({ period: 0 }) }, "FFT")).toBe("indicators");
    expect(classify({ ...base, measures, assignment: assignment({ period: 0 }) }, "Outcomes by month")).toBe("outcomes");
    expect(classify({ ...base, measures: [], assignment: assignment({ period: 0 }) }, "FFT")).toBeNull();
  });

  it("a project or action list rated by its own RAG stays a RAG list though it carries figures (progress, spend) and no target", () => {
    const columns = { title: 0, status: 1, value: 4 };
    expect(classify({ ...base, titleHeader: "Project Name", assignment: assignment(columns) }, "Dashboard Overview")).toBe("priorities");
    expect(classify({ ...base, titleHeader: "Action", assignment: assignment(columns) }, "Sheet1")).toBe("actions");
    // With a target it measures something: indicators.
    expect(classify({ ...base, titleHeader: "Project Name", assignment: assignment({ ...columns, target: 5 }) }, "Dashboard Overview")).toBe("indicators");
    expect(classify({ ...base, titleHeader: "KPI", assignment: assignment(columns) }, "KPI Tracking")).toBe("indicators");
  });
});

describe("competing readings", () => {
  it("a second header row read nearly as well as another kind of list puts the reading in doubt, and says which rows", () => {
    const grid: SheetGrid = {
      name: "Sheet1",
      rows: [
        ["Priority", "RAG", "Due date"],
        ["Outcome", "RAG", "Due date"],
        ["Improve the roads", "Green", "31/03/2024"],
        ["Build more homes", "Red", "31/03/2025"],
        ["Cut waiting lists", "Amber", "31/12/2024"],
      ],
    };
    const [d] = detectDatasets(grid);
    expect(d.doubts).toEqual(["row 2 reads almost as well as the header of a list of outcomes (row 1 was taken, as a list of priorities)"]);
    const { report } = buildReport([grid], emptySettings());
    expect(report.datasets[0].reading.confidence).toBe("doubtful");
    // A person's confirmed mapping settles it.
    const settled = detectSheet(grid, { kind: "priorities", headerRow: 1, headerText: ["Priority", "RAG", "Due date"], confirmed: true }).datasets[0];
    expect(settled.doubts).toBeUndefined();
  });
});

describe("detectSheet: indicator shapes", () => {
  it("a table of months with a numeric column per measure is one indicator dataset whose measures are its columns", () => {
    const grid: SheetGrid = {
      name: "Friends and family",
      rows: [
        ["Friends and family test: monthly totals"],
        ["Month", "Responses", "Positive", "Negative"],
        ["Apr 2023", 412, 380, 12],
        ["May 2023", 398, 371, "x"],
        ["Jun 2023", 430, 401, 9],
      ],
    };
    const [d] = detectDatasets(grid);
    expect(d.kind).toBe("indicators");
    expect(d.headerRow).toBe(1);
    expect(d.measures?.map((m) => m.title)).toEqual(["Responses", "Positive", "Negative"]);
  });

  it("a scorecard's quarter blocks are periods, its forecast columns are forecasts, and a Metrics column is the title", () => {
    const grid: SheetGrid = {
      name: "Scorecard",
      rows: [
        ["Status", null, null, "Q1'15", null, null, "Q2'15", null, null],
        ["Current", "FYF", "Key Business Metrics", "Goal", "Fcst", "Actual", "Goal", "Fcst", "Actual"],
        [1.1, 0.9, "Operating expense reduction", 15, 12, 8, 25, 25, 29],
        [0.97, 1, "Customer satisfaction", 61, 58, 57, 61, 58, 59],
      ],
      merges: ["A1:B1", "D1:F1", "G1:I1"],
    };
    const [d] = detectDatasets(grid);
    expect(d.kind).toBe("indicators");
    expect(d.headers[(d.columns.title as number) - d.left]).toBe("Key Business Metrics");
    expect(d.periodColumns.map((p) => p.measure)).toEqual(["target", "forecast", "value", "target", "forecast", "value"]);
  });

  it("periods under a Forecast band, or written with a forecast word, are forecast columns", () => {
    const grid: SheetGrid = {
      name: "Finance",
      rows: [
        [null, "Actual", "Actual", "Forecast", "Forecast"],
        ["Measure", "2022/23", "2023/24", "2024/25", "2025/26 (projected)"],
        ["Spend per head", 410, 425, 440, 455],
      ],
      merges: ["B1:C1", "D1:E1"],
    };
    const [d] = detectDatasets(grid);
    expect(d.periodColumns.map((p) => p.measure ?? "value")).toEqual(["value", "value", "forecast", "forecast"]);
  });

  it("a date above more dates is a task's date, not a period heading", () => {
    const d = (day: number) => new Date(Date.UTC(2015, 2, day));
    const grid: SheetGrid = {
      name: "Sheet1",
      rows: [
        ["Task Name", "Task Mode", "Duration", "Start Date", "End Date", "Predecessor"],
        ["Project brief", "Done", 2, d(23), d(25), null],
        ["PID initiation", "Done", 4, d(27), d(31), "Project brief"],
        ["PID finalising", "On", 2, d(8), d(10), "PID initiation"],
        ["Testing", "To Do", 1, d(12), d(13), "PID finalising"],
      ],
    };
    expect(detectDatasets(grid).filter((x) => x.kind === "indicators")).toEqual([]);
  });
});

describe("a remembered mapping", () => {
  it("keeps the evidence detection had for the columns it names, so a second run is as sure as the first; a confirmed one is taken as given", () => {
    const grid: SheetGrid = { name: "KPIs", rows: [["Code", "Indicator", "Value"], ["K1", "Green", 3], ["K2", "Amber", 4]] };
    const [first] = detectDatasets(grid);
    const mapping = { kind: first.kind, headerRow: 1, headerText: first.headers, columns: { code: "Code", title: "Indicator", value: "Value" } };
    const [again] = detectDatasets(grid, mapping);
    expect(again.roleScores?.title).toBe(first.roleScores?.title);
    expect(first.roleScores?.title).toBeLessThan(1);
    const [confirmed] = detectDatasets(grid, { ...mapping, confirmed: true });
    expect(confirmed.roleScores?.title).toBe(1);
  });

  it("names a header the row repeats by its place, and finds each such column again as itself", () => {
    const header = ["Ref", "Risk", "Likelihood", "Impact", "Owner", "likelihood", "Impact"];
    expect(columnKeys(header)).toEqual(["Ref", "Risk", "Likelihood", "Impact", "Owner", "likelihood#2", "Impact#2"]);
    const grid: SheetGrid = { name: "Risks", rows: [header, ["R1", "Data breach", 4, 5, "CIO", 2, 5], ["R2", "Flooding", 3, 4, "Estates", 3, 2], ["R3", "Fraud", 2, 3, "S151", 1, 3]] };
    // The second pair chosen as the one to score: the likelihood and impact are columns F and G, not C and D.
    const [d] = detectDatasets(grid, { kind: "risks", headerRow: 1, headerText: header, columns: { title: "Risk", likelihood: "likelihood#2", impact: "Impact#2" }, confirmed: true });
    expect([d.columns.likelihood, d.columns.impact]).toEqual([5, 6]);
  });
});
