import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; DATABASE_URL comes from the environment.
// Migrations are applied by Beacon's own runner (src/infra/db/migrate.ts), so
// the CLI is only used for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
