-- Access to the reviewer pages as server-side records: one-use login tokens,
-- the sessions they open, and the JSON API's named, scoped tokens. Revoking
-- one stops it on the next request.
CREATE TABLE "access_grant" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_grant_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "access_grant_subject_idx" ON "access_grant"("subject");
