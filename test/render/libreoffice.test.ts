/**
 * The output opens in a real spreadsheet program: LibreOffice converts it to
 * PDF without error and the figures are on the page. The PNG pages are kept
 * under test/artefacts/ to be looked at.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "fs";
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
  }, 240_000);
});
