-- What the figures read of each incident, kept in the row beside the
-- document (stored generated columns: computed at every write, and for every
-- existing row by this migration), so figures over 100,000 incidents read
-- narrow columns instead of unpacking each JSON document. The SQL in
-- src/infra/db/figures-sql.ts aggregates them; a contract test holds the
-- result equal to core/figures.ts computeFigures.

-- An ISO 8601 instant as written by the core (always with its offset, "Z"),
-- so its value does not depend on the session's time zone: declared immutable
-- so a generated column may use it. PL/pgSQL, so it is never inlined.
CREATE FUNCTION beacon_instant(iso text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN NULLIF(iso, '')::timestamptz;
END $$;

-- Milliseconds from the declaration to an instant of the document (NULL when absent).
CREATE FUNCTION beacon_ms_after(declared timestamptz, iso text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN ((EXTRACT(EPOCH FROM beacon_instant(iso)) - EXTRACT(EPOCH FROM declared)) * 1000)::double precision;
END $$;

-- The clocks that count (not cancelled), in the document's order: their keys, their due times, and the outcome
-- when it no longer depends on the time of reading (core/clock-outcome.ts: waived; met or late once stopped;
-- missed once marked; met-or-not at the close). NULL: running, missed only once `now` passes the due time.
CREATE FUNCTION beacon_clock_keys(clocks jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(c->>'key' ORDER BY o), '{}') FROM jsonb_array_elements(clocks) WITH ORDINALITY AS e(c, o)
  WHERE COALESCE(c->>'cancelledAt', '') = '' $$;

CREATE FUNCTION beacon_clock_due(clocks jsonb) RETURNS timestamptz[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(beacon_instant(c->>'dueAt') ORDER BY o), '{}') FROM jsonb_array_elements(clocks) WITH ORDINALITY AS e(c, o)
  WHERE COALESCE(c->>'cancelledAt', '') = '' $$;

CREATE FUNCTION beacon_clock_settled(clocks jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(CASE
      WHEN COALESCE(c->>'waivedAt', '') <> '' THEN 'waived'
      WHEN COALESCE(c->>'stoppedAt', '') <> '' THEN
        CASE WHEN beacon_instant(c->>'stoppedAt') <= beacon_instant(c->>'dueAt') THEN 'met' ELSE 'missed' END
      WHEN COALESCE(c->>'missedAt', '') <> '' THEN 'missed'
      WHEN COALESCE(c->>'notMetAt', '') <> '' THEN
        CASE WHEN beacon_instant(c->>'notMetAt') > beacon_instant(c->>'dueAt') THEN 'missed' ELSE 'notMet' END
    END ORDER BY o), '{}') FROM jsonb_array_elements(clocks) WITH ORDINALITY AS e(c, o)
  WHERE COALESCE(c->>'cancelledAt', '') = '' $$;

ALTER TABLE "incident"
  ADD COLUMN "acknowledge_ms" DOUBLE PRECISION GENERATED ALWAYS AS (beacon_ms_after("declared_at", "state"->>'acknowledgedAt')) STORED,
  ADD COLUMN "first_response_ms" DOUBLE PRECISION GENERATED ALWAYS AS (beacon_ms_after("declared_at", "state"->>'firstResponseAt')) STORED,
  ADD COLUMN "resolve_ms" DOUBLE PRECISION GENERATED ALWAYS AS (beacon_ms_after("declared_at", "state"->>'resolvedAt')) STORED,
  -- Resolved as the plans count it: accepted by the customer, or closed.
  ADD COLUMN "accepted_or_closed" BOOLEAN GENERATED ALWAYS AS (
    COALESCE("state"->>'closedAt', '') <> '' OR COALESCE(jsonb_typeof("state"->'acceptance'), '') = 'object') STORED,
  ADD COLUMN "satisfaction" DOUBLE PRECISION GENERATED ALWAYS AS (("state"->>'satisfaction')::double precision) STORED,
  ADD COLUMN "clock_keys" TEXT[] GENERATED ALWAYS AS (beacon_clock_keys("state"->'clocks')) STORED,
  ADD COLUMN "clock_due" TIMESTAMPTZ[] GENERATED ALWAYS AS (beacon_clock_due("state"->'clocks')) STORED,
  ADD COLUMN "clock_settled" TEXT[] GENERATED ALWAYS AS (beacon_clock_settled("state"->'clocks')) STORED;
