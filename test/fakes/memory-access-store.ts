import type { AccessGrant, AccessStore } from "../../src/ports/access-store.js";

/** The AccessStore in memory, with the Prisma one's semantics (test/infra/db/access-store-contract.ts). */
export class MemoryAccessStore implements AccessStore {
  grants = new Map<string, AccessGrant>();

  async add(g: Omit<AccessGrant, "usedAt" | "revokedAt">): Promise<void> {
    if (this.grants.has(g.id)) throw new Error(`grant ${g.id} exists`);
    this.grants.set(g.id, { ...g, usedAt: null, revokedAt: null });
  }
  async live(id: string, now: Date): Promise<AccessGrant | null> {
    const g = this.grants.get(id);
    return g && isLive(g, now) ? { ...g } : null;
  }
  async redeem(id: string, now: Date): Promise<AccessGrant | null> {
    const g = this.grants.get(id);
    if (!g || g.kind !== "login" || !isLive(g, now)) return null;
    g.usedAt = now;
    return { ...g };
  }
  async list(now: Date): Promise<AccessGrant[]> {
    return [...this.grants.values()]
      .filter((g) => g.kind !== "login" && isLive(g, now))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((g) => ({ ...g }));
  }
  async revoke(subject: string, now: Date): Promise<number> {
    let n = 0;
    for (const g of this.grants.values())
      if (g.subject === subject && isLive(g, now)) {
        g.revokedAt = now;
        n++;
      }
    return n;
  }
}

const isLive = (g: AccessGrant, now: Date) => !g.revokedAt && !g.usedAt && (!g.expiresAt || g.expiresAt > now);
