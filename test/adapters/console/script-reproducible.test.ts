import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readScript } from "../../../adapters/console/run-console.js";
import { runConsoleWorkspace } from "../../../src/compose/console.js";
import { silentLogger } from "../../../src/ports/logger.js";
import { loadPolicyFile } from "../../../src/infra/policy-file.js";
import type { Policy } from "../../../src/core/policy/schema.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

// Script mode is a demo and a test fixture: the same script prints the same
// bytes on every run, on any day, in any machine time zone. The committed
// transcripts are the guard: they were written on another day than the one
// this runs on, so anything leaking today's date, a random id or an elapsed
// time fails here.

const DEMO = "demo/urgent-complaint.txt";
// The second demo runs on its own policy: the default one with the commented rotation and alert examples switched on.
const ONCALL_DEMO = "demo/oncall-alert.txt";
const ONCALL_POLICY = "demo/oncall-alert.policy.yml";

async function inProcess(locale: "en" | "zh", demo = DEMO, policy: Policy = defaultPolicy(locale)): Promise<string> {
  const out: string[] = [];
  await runConsoleWorkspace({
    policy,
    script: readScript(demo),
    dataDir: ":memory:",
    out: (l) => out.push(l),
    log: silentLogger,
  });
  return out.join("\n") + "\n";
}

const withoutBeaconSettings = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith("BEACON_")));

describe("console script mode", () => {
  it("prints the committed English transcript of the demo", async () => {
    await expect(await inProcess("en")).toMatchFileSnapshot("transcripts/urgent-complaint.en.txt");
  });

  it("prints the committed Chinese transcript of the demo", async () => {
    await expect(await inProcess("zh")).toMatchFileSnapshot("transcripts/urgent-complaint.zh.txt");
  });

  it("prints the committed English transcript of the on-call and alerts demo", async () => {
    await expect(await inProcess("en", ONCALL_DEMO, loadPolicyFile(ONCALL_POLICY, "en"))).toMatchFileSnapshot(
      "transcripts/oncall-alert.en.txt",
    );
  });

  it("prints the committed Chinese transcript of the on-call and alerts demo", async () => {
    await expect(await inProcess("zh", ONCALL_DEMO, loadPolicyFile(ONCALL_POLICY, "zh"))).toMatchFileSnapshot(
      "transcripts/oncall-alert.zh.txt",
    );
  });

  it("runs the on-call demo on a policy that is the default one with its commented rotation and alert examples switched on", () => {
    const demo = loadPolicyFile(ONCALL_POLICY);
    const base = defaultPolicy();
    expect(Object.keys(demo.rotations ?? {})).toEqual(["ops"]);
    expect(demo.alerts?.sources.alertmanager?.format).toBe("alertmanager");
    expect(demo.severities.important!.paging[0]!.page).toContain("ops");
    const rest = (p: Policy) => ({ ...p, rotations: undefined, alerts: undefined, severities: { ...p.severities, important: undefined } });
    expect(rest(demo)).toEqual(rest(base));
  });

  it("prints the same bytes as a separate process whose date is years away and whose machine time zone differs", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "--import", "./test/helpers/shift-date.mjs", "src/main.ts", "--script", DEMO],
      {
        env: { ...withoutBeaconSettings(process.env), SHIFT_DATE_TO: "2031-06-01T03:00:00Z", TZ: "America/New_York", LOG_LEVEL: "error" },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(stdout).toBe(await inProcess("en"));
  }, 90_000);
});
