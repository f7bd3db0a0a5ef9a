-- Missing migrants (issue 6, items 1, 2 and 5): photos of the person sought on a report and of a
-- found person or remains, and the organisation-wide review queue.
-- See docs/decisions/0121-continuous-matching-and-tracing.md.

-- Several photos per record, each encrypted with the organisation's data key exactly like a
-- person's photo (0008): only the sniffed type, the size and who uploaded when stay in clear.
-- Exactly one of report_id / found_id names the record; photos go with their record.
CREATE TABLE missing_photos (
  id uuid PRIMARY KEY,
  -- Upload order (the clock may give two uploads the same instant).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  org_id uuid NOT NULL REFERENCES organisations (id),
  report_id uuid REFERENCES missing_reports (id) ON DELETE CASCADE,
  found_id uuid REFERENCES found_records (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((report_id IS NULL) <> (found_id IS NULL))
);
CREATE INDEX missing_photos_report ON missing_photos (report_id, seq) WHERE report_id IS NOT NULL;
CREATE INDEX missing_photos_found ON missing_photos (found_id, seq) WHERE found_id IS NOT NULL;

-- The review queue of a whole organisation: candidates by status, best score first (keyset
-- pagination on score, id).
CREATE INDEX match_candidates_org_queue ON match_candidates (org_id, review_status, score DESC, id);
