import type { AccessGrant, AccessStore } from "../../ports/access-store.js";
import type { PrismaClient } from "./generated/client.js";
import { translateConnectionErrors } from "./connection-errors.js";

const liveAt = (now: Date) => ({ revokedAt: null, usedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/** The reviewer pages' logins, sessions and API tokens in the `access_grant` table. */
export class PrismaAccessStore implements AccessStore {
  constructor(private readonly prisma: PrismaClient) {
    return translateConnectionErrors(this);
  }

  async add(g: Omit<AccessGrant, "usedAt" | "revokedAt">): Promise<void> {
    await this.prisma.accessGrant.create({ data: g });
  }

  async live(id: string, now: Date): Promise<AccessGrant | null> {
    return (await this.prisma.accessGrant.findFirst({ where: { id, ...liveAt(now) } })) as AccessGrant | null;
  }

  async redeem(id: string, now: Date): Promise<AccessGrant | null> {
    // One conditional update: of two requests with the same link, one gets it.
    const used = await this.prisma.accessGrant.updateMany({ where: { id, kind: "login", ...liveAt(now) }, data: { usedAt: now } });
    return used.count === 1 ? ((await this.prisma.accessGrant.findUnique({ where: { id } })) as AccessGrant | null) : null;
  }

  async list(now: Date): Promise<AccessGrant[]> {
    return (await this.prisma.accessGrant.findMany({
      where: { kind: { not: "login" }, ...liveAt(now) },
      orderBy: { createdAt: "desc" },
      take: 500,
    })) as AccessGrant[];
  }

  async revoke(subject: string, now: Date): Promise<number> {
    return (await this.prisma.accessGrant.updateMany({ where: { subject, ...liveAt(now) }, data: { revokedAt: now } })).count;
  }
}
