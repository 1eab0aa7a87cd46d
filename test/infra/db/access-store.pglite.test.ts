import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/infra/db/connect.js";
import { PrismaAccessStore } from "../../../src/infra/db/prisma-access-store.js";
import type { AccessStore } from "../../../src/ports/access-store.js";
import { MemoryAccessStore } from "../../fakes/memory-access-store.js";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ dataDir: ":memory:" });
});
afterAll(async () => db?.close());

const T0 = new Date("2026-12-01T10:00:00.000Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function contract(name: string, open: () => AccessStore): void {
  describe(`AccessStore contract: ${name}`, () => {
    it("spends a login once, and not after it expires", async () => {
      const store = open();
      const [a, b] = [randomUUID(), randomUUID()];
      await store.add({ id: a, kind: "login", subject: "ada", scope: "person", createdAt: T0, expiresAt: later(15) });
      await store.add({ id: b, kind: "login", subject: "ada", scope: "person", createdAt: T0, expiresAt: later(15) });
      const both = await Promise.all([store.redeem(a, later(1)), store.redeem(a, later(1))]);
      expect(both.filter(Boolean)).toHaveLength(1);
      expect(both.find(Boolean)).toMatchObject({ subject: "ada", kind: "login" });
      expect(await store.redeem(b, later(16))).toBeNull();
      expect(await store.redeem(randomUUID(), later(1))).toBeNull();
    });

    it("lists live sessions and tokens, and revokes all of a subject's at once", async () => {
      const store = open();
      const subject = `p-${randomUUID()}`;
      const [s, t, old] = [randomUUID(), randomUUID(), randomUUID()];
      await store.add({ id: s, kind: "session", subject, scope: "person", createdAt: T0, expiresAt: later(60) });
      await store.add({ id: t, kind: "token", subject, scope: "figures", createdAt: later(1), expiresAt: null });
      await store.add({ id: old, kind: "session", subject, scope: "person", createdAt: T0, expiresAt: later(5) });
      const mine = (await store.list(later(10))).filter((g) => g.subject === subject);
      expect(mine.map((g) => g.id)).toEqual([t, s]);
      expect(await store.live(s, later(10))).toMatchObject({ kind: "session", scope: "person" });
      expect(await store.live(old, later(10))).toBeNull();
      expect(await store.revoke(subject, later(10))).toBe(2);
      expect(await store.live(s, later(11))).toBeNull();
      expect(await store.live(t, later(11))).toBeNull();
      expect(await store.revoke(subject, later(12))).toBe(0);
    });
  });
}

contract("Prisma on embedded PGlite", () => new PrismaAccessStore(db.prisma));
contract("in-memory test fake", () => new MemoryAccessStore());
