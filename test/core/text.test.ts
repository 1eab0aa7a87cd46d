import { describe, expect, it } from "vitest";
import { neutraliseBidi, plainText, printable } from "../../src/core/text.js";
import { esc } from "../../src/web/pages/html.js";

describe("text Beacon keeps and shows", () => {
  it("drops every bidirectional embedding, override and isolate, and nothing else", () => {
    const all = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
    expect(neutraliseBidi(`a${all}b \u200f\u05d0`)).toBe("ab \u200f\u05d0");
  });

  it("keeps what a platform sent as plain text: control characters and overrides removed, lines and tabs kept", () => {
    expect(plainText("a\u0000b\u0007c\u202ed\n\te\u007f")).toBe("abcd\n\te");
  });

  it("shows a control character as a replacement mark when echoing what was typed", () => {
    expect(printable("a\u0000b\u202ec")).toBe("a\ufffdbc");
  });

  it("escapes page text with overrides dropped, even from data stored before they were", () => {
    expect(esc('<b title="x">Pay\u202egnp.exe</b>')).toBe("&lt;b title=&quot;x&quot;&gt;Paygnp.exe&lt;/b&gt;");
  });
});
