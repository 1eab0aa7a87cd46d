import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, LAPTOP, launch, OUT, overlapping, PHONE, policyWithTargets, renderedFonts, seriousViolations } from "./browser-kit.js";
import { reviewHarness, type ReviewHarness } from "./review-harness.js";

// A real browser (Debian's Chromium, driven by playwright-core) reads the
// pages a reviewer opens from the bot's link, over three months of history
// and a two-day complaint with a weekend in between. .ci/run installs
// Chromium and the CJK font; if they are missing this test fails, it does not skip.

let browser: Browser;
let en: ReviewHarness;
let zh: ReviewHarness;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (bash .ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
  en = await reviewHarness({ policy: policyWithTargets("en"), story: "weekend" });
  zh = await reviewHarness({ policy: policyWithTargets("zh"), story: "weekend" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await en?.close();
  await zh?.close();
});

async function open(h: ReviewHarness, viewport: { width: number; height: number }, path = `/incidents/${h.weekend}`): Promise<Page> {
  // The pages allow no script (Content-Security-Policy); the accessibility checker the test injects is let through.
  const context = await browser.newContext({ viewport, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  await page.goto((await h.deps.links!.login("ada", h.weekend!)).replace("http://beacon.test", h.base));
  if (new URL(page.url()).pathname + new URL(page.url()).search !== path) await page.goto(h.base + path);
  return page;
}

const boxes = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }));

describe("the incident page in a real browser", () => {
  it("shows the first hours apart in the detail band, the missed one-hour deadline and the shaded weekend, above the fold on a laptop", async () => {
    const page = await open(en, LAPTOP);
    await expect(page.locator("h1").textContent()).resolves.toContain(`INC-${en.weekend} Refund not received`);
    const paging = await boxes(page, ".tl-wide .detail a.mark.paging > :nth-child(2)"); // the marks' shapes
    expect(paging.length).toBeGreaterThanOrEqual(3); // paged 17:30, escalated 17:35, acknowledged 18:42
    const [paged, escalated] = paging;
    expect(escalated!.x - (paged!.x + paged!.width)).toBeGreaterThanOrEqual(4); // five minutes apart: marks pixels apart
    const missed = page.locator('.tl-wide .detail g.deadline[data-key="start_handling"][data-outcome="missed"] .outcome.missed');
    expect(await missed.count()).toBeGreaterThan(0);
    expect(await page.locator('.tl-wide .detail g.deadline[data-key="start_handling"]').textContent()).toContain("missed");
    const weekend = await boxes(page, ".tl-wide .overview rect.band.weekend");
    expect(weekend[0]!.width).toBeGreaterThan(20);
    expect(await page.locator(".tl-wide .overview rect.band.weekend title").textContent()).toMatch(
      /weekend: Sat 5 Dec 00:00 – Mon 7 Dec 00:00/,
    );
    expect(overlapping(await boxes(page, ".tl-wide text.mark-label"))).toBe(0);
    expect(overlapping(await boxes(page, ".tl-wide text.tick-label"))).toBe(0);
    const timeline = (await page.locator(".tl-wide svg.timeline").boundingBox())!;
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(LAPTOP.height); // no scrolling to see the first hours and the deadlines
    expect((await page.locator(".facts .month").first().boundingBox())!.y).toBeLessThan(LAPTOP.height);
    await page.screenshot({ path: `${OUT}/incident-page.en.desktop.png` });
    await page.screenshot({ path: `${OUT}/incident-page.en.desktop.full.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("draws the narrow timeline on a phone, with marks that link to their rows in the events table by keyboard", async () => {
    const page = await open(en, PHONE);
    expect(await page.locator(".tl-wide").isVisible()).toBe(false);
    const narrow = (await page.locator(".tl-narrow svg.timeline").boundingBox())!;
    expect(narrow.width).toBeLessThanOrEqual(PHONE.width);
    expect(overlapping(await boxes(page, ".tl-narrow text.mark-label"))).toBe(0);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.className")).toBe("skip");
    const mark = page.locator(".tl-narrow .detail a.mark.paging").first();
    await mark.focus();
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toMatch(/^#e\d+$/);
    expect(await page.locator(`tr${new URL(page.url()).hash}`).count()).toBe(1);
    await page.screenshot({ path: `${OUT}/incident-page.en.phone.png`, fullPage: true });
    await page.context().close();
  }, 60_000);

  it("prints to an A4 PDF with one title and no navigation", async () => {
    const page = await open(en, LAPTOP);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.top").isVisible()).toBe(false);
    expect(await page.locator(".report-head").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", outline: true, tagged: true, printBackground: true });
    writeFileSync(`${OUT}/incident-report.en.pdf`, pdf);
    const text = pdfText(pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text.titles).toEqual([`INC-${en.weekend} Refund not received`]); // the one top-level heading in the outline
    expect(text.uris.filter((u) => /\/(incidents|figures)$/.test(u))).toEqual([]); // no navigation links
    await page.context().close();
  }, 60_000);

  it("renders the Chinese page with a CJK font, without serious accessibility violations", async () => {
    for (const [viewport, name] of [
      [LAPTOP, "desktop"],
      [PHONE, "phone"],
    ] as const) {
      const page = await open(zh, viewport);
      await expect(page.locator("h1").textContent()).resolves.toContain("Refund not received");
      expect((await renderedFonts(page, ".lede")).join()).toMatch(/CJK|Source Han|WenQuanYi|PingFang|YaHei/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT}/incident-page.zh.${name}.png`, fullPage: name === "phone" });
      await page.context().close();
    }
  }, 60_000);
});

