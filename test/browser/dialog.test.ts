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
});
