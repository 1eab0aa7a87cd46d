-- Incident numbers without gaps: one counter row, taken and updated inside the
-- declare's own transaction (a declare that rolls back gives its number back).
CREATE TABLE "incident_counter" (
    "id" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "incident_counter_pkey" PRIMARY KEY ("id")
);

INSERT INTO "incident_counter" ("id", "last") SELECT 1, COALESCE(MAX("number"), 0) FROM "incident";

DROP SEQUENCE "incident_number_seq";
