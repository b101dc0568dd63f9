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

  it("declares ExcelApi 1.9, a Home-tab button for the pane and the Refresh summaries command", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).not.toMatch(/Name="ExcelApi" MinVersion="1\.[0-8]"/);
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

  it("gives each ribbon button every icon size Office uses, each an image of that size", () => {
    const xml = readFileSync(MANIFEST, "utf8");
    const icons = [...xml.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => [...m[1].matchAll(/size="(\d+)"/g)].map((x) => Number(x[1])));
    expect(icons.length).toBe(3);
    for (const sizes of icons) expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    for (const size of icons[0]) {
      const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
      // A PNG's IHDR holds its width and height.
      expect([size, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size, size]);
    }
  });

  it("carries package.json's version, in the source and in the build, so a release raises what the admin centre shows", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const wanted = `${version}.0`;
    const of = (xml: string) => /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
    expect(of(readFileSync(MANIFEST, "utf8"))).toBe(wanted);
    expect(of(readFileSync(join(ROOT, "dist", "manifest.xml"), "utf8"))).toBe(wanted);
    // Above 1.0.0.0, which every manifest before the stamp carried: deployments of those update.
    const [a, b, c] = wanted.split(".").map(Number);
    expect(a * 1e10 + b * 1e5 + c).toBeGreaterThan(1e10);
  });

  it("stamps any package version into the manifest as four parts, and refuses one it cannot carry", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { stampVersion, manifestVersion } = require("../../scripts/manifest-version.js") as { stampVersion: (x: string, v: string) => string; manifestVersion: (v: string) => string };
    expect(stampVersion("<OfficeApp><Version>1.0.0.0</Version></OfficeApp>", "2.3.14")).toBe("<OfficeApp><Version>2.3.14.0</Version></OfficeApp>");
    expect(manifestVersion("1.2.0-beta.1")).toBe("1.2.0.0");
    expect(() => manifestVersion("100000.0.0")).toThrow(/at most 5 digits/);
  });
});
