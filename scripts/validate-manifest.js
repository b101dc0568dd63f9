/**
 * Validates manifest.xml (and dist/manifest.xml when built) against the
 * Office add-in XSDs kept in scripts/manifest-schemas, offline: the
 * office-addin-manifest validator needs an online service.
 */
const { execFileSync } = require("child_process");
const { existsSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const schema = join(__dirname, "manifest-schemas", "OfficeAppManifestV1_1.xsd");
// Given paths are validated instead of the project's own (the tests use this for a broken manifest).
const given = process.argv.slice(2);
// The root manifest is the source and is always checked; a built dist/manifest.xml is checked as well, never instead.
const files = given.length ? given : [join(root, "manifest.xml"), ...[join(root, "dist", "manifest.xml")].filter(existsSync)];
for (const file of files) {
  try {
    execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: ["ignore", "ignore", "inherit"] });
    console.log(`${file}: valid`);
  } catch (e) {
    if (e.code === "ENOENT") console.error("xmllint is missing: apt-get install libxml2-utils (scripts/install-system-deps.sh does it)");
    process.exit(1);
  }
}
