import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { LABELS } from "../../src/core/config/labels.js";
import { type WebFormHarness, requestsCarrying, startWebForm } from "../http/web-form-harness.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);

let harness: WebFormHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe.skipIf(!hasChromium)(`the support form in Chromium (skipped: ${CHROMIUM} is missing; .ci/run installs it)`, () => {
  it("a reporter finds every control by its label, sends the form, and the ticket exists", async () => {
    harness = await startWebForm();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${harness.url}/support`);
      await page.getByLabel("Component").selectOption({ label: "Noise Modeller (Athens, Flanders)" });
      await page.getByLabel("high", { exact: true }).check();
      await page.getByLabel("Request type").selectOption("bug");
      await page.getByLabel("What happened").fill("The noise map for Athens is empty since the update. @someone see #3");
      await page.getByLabel("When did it happen").fill("Monday 2 March, 10:00");
      await page.getByLabel("Where").selectOption("portal");
      await page.getByLabel("Your name").fill("Grace Hopper");
      await page.getByLabel("Your e-mail address").fill("grace.hopper@example.org");
      await page.getByRole("button", { name: "Send request" }).click();

      await expect.poll(() => page.locator("h1").textContent()).toBe("Thank you, your request was received");
      const reference = /WF-[A-Z0-9]{10}/.exec((await page.locator("#reference").textContent()) ?? "")?.[0];
      await expect(page.getByText("It is now support ticket #1.").count()).resolves.toBe(1);
      mkdirSync("test-output", { recursive: true });
      await page.screenshot({ path: "test-output/support-form.png", fullPage: true });

      const [issue] = harness.issues();
      expect(issue?.labels).toEqual([LABELS.webForm]);
      expect(issue?.body).toContain(`key=${reference}`);
      expect(issue?.body).toContain("### Impact\n\nhigh");
      expect(issue?.body).toContain("since the update. `@someone` see `#3`");
      expect(requestsCarrying(harness.fake, "Grace Hopper", "grace.hopper@example.org")).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
