-- A new incident in one statement: take the next number from the counter row
-- and commit the change decided for it (beacon_commit), if the change was
-- decided for that very number. The application decides before it knows the
-- number, on the number it expects; a statement is atomic, so the counter row
-- is locked only while the server runs it, never across a round trip. When the
-- number taken is not the one expected, nothing is written and the number is
-- given back: SQLSTATE BC428, the number that would have been taken in DETAIL,
-- and the application takes the number inside a transaction instead.
CREATE OR REPLACE FUNCTION beacon_commit_new(c jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  -- Past the highest number already there (an import), as the declare's transaction does.
  UPDATE incident_counter SET last = GREATEST(last, (SELECT COALESCE(MAX(number), 0) FROM incident)) + 1
   WHERE id = 1 RETURNING last INTO n;
  IF n IS DISTINCT FROM (c->'incident'->>'number')::integer THEN
    RAISE EXCEPTION 'the next incident number is %, not %', n, c->'incident'->>'number'
      USING ERRCODE = 'BC428', DETAIL = n::text;
  END IF;
  PERFORM beacon_commit(c);
  RETURN n;
END
$$;
