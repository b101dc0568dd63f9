/**
 * Office adapter benchmark (not a test): a whole summarise run on the strict
 * fake Excel at 1,000 and at 100,000 priority rows. Prints the syncs of each,
 * their ratio, and the largest request and response.
 *   node build/test/bench/office-syncs.js [--json]
 */
import { fakeExcelRun } from "../fakes/excel-fake";
import { FakeWorkbookState } from "../fakes/excel-state";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { summarise } from "../../src/workbook/summarise";

const DIRECTORATES = ["Finance", "Public Health", "Children's Care", "Regeneration and Culture", "Legal and Governance Services"];
const RAG = ["Green", "Amber", "Red", "Complete"];

export function prioritiesWorkbook(rows: number): FakeWorkbookState {
  const grid: (string | number)[][] = [["Directorate", "Priority", "Due Date", "RAG at Q1"]];
  for (let i = 0; i < rows; i++) grid.push([DIRECTORATES[i % 5], `Priority ${i + 1}: deliver the agreed milestone`, 44561 + (i % 300), RAG[i % 4]]);
  return FakeWorkbookState.fromGrids([{ name: "Priorities", rows: grid }]);
}

export async function measure(rows: number): Promise<{ rows: number; syncs: number; maxRequest: number; maxResponse: number; ms: number }> {
  const state = prioritiesWorkbook(rows);
  const start = Date.now();
  await fakeExcelRun(state)((ctx) => summarise(new OfficeWorkbook(ctx, { mergedAreas: true }), { period: "Q1 2021/22" }));
  return {
    rows,
    syncs: state.syncs,
    maxRequest: Math.max(...state.requests.map((r) => r.bytes)),
    maxResponse: Math.max(...state.requests.map((r) => r.responseBytes)),
    ms: Date.now() - start,
  };
}

async function main(): Promise<void> {
  const small = await measure(1_000);
  const large = await measure(100_000);
  const ratio = Math.round((large.syncs / small.syncs) * 100) / 100;
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ small, large, ratio }));
    return;
  }
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  console.log(`office syncs: ${small.syncs} at 1,000 rows, ${large.syncs} at 100,000 rows, ratio ${ratio}`);
  console.log(`largest request ${mb(large.maxRequest)}, largest response ${mb(large.maxResponse)} (limit 5 MB); run ${small.ms} ms and ${large.ms} ms on the fake`);
}

if (require.main === module) void main();
