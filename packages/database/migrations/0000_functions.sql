-- Allocation maps are either empty (not classified yet) or numbers 0-100 summing to 100 within 0.05.
CREATE OR REPLACE FUNCTION alex_allocation_valid(m jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN m IS NULL OR m = '{}'::jsonb THEN true
    WHEN jsonb_typeof(m) <> 'object' THEN false
    ELSE (
      SELECT bool_and(jsonb_typeof(e.value) = 'number'
                      AND (e.value::text)::numeric BETWEEN 0 AND 100)
             AND abs(sum(CASE WHEN jsonb_typeof(e.value) = 'number' THEN (e.value::text)::numeric END) - 100) <= 0.05
      FROM jsonb_each(m) AS e
    )
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION update_updated_at_column() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$;
