-- CreateTable
CREATE TABLE "oncall_override" (
    "id" TEXT NOT NULL,
    "rotation" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "to_at" TIMESTAMPTZ(3) NOT NULL,
    "replaces" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oncall_override_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "oncall_override_to_at_idx" ON "oncall_override"("to_at");
