/**
 * The manifest's <Version> is package.json's version with a fourth part
 * (1.1.0 → 1.1.0.0). Office updates a deployed add-in — and the Microsoft 365
 * admin centre shows the new version — only when this number rises
 * (https://learn.microsoft.com/office/dev/add-ins/publish/maintain-breaking-changes#update-the-app-package-files),
 * so the build stamps it into dist/manifest.xml, and `npm version` (which
 * runs this script) keeps manifest.xml in step:
 *   npm version minor    raise 1.1.0 to 1.2.0, here and in manifest.xml
 */
const { readFileSync, writeFileSync } = require("fs");
const { join } = require("path");

/** package.json's version as the manifest writes it: four parts of at most five digits each. */
function manifestVersion(version) {
  const parts = String(version).split(/[.+-]/).slice(0, 3).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 99999)) throw new Error(`'${version}' is not a version the manifest can carry (n.n.n, each at most 5 digits)`);
  return `${parts.join(".")}.0`;
}

/** The manifest with its <Version> set. */
function stampVersion(xml, version) {
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("the manifest has no <Version> element");
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
}

module.exports = { manifestVersion, stampVersion };

if (require.main === module) {
  const root = join(__dirname, "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const file = join(root, "manifest.xml");
  writeFileSync(file, stampVersion(readFileSync(file, "utf8"), version));
  console.log(`manifest.xml: Version ${manifestVersion(version)}`);
}
