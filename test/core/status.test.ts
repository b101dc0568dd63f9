import { ragStatus, normaliseStatus, parsePolarity, parseMeasure, STATUS_CODE, Polarity } from "../../src/core";

const rag = (value: number | null, target: number | null, polarity: Polarity | null, extra = {}) =>
  ragStatus({ value, target, polarity, ...extra });

describe("RAG of a measured indicator", () => {
  it("is Green when the value meets or beats target, for either polarity", () => {
    expect(rag(35, 35, "Maximise").status).toBe("Green");
    expect(rag(40, 35, "Maximise").status).toBe("Green");
    expect(rag(13, 13.25, "Minimise").status).toBe("Green");
  });

  it("is Amber within the default 5% tolerance and Red beyond it", () => {
    expect(rag(33.3, 35, "Maximise").status).toBe("Amber"); // 4.9% short
    expect(rag(33.2, 35, "Maximise").status).toBe("Red"); // 5.1% short
    expect(rag(13.9, 13.25, "Minimise").status).toBe("Amber");
    expect(rag(17.8, 13.25, "Minimise").status).toBe("Red");
  });

  it("explains itself in one line a reader can check", () => {
    expect(rag(55.07, 43.6, "Minimise").why).toBe("Red: 55.07 against target 43.6, 26% adrift, tolerance 5%");
    expect(rag(69, 60, "Maximise").why).toBe("Green: 69 beats target 60");
  });

  it("applies an absolute tolerance", () => {
    const tolerance = { kind: "absolute" as const, value: 2 };
    expect(rag(48, 50, "Maximise", { tolerance }).status).toBe("Amber");
    expect(rag(47.9, 50, "Maximise", { tolerance }).status).toBe("Red");
  });

  it("says how far adrift in the tolerance's own units, so the two compare", () => {
    const absolute = { kind: "absolute" as const, value: 3 };
    expect(rag(96, 100, "Maximise", { tolerance: absolute }).why).toBe("Red: 96 against target 100, 4 adrift, tolerance 3");
    expect(rag(98, 100, "Maximise", { tolerance: absolute }).why).toBe("Amber: 98 against target 100, 2 adrift, within tolerance 3");
    expect(rag(96, 100, "Maximise", { tolerance: { kind: "percent", value: 3 } }).why).toBe("Red: 96 against target 100, 4% adrift, tolerance 3%");
  });

  it("lets an explicit red threshold override the tolerance", () => {
    expect(rag(40, 50, "Maximise", { redThreshold: 40 }).status).toBe("Amber");
    expect(rag(39, 50, "Maximise", { redThreshold: 40 }).status).toBe("Red");
    expect(rag(12, 10, "Minimise", { redThreshold: 15 }).status).toBe("Amber");
    expect(rag(16, 10, "Minimise", { redThreshold: 15 }).status).toBe("Red");
  });

  it("needs an absolute tolerance when the target is 0", () => {
    expect(rag(0, 0, "Minimise").status).toBe("Green");
    const missed = rag(2, 0, "Minimise");
    expect(missed.status).toBe("Check");
    expect(missed.problem?.message).toMatch(/absolute tolerance/);
    expect(rag(2, 0, "Minimise", { tolerance: { kind: "absolute", value: 3 } }).status).toBe("Amber");
  });

  it("reports Data only without a target, No data without a value, Check without a polarity", () => {
    expect(rag(69, null, "Maximise").status).toBe("Data only");
    expect(rag(null, 60, "Maximise").status).toBe("No data");
    expect(rag(50, 60, null).status).toBe("Check");
  });

  it("treats Goldilocks as closer-to-target-is-better", () => {
    expect(rag(101, 100, "Goldilocks").status).toBe("Green");
    expect(rag(92, 100, "Goldilocks").status).toBe("Amber");
    expect(rag(85, 100, "Goldilocks").status).toBe("Red");
  });

  it("writes a numeric code beside each status so icon sets can use it", () => {
    expect(STATUS_CODE.Red).toBeLessThan(STATUS_CODE.Amber);
    expect(STATUS_CODE.Amber).toBeLessThan(STATUS_CODE.Green);
    expect(new Set(Object.values(STATUS_CODE)).size).toBe(Object.keys(STATUS_CODE).length);
  });
});

describe("typed statuses are normalised, never guessed", () => {
  it.each([
    ["G", "Green"], ["green", "Green"], ["On track", "Green"], [" ON  TRACK ", "Green"],
    ["A", "Amber"], ["Amber", "Amber"],
    ["R", "Red"], ["Off track", "Red"],
    ["B", "Complete"], ["Blue", "Complete"], ["Complete", "Complete"], ["Completed", "Complete"],
    ["", "No data"],
  ])("%s → %s", (text, status) => {
    expect(normaliseStatus(text)).toEqual({ ok: true, value: status });
  });

  it("reports an unknown word as a problem", () => {
    const r = normaliseStatus("Greenish");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/'Greenish' is not a status the vocabulary knows/);
  });

  it("follows a council's own labels, where Blue means better than target", () => {
    const labels = { green: "Green", blue: "Green", amber: "Amber", red: "Red", done: "Complete" } as const;
    expect(normaliseStatus("Blue", labels)).toEqual({ ok: true, value: "Green" });
    expect(normaliseStatus("B", labels).ok).toBe(false);
  });
});

describe("polarity spellings", () => {
  it.each([
    ["Aim to Maximise", "Maximise"], ["Higher is better", "Maximise"], ["\u2191", "Maximise"], ["Max", "Maximise"],
    ["Aim to Minimise", "Minimise"], ["lower is better", "Minimise"], ["\u2193", "Minimise"], ["MIN", "Minimise"],
    ["Goldilocks", "Goldilocks"], ["Closer to target is better", "Goldilocks"],
  ])("%s → %s", (text, p) => {
    expect(parsePolarity(text)).toEqual({ ok: true, value: p });
  });

  it("reports a polarity it does not know", () => {
    expect(parsePolarity("sideways").ok).toBe(false);
  });
});

describe("numbers in cells", () => {
  it("reads numbers written as text, with percent signs and thousands separators", () => {
    expect(parseMeasure("69%")).toEqual({ ok: true, value: { value: 69, percent: true } });
    expect(parseMeasure("1,234.5")).toEqual({ ok: true, value: { value: 1234.5, percent: false } });
    expect(parseMeasure(" -3 ")).toEqual({ ok: true, value: { value: -3, percent: false } });
  });

  it("treats blank and n/a as no value, and anything else as a problem", () => {
    expect(parseMeasure("")).toEqual({ ok: true, value: null });
    expect(parseMeasure("n/a")).toEqual({ ok: true, value: null });
    expect(parseMeasure("about 12").ok).toBe(false);
    expect(parseMeasure({ error: "#DIV/0!" }).ok).toBe(false);
  });
});
