import { describe, expect, it } from "vitest";
import { readScript } from "../../../adapters/console/run-console.js";
import { runConsoleWorkspace } from "../../../src/compose/console.js";
import { silentLogger } from "../../../src/ports/logger.js";
import { defaultPolicy } from "../../helpers/default-policy.js";

async function run(lines: string[], locale?: "en" | "zh"): Promise<string[]> {
  const out: string[] = [];
  await runConsoleWorkspace({
    policy: defaultPolicy(locale),
    script: lines,
    dataDir: ":memory:",
    out: (l) => out.push(l),
    log: silentLogger,
  });
  return out;
}

const DEMO = readScript("demo/urgent-complaint.txt");

describe("the console workspace in script mode", () => {
  it("walks the demo's urgent complaint from declaration to the return call, with an escalation, a reminder, a reported miss, a waiver and the customer's acceptance", async () => {
    const out = await run(DEMO);
    const text = out.join("\n");
    expect(text).toContain("INC-1 declared by Dana Wu");
    expect(text).toMatch(/✉ Lee Zhang │ 📟 You are paged for INC-1/);
    expect(text).toMatch(/⏫ Escalated to step 2 \(no acknowledgement in time\): @Ada Qian @Bo Xu/);
    expect(text).toMatch(/⏰ Reminder: Start emergency handling is due Fri 27 Nov 18:30 \(in 30 min\)/);
    expect(text).toMatch(/🔴 Deadline missed: Start emergency handling was due Fri 27 Nov 18:30/);
    expect(text).toMatch(/✅ @Lee Zhang acknowledged after 1 h 1 min/);
    expect(text).toMatch(/\| Start emergency handling \| Fri 27 Nov 18:30 \| ❌ missed by 1 min \|/);
    expect(text).toMatch(/\| First written reply \| Mon 30 Nov 09:30 \| ✅ met/);
    expect(text).toMatch(/✉ Ada Qian │ ⚠️ Deadline missed on INC-1 .* Start emergency handling was due Fri 27 Nov 18:30/);
    expect(text).toMatch(/\| Forward to the responsible department \| Mon 30 Nov 17:30 \| 🏳️ waived by Lee Zhang: Handled entirely/);
    expect(text).toMatch(/\| Answer the complaint \| Wed 2 Dec 17:30 \| ✅ met/);
    expect(text).toMatch(/Customer satisfaction\*?\*?: 5\/5/); // the return call's score, counted once
    expect(text).toMatch(/\| Return call to the customer \| Thu 3 Dec 09:00 \| ✅ met/);
    // Only what happened: no deadline shows "met" that nobody met.
    expect(text).not.toMatch(/Forward to the responsible department \| [^|]+ \| ✅/);
    expect(text).not.toMatch(/Something went wrong/);
  });

  it("runs the same demo in Chinese", async () => {
    const text = (await run(DEMO, "zh")).join("\n");
    expect(text).toContain("Dana Wu 登记了 INC-1");
    expect(text).toMatch(/⏫ 已升级到第 2 级（未在规定时间内确认）/);
    expect(text).toMatch(/🔴 时限已超时：启动应急处理 应于 11月27日 周五 18:30 完成/);
    expect(text).toContain("事件总结评估");
    expect(text).toMatch(/\| 启动应急处理 \| 11月27日 周五 18:30 \| ❌ 超时 1分钟 \|/);
  });

  it("answers mistakes with one line and carries on", async () => {
    const out = await run([
      "/clock 2026-11-27 10:00",
      "/incident declare",
      "/incident close #7",
      "/as nobody",
      "/frobnicate",
      "/incident declare general Printer jam",
      "/incident status",
    ]);
    const text = out.join("\n");
    expect(text).toMatch(/↳ Missing severity\.\n {2}↳ Usage: \/incident declare/);
    expect(text).toMatch(/↳ No incident #7\./);
    expect(text).toMatch(/↳ Unknown person "nobody"/);
    expect(text).toMatch(/↳ Unknown console command \/frobnicate/);
    expect(text).toMatch(/↳ Status: Declared/);
  });

  it("answers a /hook it cannot post with one line: no file, no such file, a source the policy lacks", async () => {
    const text = (
      await run([
        "/hook",
        "/hook alertmanager nowhere/at-all.json",
        "/hook alertmanager test/fixtures/alerts/alertmanager.json",
        "/incident status",
      ])
    ).join("\n");
    expect(text).toMatch(/↳ Usage: \/hook <source> <file\.json>/);
    expect(text).toMatch(/↳ Cannot read nowhere\/at-all\.json\./);
    // The default policy has no alert sources: the route answers 404, as it would over HTTP.
    expect(text).toMatch(/↳ POST \/hooks\/alertmanager → 404 \{"error":"no such alert source"\}/);
    expect(text).not.toMatch(/Something went wrong/);
  });

  it("simulates a plan: an urgent complaint declared Friday 17:30", async () => {
    const text = (await run(['/incident plan urgent complaint --at "2026-11-27 17:30"'])).join("\n");
    expect(text).toMatch(/Fri 27 Nov 17:30 {2}step 1: Lee Zhang, Eva Sun, Max Zhou; informs Ada Qian, Bo Xu, Liu Yang/);
    expect(text).toMatch(/Fri 27 Nov 17:35 {2}step 2: Ada Qian, Bo Xu/);
    expect(text).toMatch(/Mon 30 Nov 09:30 {2}First written reply/);
    expect(text).toMatch(/Wed 2 Dec 17:30 {2}Answer the complaint/);
  });
});
