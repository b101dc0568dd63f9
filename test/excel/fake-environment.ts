/** The self-test page's stand-in for Excel in the test build: the strict fake, with one empty sheet. */
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";

export function fakeEnvironment() {
  const state = FakeWorkbookState.fromGrids([{ name: "Sheet1", rows: [] }]);
  return {
    run: fakeExcelRun(state) as <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>,
    env: { platform: "Chromium (strict fake)", version: "fake", isSetSupported: (set: string, v: string) => state.isSetSupported(set, v) },
  };
}
