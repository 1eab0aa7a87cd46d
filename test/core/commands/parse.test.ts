import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/core/commands/parse.js";
import { type UserError } from "../../../src/core/errors.js";

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
      drill: false,
      severity: "urgent",
      title: "Checkout down",
      kind: "system",
      customer: "ACME Ltd",
      region: undefined,
      onsite: "local",
      claim: true,
      description: undefined,
    });
  });

  it("reads an unquoted title of several words, and Chinese curly quotes", () => {
    expect(parseCommand("declare general printer jam on floor 2")).toMatchObject({ title: "printer jam on floor 2" });
    expect(parseCommand("declare 紧急 “冷链 车辆 故障”")).toMatchObject({ severity: "紧急", title: "冷链 车辆 故障" });
  });

  it("treats drill as a declare labelled drill", () => {
    expect(parseCommand("drill important Practice run")).toMatchObject({ name: "declare", drill: true });
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
    expect(parseCommand("done onsite_local")).toEqual({ name: "done", clock: "onsite_local" });
    expect(parseCommand("resolve")).toEqual({ name: "resolve", summary: undefined });
    expect(parseCommand("close --satisfaction 5")).toEqual({ name: "close", satisfaction: 5 });
    expect(parseCommand("followup Check fridges --owner tao --due 2026-12-01")).toEqual({
      name: "followup",
      text: "Check fridges",
      owner: "tao",
      due: "2026-12-01",
    });
    expect(parseCommand("followup done #2 F1")).toEqual({ name: "followup_done", number: 2, id: "F1" });
  });

  it("gives help for an empty command", () => {
    expect(parseCommand("")).toEqual({ name: "help", topic: undefined });
  });

  it("names the problem and the usage that would have worked", () => {
    const e = usageError("declare urgent");
    expect(e.code).toBe("COMMAND.USAGE");
    expect(e.params.problem).toBe("missingTitle");
    expect(e.usage).toMatch(/^\/incident declare <urgent\|important\|general> <title>/);
    expect(usageError("close --satisfaction 9").params).toMatchObject({ problem: "badOption", key: "satisfaction", value: "9" });
    expect(usageError("update everyone hi").params.problem).toBe("badAudience");
    expect(usageError("role boss lee").params.problem).toBe("badRole");
    expect(usageError("dance").code).toBe("COMMAND.UNKNOWN");
  });
});
