import { describe, expect, it } from "vitest";
import { requireSettings } from "../../src/compose/requirements.js";
import { loadConfig } from "../../src/config.js";

const complete = {
  DATABASE_URL: "postgresql://beacon@db:5432/beacon",
  REDIS_URL: "redis://redis:6379",
  BEACON_PUBLIC_URL: "https://beacon.example.com",
  BEACON_LINK_SECRET: "0123456789abcdef0123456789abcdef",
};

describe("settings each mode needs", () => {
  it("lets the console run with nothing set", () => {
    expect(() => requireSettings("console", loadConfig({}))).not.toThrow();
  });

  it("lets each mode run with what it needs", () => {
    for (const mode of ["serve", "web", "worker"] as const) expect(() => requireSettings(mode, loadConfig(complete))).not.toThrow();
  });

  it("names every missing setting of the web process in one line", () => {
    expect(() => requireSettings("web", loadConfig({}))).toThrow(
      /^web needs DATABASE_URL, REDIS_URL, BEACON_PUBLIC_URL and BEACON_LINK_SECRET \(/,
    );
  });

  it("refuses, in production, any secret or token shorter than 32 bytes", () => {
    const short = "0123456789abcdef0123456789abcde"; // 31 bytes
    for (const name of ["BEACON_LINK_SECRET", "BEACON_REVIEW_TOKEN", "BEACON_METRICS_TOKEN"])
      for (const mode of ["web", "worker"] as const)
        expect(() => requireSettings(mode, loadConfig({ ...complete, [name]: short })), `${mode} ${name}`).toThrow(
          `${name} is too short (at least 32 bytes`,
        );
  });

  it("lets the worker run without a public URL or link secret: it posts no links", () => {
    expect(() =>
      requireSettings("worker", loadConfig({ DATABASE_URL: complete.DATABASE_URL, REDIS_URL: complete.REDIS_URL })),
    ).not.toThrow();
  });

  it("refuses a public URL that is not an http(s) address", () => {
    expect(() => requireSettings("serve", loadConfig({ BEACON_PUBLIC_URL: "beacon.example.com" }))).toThrow(
      'serve cannot start; BEACON_PUBLIC_URL must be an http(s) address such as https://beacon.example.com, not "beacon.example.com"',
    );
  });
});
