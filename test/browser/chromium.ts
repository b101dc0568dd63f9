import { chromium, Browser } from "playwright-core";
import { existsSync } from "fs";

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync("/usr/bin/chromium")) throw new Error("Chromium is missing: apt-get install chromium (scripts/install-system-deps.sh does it)");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
