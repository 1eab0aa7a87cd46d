import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { targetsSchema } from "../../src/core/policy/targets.js";
import type { Policy } from "../../src/core/policy/schema.js";
import { defaultPolicy } from "../helpers/default-policy.js";

// What the browser tests share: Debian's Chromium driven by playwright-core,
// a policy with targets, axe-core injected from node_modules (no CDN), and
// the platform font Chromium really drew a node's text with.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OUT = "test-output";
export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-gpu",
      "--no-first-run",
      "--disable-component-update",
    ],
  });
}

/** The default policy with the targets a team's plan would set. */
export function policyWithTargets(locale: "en" | "zh"): Policy {
  const targets = targetsSchema.parse({
    compliance: 0.95,
    clocks: { first_reply: 0.95, start_handling: 0.95 },
    resolution: 0.9,
    medianMinutes: { acknowledge: 10 },
  });
  return { ...defaultPolicy(locale), targets };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Violations axe-core finds at the serious or critical level (WCAG 2 A and AA rules). */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  await page.addScriptTag({ content: axe.source }); // from node_modules, no CDN
  // A string, evaluated in the page: the test project has no DOM types.
  const { violations: found, passes } = (await page.evaluate(
    `axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }).then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
  )) as { violations: AxeViolation[]; passes: number };
  if (passes < 10) throw new Error(`axe-core checked almost nothing (${passes} rules passed): is it injected?`);
  return found
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).flatMap((n) => n.target) }));
}

/** The font families Chromium actually used for the text of the first node matching `selector`. */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

/** Do any two of these boxes overlap (by more than a hair)? */
export function overlapping(boxes: Array<{ x: number; y: number; width: number; height: number }>): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x + a.width - 0.5 > b.x && b.x + b.width - 0.5 > a.x && a.y + a.height - 0.5 > b.y && b.y + b.height - 0.5 > a.y) n++;
    }
  return n;
}
