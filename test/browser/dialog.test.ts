/** The ribbon command's message dialog shows the message it is given, as text, with an OK button. */
import { serveDist } from "./serve";
import { launchChromium } from "./chromium";

describe("the ribbon command's message dialog", () => {
  it("shows the message as plain text", async () => {
    const server = await serveDist();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 480, height: 260 } });
      const message = "Refresh summaries did not finish. <b>Sheet 'A&B'</b> is protected.";
      await page.goto(`${server.url}/dialog.html?message=${encodeURIComponent(message)}`);
      await expect(page.getByRole("alert").textContent()).resolves.toBe(message);
      await expect(page.getByRole("button", { name: "OK" }).isVisible()).resolves.toBe(true);
      await expect(page.locator("b").count()).resolves.toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it("tells Office to close it only once Office has initialised (messageParent needs Office.onReady first)", async () => {
    const server = await serveDist();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // office.js replaced by a stand-in whose onReady answers when the test says.
      await page.route("**/office/office.js", (route) => route.fulfill({
        contentType: "text/javascript",
        body: `window.__sent = []; let ready; window.__ready = () => ready();
          window.Office = { onReady: () => new Promise((r) => (ready = () => r({ host: "Excel" }))), context: { ui: { messageParent: (m) => window.__sent.push(m) } } };`,
      }));
      await page.goto(`${server.url}/dialog.html?message=${encodeURIComponent("Done.")}`);
      await page.getByRole("button", { name: "OK" }).click();
      await expect(page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).resolves.toEqual([]);
      await page.evaluate(() => (window as unknown as { __ready: () => void }).__ready());
      await page.waitForFunction(() => (window as unknown as { __sent: string[] }).__sent.length > 0);
      await expect(page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).resolves.toEqual(["close"]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
