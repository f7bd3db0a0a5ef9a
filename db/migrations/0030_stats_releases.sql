-- Published statistics releases (decision 0127). Nothing public is computed on request: a person
-- allowed to publish prepares a release (title, closed period, tables, organisations taking part),
-- previews it with suppression applied and publishes it. The published document is frozen here:
-- `document` is the exact JSON text served by GET /api/public/releases/{id}, `content_hash` the
-- SHA-256 of its tables. Later writes never touch a published row.
CREATE TABLE stats_releases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Whole months, 'YYYY-MM', inclusive.
  period_from text NOT NULL CHECK (period_from ~ '^\d{4}-\d{2}$'),
  period_to text NOT NULL CHECK (period_to ~ '^\d{4}-\d{2}$' AND period_to >= period_from),
  indicators text[] NOT NULL,
  org_ids uuid[] NOT NULL,
  document text NOT NULL,
  content_hash text NOT NULL,
  -- The exact counts each table was protected from (cube values, margins included), per indicator:
  -- needed to protect a later revision of an overlapping period against this one (decision 0127).
  -- Aggregates only, never served; not part of the public document.
  protected_counts jsonb NOT NULL,
  -- The earlier releases of an overlapping period this one was protected against.
  revises uuid[] NOT NULL DEFAULT '{}',
  published_by uuid NOT NULL REFERENCES accounts (id),
  published_by_org uuid NOT NULL REFERENCES organisations (id),
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stats_releases_published ON stats_releases (published_at DESC, id DESC);

-- A published release is never rewritten: only a new release (a revision) can follow it.
CREATE FUNCTION stats_releases_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stats_releases rows are frozen once published';
END $$;
CREATE TRIGGER stats_releases_no_update BEFORE UPDATE OR DELETE ON stats_releases
  FOR EACH ROW EXECUTE FUNCTION stats_releases_frozen();

-- What an organisation contributes to network releases: besides restricted records (never
-- counted), the confidentiality levels it keeps out ('internal', 'shareable').
CREATE TABLE stats_participation (
  org_id uuid PRIMARY KEY REFERENCES organisations (id),
  exclude_levels text[] NOT NULL DEFAULT '{}' CHECK (exclude_levels <@ ARRAY['internal', 'shareable']::text[]),
  updated_by uuid REFERENCES accounts (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
