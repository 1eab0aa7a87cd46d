import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dollarQuoted } from "../../../src/infra/db/pg-direct.js";

/** Where PostgreSQL ends a dollar-quoted literal: at the first closing tag after the opening one. */
function unquote(literal: string): string {
  const tag = /^\$[A-Za-z0-9_]*\$/.exec(literal)![0];
  const end = literal.indexOf(tag, tag.length);
  expect(end + tag.length, "nothing after the closing tag").toBe(literal.length);
  return literal.slice(tag.length, end);
}

describe("a dollar-quoted literal", () => {
  it("reads back as the very text, whatever tags the text holds, inside it or across its end", () => {
    for (const text of ['{"a":"$j$"}', "x$j", "$j", "$j$$j0$$j1$", "", "ends with $"]) expect(unquote(dollarQuoted(text))).toBe(text);
    const pieces = fc.constantFrom("$", "j", "0", "1", "$j$", "$j0$", "a", "'", "\\");
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => unquote(dollarQuoted(parts.join(""))) === parts.join("")));
  });
});
