/**
 * npm start: the HTTPS dev server on https://localhost:3000, sideloaded into
 * desktop Excel with office-addin-debugging (an optional dependency: it
 * installs on Windows and macOS, where Excel runs).
 */
const { spawnSync } = require("child_process");

let debugging;
try {
  debugging = require.resolve("office-addin-debugging/cli.js");
} catch {
  debugging = null;
}
if (!debugging) {
  console.log("office-addin-debugging is not installed on this machine (it needs a desktop with Excel).");
  console.log("Starting the HTTPS dev server only: sideload manifest.xml by hand (see README, 'Sideloading').");
  process.exit(spawnSync("npx", ["webpack", "serve", "--mode", "development"], { stdio: "inherit", shell: process.platform === "win32" }).status ?? 1);
}
process.exit(spawnSync(process.execPath, [debugging, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server"], { stdio: "inherit" }).status ?? 1);
