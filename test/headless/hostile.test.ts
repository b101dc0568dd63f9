/**
 * Named hostile workbooks: each either runs and accounts for every row, or
 * is refused with one plain line — never a crash, a stack trace or a hang.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir, saveWorkbook, runCli, load, sheetValues, withChart, internalLinks } from "../helpers/workbooks";
import { SummaryJson } from "../../src/workbook/summarise";

const dir = tempDir();

async function run(wb: ExcelJS.Workbook, name: string, extra: string[] = []) {
  const input = await saveWorkbook(wb, dir, `${name}.xlsx`);
  const out = join(dir, `${name}-out.xlsx`);
  const r = await runCli(["summarise", input, "--out", out, "--json", ...extra]);
  return { ...r, input, out, json: r.code === 0 ? (JSON.parse(r.stdout) as SummaryJson) : null };
}

function priorities(ws: ExcelJS.Worksheet, rows: number): void {
  ws.addRow(["Directorate", "Priority", "Due Date", "RAG"]);
  const rag = ["Green", "Amber", "Red", "Complete"];
  for (let i = 0; i < rows; i++) ws.addRow([`Directorate ${i % 7}`, `Priority ${i}`, "31/03/22", rag[i % 4]]);
}

describe("hostile workbooks", () => {
  it("an empty workbook is refused with one line", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const r = await run(wb, "empty");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no sheet holds a dataset it can report on/);
  });

  it("a workbook of only a chart is refused, saying there is no dataset", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Chart");
    const plain = await saveWorkbook(wb, dir, "chart-plain.xlsx");
    const chartOnly = await withChart(plain, join(dir, "chart-only.xlsx"));
    const r = await runCli(["summarise", chartOnly, "--out", join(dir, "chart-only-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no sheet holds a dataset it can report on/);
  });

  it("a sheet holding only its header row runs, with nothing to count", async () => {
    const wb = new ExcelJS.Workbook();
    priorities(wb.addWorksheet("Priorities"), 0);
    const r = await run(wb, "header-only");
    expect(r.code).toBe(0);
    expect(r.json!.datasets).toEqual([expect.objectContaining({ rows: 0, statusCounts: {} })]);
  });

  it("a sheet with all 16,384 columns used is read without trouble", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Wide");
    priorities(ws, 20);
    ws.getCell("XFD3").value = "a note in the last column";
    const r = await run(wb, "wide");
    expect(r.code).toBe(0);
    expect(r.json!.datasets[0]).toMatchObject({ rows: 20 });
  });

  it("a protected sheet is read, summarised and left protected and unchanged", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Locked");
    priorities(ws, 12);
    await ws.protect("secret", {});
    const r = await run(wb, "protected", ["--format-source"]);
    expect(r.code).toBe(0);
    const out = await load(r.out);
    expect(sheetValues(out.getWorksheet("Locked")!)).toEqual(sheetValues((await load(r.input)).getWorksheet("Locked")!));
    expect((out.getWorksheet("Locked") as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it("a sheet name with quotes, an apostrophe and unicode gets working links", async () => {
    const wb = new ExcelJS.Workbook();
    const name = "Dir'n \"returns\" – Données";
    const ws = wb.addWorksheet(name);
    priorities(ws, 3);
    ws.getCell("D3").value = "Greenish";
    const r = await run(wb, "quoted-name");
    expect(r.code).toBe(0);
    expect(r.json!.issues).toEqual([expect.objectContaining({ sheet: name, cell: "D3" })]);
    expect(Object.values(await internalLinks(new Uint8Array(readFileSync(r.out)), "Data issues"))).toEqual([`'Dir''n "returns" – Données'!D3`]);
  });

  it("a 100,000-row sheet runs, every row accounted for", async () => {
    const wb = new ExcelJS.Workbook();
    priorities(wb.addWorksheet("Priorities"), 100_000);
    const r = await run(wb, "large", ["--period", "Q1 2021/22"]);
    expect(r.code).toBe(0);
    expect(r.json!.datasets[0].rows).toBe(100_000);
    expect(Object.values(r.json!.datasets[0].statusCounts).reduce((a, b) => a + b, 0)).toBe(100_000);
  }, 600_000);

  it("a zip claiming a multi-gigabyte shared-strings part is refused before anything is inflated", async () => {
    const wb = new ExcelJS.Workbook();
    priorities(wb.addWorksheet("Priorities"), 3);
    const input = await saveWorkbook(wb, dir, "bomb-source.xlsx");
    const zip = await JSZip.loadAsync(readFileSync(input));
    zip.file("xl/sharedStrings.xml", "<sst/>");
    const data = Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    // Declare 3.9 GB for that part in its local and central headers, as a zip bomb would.
    const nameBytes = Buffer.from("xl/sharedStrings.xml");
    for (let i = 0; i + 46 < data.length; i++) {
      const sig = data.readUInt32LE(i);
      if (sig === 0x04034b50 && data.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) data.writeUInt32LE(3_900_000_000, i + 22);
      if (sig === 0x02014b50 && data.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) data.writeUInt32LE(3_900_000_000, i + 24);
    }
    const bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, data);
    const before = process.memoryUsage().rss;
    const r = await runCli(["summarise", bomb, "--out", join(dir, "bomb-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expands to more than \d+ MB \(part xl\/sharedStrings\.xml\)/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
