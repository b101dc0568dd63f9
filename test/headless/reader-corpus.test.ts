/**
 * The corpus check: one made file for each way real workbooks broke the old
 * reader (hangs, gigabytes of memory, library messages). Each is opened, or
 * refused in one plain sentence from the message table, through the command
 * line as a user runs it. Time and memory are measured by the corpus
 * benchmark (test/bench/corpus-bench.ts); here a child process with a 500 MB
 * heap proves the memory bound.
 */
import { spawnSync } from "child_process";
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir, runCli } from "../helpers/workbooks";
import { corpus } from "../helpers/corpus";
import { buildPackage, priorityRows, declareSize, bigSheetPackage } from "../helpers/xlsx-fixtures";
import { XlsxWorkbook, WorkbookFileError, DEFAULT_LIMITS } from "../../src/workbook/xlsx/workbook";
import { size as fileSize } from "../../src/workbook/xlsx/reader/refusal";
import { SummaryJson } from "../../src/workbook/summarise";

const dir = tempDir();
const CLI = join(__dirname, "..", "..", "build", "src", "cli", "main.js");

/** Words of a library or runtime that must never reach a user. */
const INTERNALS = /\bundefined\b|\bnull\b|Cannot read|Unexpected|parseOpen|Bug :|\{"|Maximum call stack|at .*\.(js|ts):\d+|saxes|fflate|JSZip|ExcelJS/;

async function refusal(data: Uint8Array, limits = DEFAULT_LIMITS): Promise<string> {
  try {
    await XlsxWorkbook.open(data, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookFileError);
    const message = (e as Error).message;
    expect(message).not.toMatch(INTERNALS);
    return message;
  }
  throw new Error("the file was opened");
}

describe("the corpus of hostile workbooks", () => {
  let files: Awaited<ReturnType<typeof corpus>>;
  beforeAll(async () => {
    files = await corpus();
  });

  it.each([
    ["whole-sheet validation", 20],
    ["drop-downs on five whole columns", 2],
    ["16,384 column styles", 20],
    ["5,000 merged ranges", 20],
    ["prefixed SpreadsheetML", 20],
    ["Strict Open XML", 20],
    ["rows and cells without r", 20],
    ["inline strings", 20],
    ["Sheet1.xml part names", 20],
  ])("%s: opened and summarised with every row counted, or refused in plain words", async (name, rows) => {
    const input = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, files.find((f) => f.name === name)!.data);
    const r = await runCli(["summarise", input, "--out", `${input}-out.xlsx`, "--json"]);
    if (r.code === 0) {
      const json = JSON.parse(r.stdout) as SummaryJson;
      expect(json.datasets).toEqual([expect.objectContaining({ kind: "priorities", rows })]);
    } else {
      // A package the splice cannot take yet must be re-saved whole, which only ExcelJS does: refused in words.
      const errors = r.stderr.split("\n").filter((l) => l.startsWith("Error"));
      expect(errors).toEqual([expect.stringContaining(`cannot use ${input}: the file was read, but the results cannot be written into a copy of it`)]);
    }
    expect(r.stderr).not.toMatch(INTERNALS);
  });

  it("reads the prefixed and Strict packages' values, whatever the save does with them", async () => {
    for (const name of ["prefixed SpreadsheetML", "Strict Open XML"]) {
      const [grid] = await (await XlsxWorkbook.open(files.find((f) => f.name === name)!.data)).readSheets();
      expect(grid.rows).toEqual(priorityRows(20));
    }
  });

  it("wide sparse sheet (A and XFD over 8,000 rows): read as two cells a row", async () => {
    const wb = await XlsxWorkbook.open(files.find((f) => f.name === "values in A and XFD over 8,000 rows")!.data);
    const [grid] = await wb.readSheets();
    expect(grid.rows).toHaveLength(8_000);
    expect(grid.rows[7_999][16_383]).toBe("note 7999");
    expect(grid.rows[7_999].filter((v) => v !== null && v !== undefined)).toHaveLength(2);
  });

  it("a part declaring 2,000 bytes that inflates to far more is refused at the first slice past its declaration", async () => {
    const message = await refusal(files.find((f) => f.name === "declares 2,000 bytes, inflates to 60 MB")!.data);
    expect(message).toMatch(/^the file \(.+\) is damaged: its part xl\/worksheets\/sheet1\.xml does not hold the 2,000 bytes its zip directory declares/);
  });

  it("each limit is refused with its name and the file's real size", async () => {
    const big = await bigSheetPackage(50_000);
    const size = fileSize(big.length);
    expect(await refusal(big, { ...DEFAULT_LIMITS, partBytes: 1e6 }))
      .toBe(`the file (${size}) says it expands to more than 1 MB (part xl/worksheets/sheet1.xml), the most this tool unzips for one part, so nothing was unzipped: remove unused sheets or rows and try again`);
    expect(await refusal(big, { ...DEFAULT_LIMITS, totalBytes: 2e6 })).toMatch(new RegExp(`^the file \\(${size}\\) expands to more than 2 MB in all`));
    expect(await refusal(big, { ...DEFAULT_LIMITS, cells: 10_000 })).toMatch(new RegExp(`^the file \\(${size}\\) holds more than 10,000 filled cells \\(the limit was reached on sheet 'Data'\\)`));
  });

  it("files that are not .xlsx workbooks are named for what they are", async () => {
    const zipOf = async (files: Record<string, string>) => {
      const JSZip = (await import("jszip")).default;
      const z = new JSZip();
      for (const [k, v] of Object.entries(files)) z.file(k, v);
      return z.generateAsync({ type: "uint8array" });
    };
    const cfb = (stream: string) => {
      const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      const name = [...stream].flatMap((c) => [c.charCodeAt(0), 0]);
      return new Uint8Array([...head, ...new Array(504).fill(0), ...name, ...new Array(64).fill(0)]);
    };
    expect(await refusal(cfb("EncryptedPackage"))).toMatch(/^the file is password-protected: open it in Excel, remove the password/);
    expect(await refusal(cfb("Workbook"))).toMatch(/^the file is an old-style Excel 97–2003 workbook \(\.xls\): open it in Excel, choose File › Save As › 'Excel Workbook \(\*\.xlsx\)'/);
    expect(await refusal(new TextEncoder().encode("Code,Title\nA,B\n"))).toMatch(/^the file is not an \.xlsx workbook but text \(such as a \.csv\)/);
    expect(await refusal(await zipOf({ "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin": "x" })))
      .toMatch(/^the file is an Excel Binary Workbook \(\.xlsb\)/);
    expect(await refusal(await zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }))).toMatch(/^the file is an OpenDocument spreadsheet \(\.ods\)/);
    expect(await refusal(await zipOf({ "readme.txt": "hello" }))).toBe("the file is a zip archive but not an .xlsx workbook (it has no workbook part)");
    const good = await buildPackage({ sheets: [{ name: "S", rows: priorityRows(3) }] });
    expect(await refusal(good.subarray(0, good.length - 30))).toMatch(/^the file is damaged or not an \.xlsx workbook \(its zip structure cannot be read\)/);
    const JSZip = (await import("jszip")).default;
    const broken = await JSZip.loadAsync(good);
    broken.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c><v>1</c></row>`);
    expect(await refusal(await broken.generateAsync({ type: "uint8array" }))).toBe("the file is damaged: its part xl/worksheets/sheet1.xml is not well-formed XML (line 1): open it in Excel, save it again and try again");
  });

  it("a lying size comes through the command line as one line naming the file", async () => {
    const input = join(dir, "lying.xlsx");
    writeFileSync(input, declareSize(await buildPackage({ sheets: [{ name: "Priorities", rows: priorityRows(400) }] }), "xl/worksheets/sheet1.xml", 2_000));
    const r = await runCli(["summarise", input, "--out", join(dir, "lying-out.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("Error"))).toEqual([expect.stringMatching(new RegExp(`^Error: cannot use ${input}: the file \\(.+\\) is damaged`))]);
  });

  it("every file of the corpus runs in a process with a 500 MB heap, ending in a result or one plain line", () => {
    if (!existsSync(CLI)) throw new Error(`build the command line first (npm run build:node): ${CLI} is missing`);
    for (const f of files) {
      const input = join(dir, `heap-${f.name.replace(/\W+/g, "-")}.xlsx`);
      writeFileSync(input, f.data);
      const r = spawnSync(process.execPath, ["--max-old-space-size=500", CLI, "summarise", input, "--out", `${input}-out.xlsx`, "--json"], { encoding: "utf8" });
      expect({ file: f.name, crashed: r.status === null || r.status > 1, internals: INTERNALS.test(r.stderr) }).toEqual({ file: f.name, crashed: false, internals: false });
    }
  }, 600_000);
});
