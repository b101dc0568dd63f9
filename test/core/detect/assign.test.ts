import { assignRoles, contentFit } from "../../../src/core/detect/assign";
import { profileColumn } from "../../../src/core/detect/profile";
import { headerWords } from "../../../src/core/detect/roles";
import { CellValue } from "../../../src/core/values";

const col = (c: number, header: string, values: CellValue[]) => ({ col: c, header: headerWords(header), profile: profileColumn(values) });

describe("assign: each role one column, by header and contents together", () => {
  it("contentFit: contents that suit a role score high, contents that do not score low", () => {
    expect(contentFit("likelihood", profileColumn([1, 3, 5, 2]))).toBe(1);
    expect(contentFit("likelihood", profileColumn(["Loss of data", "Flooding"]))).toBeLessThan(0.3);
    expect(contentFit("due", profileColumn(["31/03/2022", "30/06/2022"]))).toBe(1);
    expect(contentFit("status", profileColumn(["Green", "Amber", "Red"]))).toBe(1);
    expect(contentFit("title", profileColumn(["High", "Low", "High"]))).toBeLessThan(0.5);
    // An empty column (a template) is no evidence either way.
    expect(contentFit("value", profileColumn([null, null]))).toBe(0.6);
    // Bare years are some evidence of a period (the header decides how they are read); a single year among words is none.
    expect(contentFit("period", profileColumn([2019, 2020, 2021]))).toBe(0.75);
    expect(contentFit("period", profileColumn([2022, "When funding allows"]))).toBe(0.1);
    // Suppressed figures leave a column of numbers a column of numbers.
    expect(contentFit("value", profileColumn([12, "x", "[c]", 15]))).toBe(1);
  });

  it("assignRoles: a Priority column of High/Low is an importance, the milestone name is the title", () => {
    const a = assignRoles([
      col(0, "Milestone", ["Design approved", "Contract signed", "Site cleared"]),
      col(1, "Priority", ["High", "Low", "High"]),
      col(2, "Status", ["On Track", "Complete", "At Risk"]),
      col(3, "Planned_End", ["31/03/2022", "30/06/2022", "30/09/2022"]),
    ]);
    expect(a.columns).toEqual({ title: 0, importance: 1, status: 2, due: 3 });
    expect(a.recognised).toBe(4);
    expect(a.scores.title).toBeGreaterThan(0.9);
  });

  it("assignRoles: the next best column for a role is kept for the mapping drop-down", () => {
    const a = assignRoles([col(0, "Title", ["Road repairs", "Library refit"]), col(1, "Description", ["Resurface the high street", "New shelving"])]);
    expect(a.columns.title).toBe(0);
    expect(a.runnerUp.title?.col).toBe(1);
  });
});
