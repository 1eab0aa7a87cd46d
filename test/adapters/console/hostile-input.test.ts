import { describe, expect, it } from "vitest";
import { runConsoleWorkspace } from "../../../src/compose/console.js";
import { silentLogger } from "../../../src/ports/logger.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

async function run(lines: string[]): Promise<string[]> {
  const out: string[] = [];
  await runConsoleWorkspace({ policy: defaultPolicy(), script: lines, dataDir: ":memory:", out: (l) => out.push(l), log: silentLogger });
  return out;
}

describe("the console workspace given input no store can hold", () => {
  it("answers /room with an incident number past the store's range as no such incident, and keeps going", async () => {
    const out = await run(["/room #2147483648", "/room #99999999999999999999", "/room 0x3", "/now"]);
    expect(out).toContain("  ↳ No incident #2147483648.");
    expect(out).toContain("  ↳ No incident #99999999999999999999.");
    expect(out).toContain("  ↳ No incident 0x3.");
    expect(out.at(-1)).toMatch(/⏱/);
  });

  it("answers every incident command naming a number past the store's range with 'No incident'", async () => {
    const out = await run(["/incident status #2147483648", "/incident note #99999999999999999999 hello", "/now"]);
    const text = out.join("\n");
    expect(text).not.toMatch(/Something went wrong/);
    expect(out.filter((l) => /No incident #2147483648/.test(l))).toHaveLength(2);
  });

  it("refuses a NUL byte in a title with one clear line, and declares nothing", async () => {
    const out = await run(["/incident declare urgent Check\u0000out down", "/incident list"]);
    const text = out.join("\n");
    expect(text).not.toMatch(/Something went wrong/);
    expect(text).toMatch(/control characters/i);
    expect(text).not.toContain("\u0000");
    expect(text).toMatch(/No (open )?incidents/i);
  });

  it("drops bidirectional overrides from what it stores and shows", async () => {
    const out = await run(["/incident declare urgent Pay\u202egnp.exe\u202c down", "/incident status #1"]);
    const text = out.join("\n");
    expect(text).toContain("Paygnp.exe down");
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
