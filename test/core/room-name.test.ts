import { describe, expect, it } from "vitest";
import { roomName } from "../../src/core/room-name.js";
import { sampleIncident } from "../infra/db/sample-incident.js";
import { defaultPolicy } from "../helpers/default-policy.js";

const policy = defaultPolicy();
const named = (title: string, over: Parameters<typeof sampleIncident>[0] = {}) =>
  roomName(policy, sampleIncident({ number: 7, title, ...over }));

describe("a room's name", () => {
  it("folds accents on Latin letters instead of splitting words", () => {
    expect(named("très urgent")).toBe("inc-7-tres-urgent");
    expect(named("Straße gesperrt — Ærø")).toBe("inc-7-strasse-gesperrt-aero");
    expect(named("Ｃｈｅｃｋｏｕｔ down!")).toBe("inc-7-checkout-down");
  });

  it("keeps letters of other scripts as written", () => {
    expect(named("结账失败")).toBe("inc-7-结账失败");
    expect(named("Оплата не проходит")).toBe("inc-7-оплата-не-проходит");
    expect(named("सर्वर डाउन")).toBe("inc-7-सर्वर-डाउन");
    expect(named("서버 다운")).toBe("inc-7-서버-다운");
    expect(named("🔥🔥 fire")).toBe("inc-7-fire");
  });

  it("stays within 80 characters without cutting a character in half", () => {
    const name = named("𠀀".repeat(100));
    expect([...name].length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^inc-7-𠀀+$/u);
    expect(named("x".repeat(200), { drill: true }).length).toBeLessThanOrEqual(80);
  });
});
