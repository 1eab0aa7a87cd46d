import { discordSettingNames } from "../../adapters/discord/settings.js";
import { slackSettingNames } from "../../adapters/slack/settings.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { requireSettings } from "../../src/compose/requirements.js";
import { configSchema, loadConfig } from "../../src/config.js";

// Docker cannot run where the tests run, so the deploy recipes are kept in
// step with the code by reading them: the same commands as the Procfile and
// package.json, only variables Beacon knows, every variable each process
// needs, the port the configuration defaults to, the Node line CI tests on.

const read = (path: string) => readFileSync(path, "utf8");
const procfile = Object.fromEntries(
  read("Procfile")
    .trim()
    .split("\n")
    .map((line) => line.split(/:\s+/, 2) as [string, string]),
);
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; engines: { node: string } };
const dockerfile = read("Dockerfile");
const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; ports?: string[]; image?: string; build?: string }>;
};
const withoutExec = (command: string) => command.replace(/^exec /, "");
const BEACON_SERVICES = ["release", "web", "worker"] as const;
/** What docker compose passes when the operator set only the required (`${NAME:?…}`) variables: the rest take their `:-` defaults. */
const substituted = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      v.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, how?: string, rest?: string) =>
        how === "-" ? (rest ?? "") : name.endsWith("SECRET") ? "s".repeat(64) : name.endsWith("URL") ? "https://beacon.example.com" : "set",
      ),
    ]),
  );

describe("the deploy recipes", () => {
  it("run the same commands in the Procfile, package.json and docker-compose.yml", () => {
    expect(Object.keys(procfile)).toEqual(["release", "web", "worker"]);
    expect(withoutExec(procfile.release!)).toBe(withoutExec(pkg.scripts["db:migrate"]!));
    expect(withoutExec(procfile.web!)).toBe(withoutExec(pkg.scripts.web!));
    expect(withoutExec(procfile.worker!)).toBe(withoutExec(pkg.scripts.worker!));
    for (const name of BEACON_SERVICES) expect(compose.services[name]!.command!.join(" "), name).toBe(withoutExec(procfile[name]!));
  });

  it("start Beacon with exec semantics, so SIGTERM reaches it and not a shell or npm", () => {
    for (const command of Object.values(procfile)) expect(command).toMatch(/^exec node dist\//);
    for (const script of ["start", "web", "worker", "db:migrate"]) expect(pkg.scripts[script]).toMatch(/^exec node dist\//);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/main\.js", "--mode", "serve"\]$/m);
  });

  it("build a compiled, non-root image on the Node line package.json and CI name", () => {
    const froms = [...dockerfile.matchAll(/^FROM node:(\d+)-\S+/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThanOrEqual(2); // multi-stage
    expect(new Set(froms)).toEqual(new Set([/^>=(\d+)/.exec(pkg.engines.node)![1]]));
    expect(read(".ci/run")).toMatch(new RegExp(`NODE_LTS=${froms[0]}\\.`));
    expect(dockerfile).toMatch(/^RUN .*npm run build/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain("npm ci --omit=dev");
  });

  it("expose the port the configuration defaults to", () => {
    const port = String(loadConfig({}).PORT);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, "m"));
    expect(dockerfile).toMatch(new RegExp(`PORT=${port}\\b`));
    expect(compose.services.web!.ports).toEqual([`${port}:${port}`]);
  });

  it("set only variables Beacon reads, and every variable each process needs", () => {
    const known = new Set([...Object.keys(configSchema.shape), ...slackSettingNames, ...discordSettingNames]);
    for (const name of BEACON_SERVICES) {
      const env = compose.services[name]!.environment!;
      expect(
        Object.keys(env).filter((k) => !known.has(k)),
        name,
      ).toEqual([]);
      const config = loadConfig(substituted(env));
      expect(() => requireSettings(name === "release" ? "worker" : name, config), name).not.toThrow();
      expect(compose.services[name]!.build, name).toBe(".");
    }
    expect(compose.services.web!.environment!.BEACON_PUBLIC_URL).toMatch(/^\$\{BEACON_PUBLIC_URL:\?/);
    expect(compose.services.web!.environment!.BEACON_LINK_SECRET).toMatch(/^\$\{BEACON_LINK_SECRET:\?/);
  });

  it("document every variable Beacon reads in the README", () => {
    const readme = read("README.md");
    const undocumented = Object.keys(configSchema.shape).filter((k) => !readme.includes(`\`${k}\``));
    expect(undocumented).toEqual([]);
  });
});
