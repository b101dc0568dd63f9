import { Issue } from "../../datasets/issues";
import { quoteSheetName } from "../../grid";
import { SheetBuilder } from "../builder";
import { PlanValue, SheetPlan } from "../types";

/** Every problem found, with a link to its cell: the sheet directorate leads are sent to. */
export function dataIssuesSheet(issues: Issue[], notes: string[], name: string): SheetPlan {
  const b = new SheetBuilder("data-issues", name, [10, 24, 8, 90, 12]);
  const errors = issues.filter((i) => i.severity === "error").length;
  b.title("Data issues");
  b.note(`${issues.length} issue${issues.length === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${issues.length - errors} warning${issues.length - errors === 1 ? "" : "s"}). Errors stop a row or value being counted; warnings do not.`);
  for (const n of notes) b.note(n);
  b.blank();
  const rows: PlanValue[][] = issues.map((i) => [
    i.severity === "error" ? "Error" : "Warning", i.sheet, i.cell, i.message, { link: `#${quoteSheetName(i.sheet)}!${i.cell}`, text: "Go to cell" },
  ]);
  const t = b.table("Data issues", ["Severity", "Sheet", "Cell", "Issue", "Link"], rows, {
    emptyText: "No data issues were found.",
    repeatHeader: true,
  });
  b.freezeBelow(t.headerRow + 1);
  return b.build();
}
