import fc from "fast-check";
import { isPlaceholder, isExampleText, isGuidanceText } from "../../src/core/datasets/furniture";
import { buildReport, emptySettings, SheetGrid } from "../../src/core";

describe("a template's furniture is never counted", () => {
  it("isPlaceholder: drop-down prompts, content controls and masks; never a real title", () => {
    for (const t of ["< Select >", "<Select>", "Please select", "Select...", "Select…", "-- Please choose --", "[Enter text]", "Choose an item.",
      "Click here to enter text.", "Click or tap to enter a date.", "Enter text here", "dd/mm/yyyy", "xxx", "???", "(select from list)"]) {
      expect([t, isPlaceholder(t)]).toEqual([t, true]);
    }
    for (const t of ["Add new CCTV cameras to the town centre", "Select committee report", "Enter into contract with supplier", "Green", "Open", "Choose Freedom programme", 12]) {
      expect([t, isPlaceholder(t)]).toEqual([t, false]);
    }
  });

  it("isPlaceholder: the quick first-character test never changes a verdict of the patterns", () => {
    // The patterns as they stand, with no quick test in front of them.
    const patterns = [
      /^\s*(<|\[|\{|\(|-{2,})\s*(please\s+)?(select|choose|pick|enter|insert|type|add|click|tap|specify|fill)\b.*(>|\]|\}|\)|-{2,})\s*$/i,
      /^\s*(please\s+)?(select|choose)(\s*(\.{2,}|…)|\s+(an?|one|from|option|value|status|rating|item)\b[^.]*)?\s*\.?\s*$/i,
      /^\s*click( or tap)?( here)? to (enter|select|choose|add)\b.*$/i,
      /^\s*(please\s+)?(enter|insert|type)\s+(text|value|date|here|name|details|description|number|amount|comments?)(\s+here)?\s*\.?\s*$/i,
      /^\s*(dd\/mm\/yy(yy)?|xx\/xx\/xx(xx)?|x{3,}|\?{2,}|#{3,})\s*$/i,
    ];
    const piece = fc.constantFrom(" ", "\t", "\u00a0", "\u3000", "<", "[", "(", "--", "Please ", "select", "Choose", "click", "Enter", "insert", "type", "text", "here", "dd/mm/yyyy", "xxx", "???", "###", ">", "]", ")", "…", ".", "Q1", "Area", "Green", "an item");
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join("")), (t) => {
      expect(isPlaceholder(t)).toBe(t.length <= 60 && patterns.some((re) => re.test(t)));
    }), { numRuns: 2000 });
  });

  it("isExampleText: worked examples, not titles that begin with the word", () => {
    for (const t of ["Example", "EXAMPLE - delete this row", "Example of how to complete", "e.g. R001", "Example 1", "Sample risk", "(Example)"]) {
      expect([t, isExampleText(t)]).toEqual([t, true]);
    }
    for (const t of ["Sample size of the resident survey", "Examples of good practice shared across services", "Demographic change"]) {
      expect([t, isExampleText(t)]).toEqual([t, false]);
    }
  });

  it("isGuidanceText: instructions, formats and bracketed notes", () => {
    for (const t of ["Enter the date as dd/mm/yyyy", "Select from the drop-down", "(£000s)", "[Optional]", "Please describe the risk"]) {
      expect([t, isGuidanceText(t)]).toEqual([t, true]);
    }
    expect(isGuidanceText("Green")).toBe(false);
  });

  it("a project return: guidance under the header, an example row, placeholder rows and a placeholder status are reported once each and not counted", () => {
    const grid: SheetGrid = {
      name: "Projects",
      rows: [
        ["Project", "Lead", "RAG", "Due date", "Commentary"],
        ["Name of the project", "Select from the drop-down", "Select from the drop-down", "Enter the date as dd/mm/yyyy", "(up to 100 words)"],
        ["Example of how to complete", "J Smith", "Green", "31/03/2024", "On track."],
        ["Library refurbishment", "A Jones", "Amber", "30/09/2024", "Contractor delayed."],
        ["Leisure centre roof", "B Patel", "< Select >", "31/12/2024", ""],
        ["Town centre wifi", "C Wong", "Red", "31/01/2024", "Supplier failed."],
        ["< Select >", "< Select >", "< Select >", "dd/mm/yyyy"],
        ["< Select >", "< Select >", "< Select >", "dd/mm/yyyy"],
      ],
    };
    const { report } = buildReport([grid], emptySettings(), { period: "Q2 2024/25" });
    const [d] = report.datasets;
    expect(d.kind).toBe("priorities");
    // Three projects, no more: the example, the guidance and the placeholder rows are not items.
    expect(d.rowsIn).toBe(3);
    const said = report.issues.filter((i) => i.sheet === "Projects").map((i) => [i.cell, i.message]);
    expect(said).toEqual(expect.arrayContaining([
      ["A2", expect.stringMatching(/^Row 2 is guidance for filling in the table \('Name of the project'\): not counted as an item$/)],
      ["A3", expect.stringMatching(/^Row 3 is a worked example \('Example of how to complete'\): not counted as an item$/)],
      ["A7", expect.stringMatching(/^Rows 7, 8 hold only template placeholders/)],
      ["C5", expect.stringMatching(/^'< Select >' in 1 cell was read as blank/)],
    ]));
  });
});
