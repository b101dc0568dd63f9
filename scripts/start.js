/**
 * npm start: the HTTPS dev server on https://localhost:3000, sideloaded into
 * desktop Excel with office-addin-debugging (an optional dependency: it
 * installs on Windows and macOS, where Excel runs).
 */
const { spawnSync } = require("child_process");

// Trusting the development certificate runs `sudo` on Linux; without it office-addin-dev-certs dies with a stack trace.
if (process.platform === "linux" && spawnSync("sh", ["-c", "command -v sudo"]).status !== 0) {
  console.error("npm start needs sudo to trust its localhost certificate, and this machine has none: serve dist/ over HTTPS another way (npm run build:test, then any HTTPS server) and sideload manifest.xml by hand (README, 'Sideloading').");
  process.exit(1);
}

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