describe("the figures page in a real browser", () => {
  it("follows a clock's missed count to the incidents behind it and downloads their CSV", async () => {
    const page = await open(en, LAPTOP, "/figures");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${OUT}/figures-page.en.desktop.png`, fullPage: true });
    const row = page.locator("table.rates-table tr", { hasText: "Start emergency handling" }).first();
    const missedLink = row.locator("td").nth(1).locator("a");
    const count = Number(await missedLink.textContent());
    expect(count).toBeGreaterThan(0);
    await missedLink.click();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/incidents");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ clock: "start_handling", outcome: "missed" });
    await expect(page.locator("p.count").textContent()).resolves.toMatch(new RegExp(`^${count} deadlines? in \\d+ incidents?$`));
    await expect(page.locator("table.incidents").textContent()).resolves.toContain("Refund not received");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[href^='/incidents.csv']")]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")[0]).toBe(
      "number,title,severity,kind,status,drill,customer,declared,acknowledged,resolved,closed,deadlines",
    );
    await page.context().close();
  }, 60_000);

  it("reads on a phone in both languages", async () => {
    for (const [h, lang] of [
      [en, "en"],
      [zh, "zh"],
    ] as const) {
      const page = await open(h, PHONE, "/figures");
      const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
      expect(overflow).toBeLessThanOrEqual(0); // nothing cut off or pushed sideways
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${OUT}/figures-page.${lang}.phone.png`, fullPage: true });
      await page.context().close();
    }
  }, 60_000);

  it("shows a stranger the explanation, not the incident", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${en.base}/incidents/1`);
    expect(res!.status()).toBe(403);
    await expect(page.locator("body").textContent()).resolves.not.toContain("Refund");
    await page.close();
  }, 30_000);
});

/** Top-level outline titles and link URIs of a Chromium PDF (Skia writes plain objects, no object streams). */
function pdfText(pdf: Buffer): { titles: string[]; uris: string[] } {
  const raw = pdf.toString("latin1");
  const root = /(\d+) 0 obj\s*<<\/Type \/Outlines/.exec(raw)?.[1];
  const decode = (s: string) =>
    s.startsWith("<") ? Buffer.from(s.slice(5, -1), "hex").swap16().toString("utf16le") : s.slice(1, -1).replace(/\\([()\\])/g, "$1");
  const titles = [...raw.matchAll(/<<\/Title (\((?:\\.|[^\\)])*\)|<FEFF[0-9A-F]*>)\s*\/Dest [^\n]*\s*\/Parent (\d+) 0 R/g)]
    .filter((m) => m[2] === root)
    .map((m) => decode(m[1]!));
  const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
  return { titles, uris };
}
