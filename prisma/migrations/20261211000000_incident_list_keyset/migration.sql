-- Lists run newest first by declaration time, then number, a page at a time
-- (keyset): one index serves both the order and the "older than" bound, and
-- the period filters that used the index on declared_at alone.

-- DropIndex
DROP INDEX "incident_declared_at_idx";

-- CreateIndex
CREATE INDEX "incident_declared_at_number_idx" ON "incident"("declared_at", "number");
