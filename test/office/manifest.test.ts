/**
 * The manifest as Office reads it (office-addin-manifest's parser) and as the
 * schemas define it (xmllint against the XSDs kept in scripts/manifest-schemas).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { tempDir } from "../helpers/workbooks";
import { join } from "path";
import { OfficeAddinManifest } from "office-addin-manifest";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");

describe("manifest.xml", () => {
  it("validates against the add-in manifest schemas", () => {
    const out = execFileSync("xmllint", ["--noout", "--schema", join(ROOT, "scripts", "manifest-schemas", "OfficeAppManifestV1_1.xsd"), MANIFEST], { encoding: "utf8", stdio: "pipe" });
    expect(out).toBe("");
  });

  it("fails npm run validate when the manifest is broken", () => {
    const broken = join(tempDir(), "manifest.xml");
    writeFileSync(broken, readFileSync(MANIFEST, "utf8").replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>EverythingPlease</Permissions>"));
    const ok = spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js")], { encoding: "utf8" });
    const bad = spawnSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), broken], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Permissions.*EverythingPlease|fails to validate/);
  });

  it("asks for ReadWriteDocument and no more, for Excel, in en-GB", async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("en-GB");
    expect(info.displayName).toBe("Council Performance");
  });

  it("declares ExcelApi 1.7, a Home-tab button for the pane and the Refresh summaries command", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*xsi:type="ShowTaskpane"[\s\S]*<FunctionName>refreshSummaries<\/FunctionName>/);
  });

  it("points only at files the build produces, all on the one development origin", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    for (const u of urls) {
      expect(u.startsWith("https://localhost:3000/")).toBe(true);
      const path = u.replace("https://localhost:3000/", "");
      if (path) expect({ path, built: existsSync(join(ROOT, "dist", path)) }).toEqual({ path, built: true });
    }
  });
});
