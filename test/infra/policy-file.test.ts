import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_POLICY_PATH, loadPolicyFile, parsePolicyText, PolicyError } from "../../src/infra/policy-file.js";

const base = readFileSync(DEFAULT_POLICY_PATH, "utf8");

describe("the policy file", () => {
  it("loads the built-in default, which encodes the three severities and the domain's clocks", () => {
    const policy = loadPolicyFile();
    expect(Object.keys(policy.severities)).toEqual(["urgent", "important", "general"]);
    expect(policy.calendar.timeZone).toBe("Asia/Shanghai");
    expect(policy.clocks.map((c) => c.key)).toEqual(
      expect.arrayContaining(["first_reply", "start_handling", "answer_complaint", "compensation"]),
    );
  });

  it("names the field and line of an unknown group in a paging step", () => {
    const bad = base.replace("page: [handling_lead, experts]", "page: [handling_lead, wizards]");
    const line = bad.split("\n").findIndex((l) => l.includes("wizards")) + 1;
    expect(() => parsePolicyText(bad, "policy.yml")).toThrow(PolicyError);
    expect(() => parsePolicyText(bad, "policy.yml")).toThrow(
      new RegExp(`policy.yml:${line} severities.urgent.paging.0.page.1: unknown person or group "wizards"`),
    );
  });

  it("names a bad time zone and a bad duration", () => {
    const bad = base.replace("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus").replace("wait: 5m", "wait: soon");
    let message = "";
    try {
      parsePolicyText(bad, "p.yml");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/calendar.timeZone: an IANA time zone/);
    expect(message).toMatch(/severities.urgent.paging.0.wait: a duration/);
  });

  it("reports a YAML syntax error with its line", () => {
    expect(() => parsePolicyText("version: 1\nlocale: [en\n", "x.yml")).toThrow(/x.yml:\d+/);
  });

  it("can be switched to Chinese without editing the file", () => {
    expect(loadPolicyFile(DEFAULT_POLICY_PATH, "zh").locale).toBe("zh");
  });
});
