import { describe, expect, it } from "vitest";
import { formView } from "../../../adapters/slack/forms.js";
import { VERBS } from "../../../src/core/commands/verbs.js";
import { blockKitProblem } from "../../fakes/slack/block-kit.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

describe("Slack forms", () => {
  it("label every input and every checkbox with words, in both languages, within Block Kit's limits", () => {
    for (const locale of ["en", "zh"] as const) {
      const policy = { ...defaultPolicy(), locale };
      for (const verb of VERBS.filter((v) => v.form)) {
        const view = formView(policy, verb, {});
        const blocks = view.blocks as Array<{ label: { text: string }; element: { options?: Array<{ text: { text: string } }> } }>;
        expect(blockKitProblem(blocks, 100), verb.name).toBeUndefined();
        for (const b of blocks) {
          expect(b.label.text.trim(), `${verb.name} label`).not.toBe("");
          for (const o of b.element.options ?? []) expect(o.text.text.trim(), `${verb.name} option`).not.toBe("");
        }
      }
    }
  });
});
