import { describe, expect, it } from "vitest";
import { en } from "../../src/core/i18n/en.js";
import { zh } from "../../src/core/i18n/zh.js";
import { SUMMARY_TEXT } from "../../src/core/summary-text.js";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function leaves(o: object): unknown[] {
  return Object.values(o).flatMap((v) => (v && typeof v === "object" ? leaves(v) : [v]));
}

describe("messages in two languages", () => {
  it("has every English message in Chinese too", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    expect(Object.keys(SUMMARY_TEXT.zh).sort()).toEqual(Object.keys(SUMMARY_TEXT.en).sort());
  });

  it("returns a non-empty string from every message, in both languages", () => {
    for (const table of [en, zh]) {
      for (const leaf of leaves(table)) {
        const s = typeof leaf === "function" ? (leaf as (...a: unknown[]) => string)("x", "y", "z", 1, 2) : leaf;
        expect(typeof s === "string" && s.length > 0).toBe(true);
      }
    }
  });

  it("keeps mention tokens intact in translations", () => {
    expect(zh.post.acknowledged("lee", "5 分钟")).toContain("@{lee}");
    expect(zh.post.roleAssigned("负责人", "lee")).toContain("@{lee}");
  });
});
