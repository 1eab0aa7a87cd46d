import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_POLICY_PATH, loadConfiguredPolicy, loadPolicyFile, parsePolicyText, PolicyError } from "../../src/infra/policy-file.js";

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
      new RegExp(`policy.yml:${line} severities.urgent.paging.0.page.1: unknown person, group or rotation "wizards"`),
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

describe("a policy with mistakes", () => {
  const problemsOf = (text: string, opts = {}) => {
    try {
      parsePolicyText(text, "p.yml", opts);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("the policy was accepted");
  };

  it("refuses a key the policy does not define, with its line, instead of ignoring it", () => {
    const bad = base.replace("{ page: [leadership], wait: 10m }", "{ page: [leadership], wiat: 10m }");
    const line = bad.split("\n").findIndex((l) => l.includes("wiat")) + 1;
    expect(problemsOf(bad)).toMatch(new RegExp(`p.yml:${line} severities.urgent.paging.1.wiat: unknown key "wiat"`));
  });

  it("names every problem in one pass, shapes and references alike", () => {
    const bad = base
      .replace("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus")
      .replace("page: [handling_lead, experts]", "page: [handling_lead, wizards]")
      .replace("defaultKind: complaint", "defaultKind: gripe");
    const message = problemsOf(bad);
    expect(message).toMatch(/calendar.timeZone: an IANA time zone/);
    expect(message).toMatch(/severities.urgent.paging.0.page.1: unknown person, group or rotation "wizards"/);
    expect(message).toMatch(/defaultKind: unknown kind "gripe"/);
  });

  it("checks each platform address with the platform it names, and says where an address written the old way goes", () => {
    const platforms = [
      { name: "slack", checkUserId: (id: string) => (/^U\w+$/.test(id) ? undefined : "a Slack member id"), checkGroupId: () => undefined },
    ];
    const withIds = base
      .replace("dana: { name: Dana Wu }", "dana: { name: Dana Wu, ids: { slak: U1 } }")
      .replace("lin:  { name: Lin Hao }", "lin: { name: Lin Hao, ids: { slack: bob } }");
    const message = problemsOf(withIds, { platforms });
    expect(message).toMatch(/people.dana.ids.slak: unknown platform "slak" \(platforms: slack\)/);
    expect(message).toMatch(/people.lin.ids.slack: "bob" is not a Slack member id/);
    const old = base.replace("dana: { name: Dana Wu }", "dana: { name: Dana Wu, slack: U1 }");
    expect(problemsOf(old, { platforms })).toMatch(/people.dana.slack: unknown key "slack"; a platform address goes under ids/);
  });

  it("can come inline from BEACON_POLICY_YAML, and not from two places at once", () => {
    expect(loadConfiguredPolicy({ inline: base.replace("locale: en", "locale: zh") }).locale).toBe("zh");
    expect(() => loadConfiguredPolicy({ inline: base, path: DEFAULT_POLICY_PATH })).toThrow(/keep one/);
    expect(() => loadConfiguredPolicy({ inline: "version: 2" })).toThrow(/BEACON_POLICY_YAML/);
  });
});
