/** What the pane says after collecting returns, and how it words Excel's failures. */
import { collectMessage, plainError, templatesMessage } from "../../src/taskpane/messages";
import type { CollectJson } from "../../src/workbook/collect";

describe("pane messages", () => {
  it("says what collecting changed, and mentions only the problems there are", () => {
    const j = { returns: [{ accepted: true }], changes: [{}, {}], conflicts: [], added: [], missing: [], unknown: [], issues: [{}], outputSheet: "Collected returns" } as unknown as CollectJson;
    expect(collectMessage(j)).toBe("1 return read: 2 changes, 0 new rows, 1 value not used (not a valid RAG or date). Every change and every return is listed on the 'Collected returns' sheet.");
  });

  it("says which return was not collected and why, in the pane's words, and the changes left for the lead to settle", () => {
    const j = {
      returns: [
        { accepted: true, file: "q1.xlsx", sheet: "Finance Directorate priorities" },
        { accepted: false, file: "q4.xlsx", sheet: "Finance Workplan", reason: "it was made for Q4 2020/21, but q1.xlsx is being collected for Q1 2021/22: send the directorate a template for Q1 2021/22, or collect for Q4 2020/21 (--period \"Q4 2020/21\")" },
      ],
      changes: [{}], conflicts: [{}], added: [], missing: [], unknown: [], issues: [], outputSheet: "Collected returns",
    } as unknown as CollectJson;
    const text = collectMessage(j);
    expect(text).toBe("1 return read: 1 change, 0 new rows, 1 change not applied (a conflict to settle). 1 return was not collected: 'Finance Workplan' in q4.xlsx, "
      + "as it was made for Q4 2020/21, but q1.xlsx is being collected for Q1 2021/22: send the directorate a template for Q1 2021/22, or collect for Q4 2020/21. "
      + "Every change and every return is listed on the 'Collected returns' sheet.");
    expect(text).not.toContain("--");
  });

  it("turns Excel's error codes into what to do, and keeps any other message", () => {
    expect(plainError({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatch(/^Excel is busy because a cell is being edited/);
    expect(plainError(new Error("The workbook is too old."))).toBe("The workbook is too old.");
  });
});

describe("the message after templates are made", () => {
  it("says how many, for whom and one example, not every sheet's name", () => {
    const directorates = ["ASC", "CYP", "ECS", "Finance", "HR", "Legal", "Place"];
    const sheets = [
      ...directorates.flatMap((d) => [{ name: `${d} Directorate priorities`, dataset: "Directorate priorities", directorate: d, rows: 3 }, { name: `${d} Workplan`, dataset: "Workplan", directorate: d, rows: 2 }]),
      { name: "Strategic risks return", dataset: "Strategic risks", directorate: "", rows: 35 },
    ];
    const text = templatesMessage({ sheets });
    expect(text).toBe("15 return sheets written: one per directorate for 'Directorate priorities' and 'Workplan' (7 directorates), and one for 'Strategic risks', such as 'ASC Directorate priorities'.");
    expect(text).not.toContain("CYP");
  });
});
