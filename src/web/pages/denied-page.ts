import type { Policy } from "../../core/policy/schema.js";
import { esc, layout } from "./html.js";
import { PAGE_TEXT } from "./text.js";

/** A page saying why not: no access (and how to get it), or no such incident. */
export function deniedPage(policy: Policy, why: string): string {
  const t = PAGE_TEXT[policy.locale];
  const title = why === "notFound" ? t.notFound : t.deniedTitle;
  const text = why === "notFound" ? t.notFound : (t.denied[why] ?? t.denied.missing);
  return layout(t, policy.locale, title, `<h1>${esc(title)}</h1><p>${esc(text)}</p>`);
}
