// Runs `prisma generate` offline. Every Prisma CLI command first looks for the
// native schema-engine binary and tries to download it; generate never runs
// it, so any existing file satisfies the check (see shared/platform-notes.md).
// A machine with the real engine keeps using it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
const r = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(r.status ?? 1);
