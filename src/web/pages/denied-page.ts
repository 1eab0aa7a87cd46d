import type { Policy } from "../../core/policy/schema.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";

export function deniedPage(policy: Policy, why: string): string {
  const t = PAGE_TEXT[policy.locale];
  return layout(t, policy.locale, t.deniedTitle, `<h1>${esc(t.deniedTitle)}</h1><p>${esc(t.denied[why] ?? t.denied.missing)}</p>`);
}
