import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../src/app/dispatch.js";
import { openEmbedded } from "../../src/compose/embedded.js";
import { Teardown } from "../../src/compose/lifecycle.js";
import { ManualClock } from "../../src/infra/clocks.js";
import { loadPolicyFile } from "../../src/infra/policy-file.js";
import type { OpenRoom } from "../../src/ports/chat.js";
import { silentLogger } from "../../src/ports/logger.js";
import { RecordingChat } from "../fakes/recording-chat.js";

/** A chat whose rooms open only when the test says so, counting how many wait at once. */
class GatedChat extends RecordingChat {
  waiting = 0;
  most = 0;
  private gates: Array<() => void> = [];
  override async openRoom(req: OpenRoom) {
    this.waiting++;
    this.most = Math.max(this.most, this.waiting);
    await new Promise<void>((r) => this.gates.push(r));
    this.waiting--;
    return super.openRoom(req);
  }
  openAll(): void {
    for (const g of this.gates.splice(0)) g();
  }
}

const teardown = new Teardown(silentLogger);
afterEach(() => teardown.run());

describe("the embedded process's deliveries", () => {
  it("run as many incidents' batches at once as BEACON_WORKER_CONCURRENCY allows, and no more", async () => {
    const chat = new GatedChat();
    const policy = loadPolicyFile();
    const clock = new ManualClock(new Date("2026-11-27T09:30:00Z"));
    const e = await openEmbedded(
      { policy, dataDir: ":memory:", log: silentLogger, clock, auto: true, chats: [["test", chat]], concurrency: 3 },
      teardown,
    );
    await e.startTimers();
    const actor = { platform: "test", userId: "dana", name: "Dana", personId: "dana" };
    for (let i = 0; i < 7; i++) {
      const reply = await dispatch(e.deps, { actor, text: `declare urgent Storm ${i} --kind complaint`, requestKey: `storm-${i}` });
      expect(reply.error).toBeFalsy();
    }
    await expect.poll(() => chat.waiting, { timeout: 10_000 }).toBe(3);
    // Every incident's room opens in the end: the batches waiting their turn run as slots free up.
    const opened = () => (chat.openAll(), chat.calls.filter((c) => c.op === "openRoom").length);
    await expect.poll(opened, { timeout: 10_000 }).toBe(7);
    expect(chat.most).toBe(3);
  });
});
