/**
 * The output opens in a real spreadsheet program: LibreOffice converts it to
 * PDF without error and the figures are on the page. The PNG pages are kept
 * under test/artefacts/ to be looked at.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { tempDir, runCli, SAMPLE } from "../helpers/workbooks";

const ARTEFACTS = join(__dirname, "..", "artefacts", "libreoffice");

describe("rendering the output workbook in LibreOffice", () => {
  it("converts to PDF with the standards tables on the page", async () => {
    expect(existsSync("/usr/bin/soffice") || existsSync("/usr/bin/libreoffice")).toBe(true); // scripts/install-system-deps.sh installs it
    const dir = tempDir();
    const out = join(dir, "summary.xlsx");
    expect((await runCli(["summarise", SAMPLE, "--out", out, "--format-source"])).code).toBe(0);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { timeout: 150_000, stdio: "pipe" });
    const pdf = join(dir, "summary.pdf");
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Performance summary: Quarter One 2021/22");
    expect(text).toContain("15/24 (62.5%)");
    expect(text).toContain("1/15 (7%)");
    expect(text).toMatch(/Due date '31\/10021' in 'Directorate priorities'!C48/);
    rmSync(ARTEFACTS, { recursive: true, force: true });
    mkdirSync(ARTEFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "70", pdf, join(ARTEFACTS, "page")], { timeout: 120_000 });
    expect(readdirSync(ARTEFACTS).length).toBeGreaterThan(5);
  }, 600_000);
});

describe("rendering a directorate template in LibreOffice", () => {
  it("converts with its drop-down column and protection intact", async () => {
    const dir = tempDir();
    const out = join(dir, "templates.xlsx");
    expect((await runCli(["template", SAMPLE, "--out", out, "--directorate", "Finance"])).code).toBe(0);
    // LibreOffice re-saves the file: the validation and protection must survive its reading.
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), out], { timeout: 150_000, stdio: "pipe" });
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "lo", "templates.xlsx"));
    const ws = wb.getWorksheet("Finance Directorate priorities")!;
    expect(ws.getCell("D8").dataValidation).toMatchObject({ type: "list" });
    expect(String(ws.getCell("D8").dataValidation.formulae[0]).replace(/\s/g, "")).toMatch(/Green.*Amber.*Red.*Complete/);
    // ExcelJS does not read back LibreOffice's sheet="true", so look at the sheet's XML itself.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "lo", "templates.xlsx")));
    const sheetXml = await zip.file(`xl/worksheets/sheet${ws.id}.xml`)!.async("string");
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { timeout: 150_000, stdio: "pipe" });
    const shots = join(ARTEFACTS, "..", "template");
    mkdirSync(shots, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", join(dir, "templates.pdf"), join(shots, "page")], { timeout: 120_000 });
    expect(readdirSync(shots).length).toBeGreaterThan(0);
  }, 600_000);
});
