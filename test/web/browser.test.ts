import { existsSync, mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

// A real browser (Debian's Chromium, driven by playwright-core) reads the
// pages a reviewer opens from the bot's link. .ci/run installs Chromium; if
// it is missing this test fails, it does not skip.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = "test-output";

let browser: Browser;
let h: ReviewHarness;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"],
  });
  h = await reviewHarness();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe("the reviewer pages in a real browser", () => {
  it("follows the bot's link to the incident page and shows the timeline markers and the deadlines table", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const link = h.deps.links!.incident(1, "ada").replace("http://beacon.test", h.base);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/incidents/1");
    await expect(page.locator("h1").textContent()).resolves.toContain("INC-1 Checkout down");
    expect(await page.locator("svg.timeline circle.deadline.met").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.timeline circle.deadline.missed").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.timeline rect.overdue").count()).toBeGreaterThan(0);
    const box = await page.locator("svg.timeline").boundingBox();
    expect(box!.width).toBeGreaterThan(600); // drawn, not collapsed
    const rows = await page
      .locator("table.deadlines tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-key"), tr.getAttribute("data-outcome")]));
    expect(rows).toEqual(
      expect.arrayContaining([
        ["start_handling", "met"],
        ["first_reply", "missed"],
      ]),
    );
    await page.screenshot({ path: `${OUT}/incident-page.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it("shows the figures page with its charts, and keeps navigating on the session the link opened", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } }); // a phone
    const page = await context.newPage();
    await page.goto(h.deps.links!.incident(1, "ada").replace("http://beacon.test", h.base));
    await page.click("header.top >> text=Figures");
    expect(new URL(page.url()).pathname).toBe("/figures");
    expect(await page.locator("svg.bars rect.bar").count()).toBeGreaterThan(0);
    await expect(page.locator("body").textContent()).resolves.toContain("Resolution rate");
    await page.screenshot({ path: `${OUT}/figures-page.png`, fullPage: true });
    await context.close();
  }, 60_000);

  it("shows a stranger the explanation, not the incident", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${h.base}/incidents/1`);
    expect(res!.status()).toBe(403);
    await expect(page.locator("body").textContent()).resolves.not.toContain("Checkout down");
    await page.close();
  }, 30_000);
});
