-- CreateSequence: incident numbers (INC-1, INC-2, ...), reserved before the incident row is written.
CREATE SEQUENCE "incident_number_seq" START 1;

-- CreateTable
CREATE TABLE "incident" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "request_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "declared_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "room_platform" TEXT,
    "room_channel_id" TEXT,
    "version" INTEGER NOT NULL,
    "state" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_entry" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "type" TEXT NOT NULL,
    "actor" JSONB NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "timeline_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timer" (
    "key" TEXT NOT NULL,
    "incident_id" TEXT,
    "kind" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "fired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "timer_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_number_key" ON "incident"("number");
CREATE UNIQUE INDEX "incident_request_key_key" ON "incident"("request_key");
CREATE INDEX "incident_room_platform_room_channel_id_idx" ON "incident"("room_platform", "room_channel_id");
CREATE INDEX "incident_declared_at_idx" ON "incident"("declared_at");
CREATE INDEX "incident_status_idx" ON "incident"("status");
CREATE UNIQUE INDEX "timeline_entry_incident_id_seq_key" ON "timeline_entry"("incident_id", "seq");
CREATE INDEX "timeline_entry_at_idx" ON "timeline_entry"("at");
CREATE INDEX "timer_state_due_at_idx" ON "timer"("state", "due_at");
CREATE INDEX "timer_incident_id_idx" ON "timer"("incident_id");

-- AddForeignKey
ALTER TABLE "timeline_entry" ADD CONSTRAINT "timeline_entry_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "timer" ADD CONSTRAINT "timer_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
