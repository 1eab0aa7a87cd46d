import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/core/commands/parse.js";
import { describeUserError } from "../../../src/core/commands/usage.js";
import { VERBS } from "../../../src/core/commands/verbs.js";
import type { UserError } from "../../../src/core/errors.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

const usageError = (text: string) => {
  try {
    parseCommand(text);
  } catch (e) {
    return e as UserError;
  }
  throw new Error(`"${text}" parsed`);
};

describe("the command grammar", () => {
  it("reads a declare with a quoted title and options", () => {
    expect(parseCommand('declare urgent "Checkout down" --kind system --customer "ACME Ltd" --onsite=local --claim')).toEqual({
      name: "declare",
      severity: "urgent",
      title: "Checkout down",
      kind: "system",
      customer: "ACME Ltd",
      onsite: "local",
      claim: true,
    });
  });

  it("reads an unquoted title of several words, and Chinese curly quotes", () => {
    expect(parseCommand("declare general printer jam on floor 2")).toMatchObject({ title: "printer jam on floor 2" });
    expect(parseCommand("declare 紧急 “冷链 车辆 故障”")).toMatchObject({ severity: "紧急", title: "冷链 车辆 故障" });
  });

  it("treats drill as a declare labelled drill", () => {
    expect(parseCommand("drill important Practice run")).toMatchObject({ name: "declare", drill: true });
    expect(parseCommand("declare important Practice run --drill")).toMatchObject({ name: "declare", drill: true });
  });

  it("reads a flag as a flag, so the words after it stay in the title", () => {
    expect(parseCommand("declare urgent --claim Fridge broke")).toMatchObject({ claim: true, title: "Fridge broke" });
    expect(parseCommand("declare urgent Fridge broke --claim=no")).not.toHaveProperty("claim");
  });

  it("takes an incident reference as #12 or INC-12", () => {
    expect(parseCommand("ack #12")).toEqual({ name: "ack", number: 12 });
    expect(parseCommand("sev INC-7 urgent customer escalated")).toEqual({
      name: "sev",
      number: 7,
      severity: "urgent",
      reason: "customer escalated",
    });
    expect(parseCommand("note the truck left")).toEqual({ name: "note", text: "the truck left" });
  });

  it("reads updates, roles, clocks, resolve, close and follow-ups", () => {
    expect(parseCommand("update customer On our way")).toEqual({ name: "update", audience: "customer", text: "On our way" });
    expect(parseCommand("role #3 liaison liu")).toEqual({ name: "role", number: 3, role: "liaison", person: "liu" });
    expect(parseCommand("done onsite_local")).toEqual({ name: "done", deadline: "onsite_local" });
    expect(parseCommand("resolve")).toEqual({ name: "resolve" });
    expect(parseCommand("close")).toEqual({ name: "close" });
    expect(parseCommand("accept --satisfaction 5")).toEqual({ name: "accept", satisfaction: 5 });
    expect(parseCommand("customer accept #4")).toEqual({ name: "accept", number: 4 });
    expect(parseCommand("callback reached --satisfaction 4 --comment 'all good'")).toEqual({
      name: "callback",
      outcome: "reached",
      satisfaction: 4,
      comment: "all good",
    });
    expect(parseCommand("update customer Our answer --answer")).toEqual({
      name: "update",
      audience: "customer",
      text: "Our answer",
      answer: true,
    });
    expect(parseCommand("waive forward_department the customer withdrew")).toEqual({
      name: "waive",
      deadline: "forward_department",
      reason: "the customer withdrew",
    });
    expect(parseCommand("followup Check fridges --owner tao --due 2026-12-01")).toEqual({
      name: "followup",
      text: "Check fridges",
      owner: "tao",
      due: "2026-12-01",
    });
    expect(parseCommand("followup add Check fridges")).toEqual({ name: "followup", text: "Check fridges" });
    expect(parseCommand("followup done #2 F1")).toEqual({ name: "followup_done", number: 2, id: "F1" });
  });

  it("gives help for an empty command", () => {
    expect(parseCommand("")).toEqual({ name: "help" });
  });

  it("names the problem and the usage that would have worked", () => {
    const e = usageError("declare urgent");
    expect(e.code).toBe("COMMAND.USAGE");
    expect(e.params).toMatchObject({ problem: "missing", field: "title" });
    expect(describeUserError(defaultPolicy(), e)).toMatch(
      /^Missing title\.\nUsage: \/incident declare <urgent\|important\|general> <title>/,
    );
    expect(usageError("accept --satisfaction 9").params).toMatchObject({ problem: "badNumber", field: "satisfaction", value: "9" });
    expect(usageError("accept --satisfaction 0x3").params).toMatchObject({ problem: "badNumber" });
    expect(usageError("update everyone hi").params).toMatchObject({ problem: "badChoice", field: "audience" });
    expect(usageError("role boss lee").params).toMatchObject({ problem: "badChoice", field: "role" });
    for (const due of ["2026-02-30", "2026-13-01", "0000-00-00", "2026-2-3", "２０２６-12-01"])
      expect(usageError(`followup Fix it --due ${due}`).params, due).toMatchObject({ problem: "badDate", field: "due" });
    for (const n of ["0x3", "3.0", "1e0", "٣", "+3"])
      expect(usageError(`accept --satisfaction ${n}`).params, n).toMatchObject({ problem: "badNumber" });
    expect(usageError("declare urgent Down --bogus 1").params).toMatchObject({ problem: "unknownOption", option: "--bogus" });
    expect(usageError("ack now please").params).toMatchObject({ problem: "unexpectedWords" });
    expect(usageError("note hello\u0000there").params).toMatchObject({ problem: "controlCharacters" });
    expect(usageError("dance").code).toBe("COMMAND.UNKNOWN");
  });
});

describe("text that reads differently from what it is", () => {
  it("keeps a title without bidirectional overrides or isolates", () => {
    expect(parseCommand("declare urgent Pay\u202egnp.exe\u202c \u2066down\u2069")).toMatchObject({ title: "Paygnp.exe down" });
  });

  it("never echoes a control character in a usage problem", () => {
    const line = describeUserError(defaultPolicy(), usageError("ack a\u0000b\u001bc"));
    expect(line).toContain("a\ufffdb\ufffdc");
    expect(line).not.toMatch(/[\u0000\u001b]/);
  });
});

describe("the verbs' specs", () => {
  it("name no field `name` or `number`: those keys of a command are the verb and the incident", () => {
    for (const verb of VERBS)
      expect(Object.keys(verb.fields), verb.name).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(name|number)$/)]));
  });
});
