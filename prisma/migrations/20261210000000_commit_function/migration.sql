-- One incident change in one statement: the incident (inserted, or updated
-- only at the version the change was decided on), its timeline entries, the
-- timers it adds (idempotently), cancels, and claims (every claimed timer must
-- still be pending). A single statement is atomic on its own, so a command's
-- commit is one round trip instead of a transaction of five or more.
-- SQLSTATE BC409 means the change lost a race (version moved, timer gone):
-- the application decides again on fresh state.
CREATE OR REPLACE FUNCTION beacon_commit(c jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  inc jsonb := c->'incident';
  claims text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(c->'claimTimers', '[]'::jsonb)));
  first_seq integer := (inc->>'nextSeq')::integer - jsonb_array_length(c->'entries');
  n integer;
BEGIN
  IF jsonb_typeof(c->'expectedVersion') = 'null' THEN
    INSERT INTO incident (id, number, request_key, declared_at, status, severity, kind, drill, closed_at,
                          room_platform, room_channel_id, version, state, updated_at)
    VALUES (inc->>'id', (inc->>'number')::integer, inc->>'requestKey', (inc->>'declaredAt')::timestamptz,
            inc->>'status', inc->>'severity', inc->>'kind', (inc->>'drill')::boolean, (inc->>'closedAt')::timestamptz,
            inc->'room'->>'platform', inc->'room'->>'channelId', (inc->>'version')::integer, inc, now());
  ELSE
    UPDATE incident SET status = inc->>'status', severity = inc->>'severity', kind = inc->>'kind',
           drill = (inc->>'drill')::boolean, closed_at = (inc->>'closedAt')::timestamptz,
           room_platform = inc->'room'->>'platform', room_channel_id = inc->'room'->>'channelId',
           version = (inc->>'version')::integer, state = inc, updated_at = now()
     WHERE id = inc->>'id' AND version = (c->>'expectedVersion')::integer;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> 1 THEN
      RAISE EXCEPTION 'incident % moved past version %', inc->>'id', c->>'expectedVersion' USING ERRCODE = 'BC409';
    END IF;
  END IF;
  IF cardinality(claims) > 0 THEN
    UPDATE timer SET state = 'fired', fired_at = now() WHERE key = ANY(claims) AND state = 'pending';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n <> cardinality(claims) THEN
      RAISE EXCEPTION 'timers % are no longer all pending', claims USING ERRCODE = 'BC409';
    END IF;
  END IF;
  INSERT INTO timeline_entry (incident_id, seq, at, type, actor, data)
  SELECT inc->>'id', first_seq + (e.i - 1)::integer, (e.v->>'at')::timestamptz, e.v->>'type', e.v->'actor', e.v->'data'
    FROM jsonb_array_elements(c->'entries') WITH ORDINALITY AS e(v, i);
  INSERT INTO timer (key, incident_id, kind, due_at, payload, state, created_at)
  SELECT t->>'key', t->'payload'->>'incidentId', t->'payload'->>'kind', (t->>'dueAt')::timestamptz, t->'payload', 'pending', now()
    FROM jsonb_array_elements(c->'addTimers') AS t
  ON CONFLICT (key) DO NOTHING;
  UPDATE timer SET state = 'cancelled'
   WHERE key IN (SELECT jsonb_array_elements_text(c->'cancelTimers')) AND state = 'pending';
  RETURN 1;
END
$$;
