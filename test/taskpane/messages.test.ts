/** What the pane says after collecting returns, and how it words Excel's failures. */
import { collectMessage, plainError } from "../../src/taskpane/messages";
import type { CollectJson } from "../../src/workbook/collect";

describe("pane messages", () => {
  it("says what collecting changed, and mentions only the problems there are", () => {
    const j = { returns: [{ accepted: true }, { accepted: false }], changes: [{}, {}], added: [], missing: [], unknown: [], issues: [{}], outputSheet: "Collected returns" } as unknown as CollectJson;
    expect(collectMessage(j)).toBe("1 return read: 2 changes, 0 new rows, 1 value not used (not a valid RAG or date). Every change is listed on the 'Collected returns' sheet.");
  });

  it("turns Excel's error codes into what to do, and keeps any other message", () => {
    expect(plainError({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatch(/^Excel is busy because a cell is being edited/);
    expect(plainError(new Error("The workbook is too old."))).toBe("The workbook is too old.");
  });
});
