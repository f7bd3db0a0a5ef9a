-- Missing migrants (issue 6, items 5 and 6): the family's consent to trace, recorded on the report,
-- and tracing requests between organisations (a search request with minimal fields, answered with
-- opaque candidate references until the partner accepts and chooses what to share). Continuous
-- matching needs no table of its own: it runs on the job queue of 0010 (kinds 'missing.*').
-- See docs/decisions/0121-continuous-matching-and-tracing.md.

-- The family's consent to search with other organisations (ICRC Restoring Family Links practice:
-- a tracing request is made only with the consent of the enquirer). Who gave it, their
-- relationship and how are encrypted (JSON {givenBy, relationship, method, date}); the moment it
-- was recorded or withdrawn stays in clear so the server can refuse a request without it.
ALTER TABLE missing_reports ADD COLUMN trace_consent bytea;
ALTER TABLE missing_reports ADD COLUMN trace_consent_at timestamptz;
ALTER TABLE missing_reports ADD COLUMN trace_consent_withdrawn_at timestamptz;

-- The periodic sweep enqueues every open report.
CREATE INDEX missing_reports_open ON missing_reports (org_id, id) WHERE status = 'open';

CREATE TABLE tracing_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_org_id uuid NOT NULL REFERENCES organisations (id),
  report_id uuid NOT NULL REFERENCES missing_reports (id),
  to_org_id uuid NOT NULL REFERENCES organisations (id),
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'withdrawn')),
  -- The minimal search fields (names, aliases, sex, birth date, month and place of last contact),
  -- encrypted with the *partner's* key: the partner must read them to search its records. Erased
  -- when the partner declines or the family withdraws its consent (status 'withdrawn').
  query bytea,
  -- Counts only (how many references, of which strong): what the requester sees before acceptance.
  candidates_found integer NOT NULL DEFAULT 0,
  -- The partner's answer to the requester (free text), encrypted with the requester's key.
  reply bytea,
  decided_by uuid REFERENCES accounts (id),
  decided_at timestamptz,
  CHECK (from_org_id <> to_org_id)
);
CREATE INDEX tracing_requests_from ON tracing_requests (from_org_id, created_at DESC, id DESC);
CREATE INDEX tracing_requests_to ON tracing_requests (to_org_id, created_at DESC, id DESC);
-- One open request per report and partner.
CREATE UNIQUE INDEX tracing_requests_open ON tracing_requests (report_id, to_org_id) WHERE status = 'sent';

-- A partner's record that may be the person sought. The requester sees only the row's own id
-- (an opaque reference) and the score band; candidate_kind / candidate_id never leave the partner.
-- After acceptance, the fields the partner chose are copied, encrypted with the requester's key,
-- into shared_details; references the partner did not choose are deleted, and all are deleted
-- when it declines.
CREATE TABLE tracing_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES tracing_requests (id) ON DELETE CASCADE,
  partner_org_id uuid NOT NULL REFERENCES organisations (id),
  requester_org_id uuid NOT NULL REFERENCES organisations (id),
  candidate_kind text NOT NULL CHECK (candidate_kind IN ('person', 'found_record')),
  candidate_id uuid NOT NULL,
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  score_band text NOT NULL CHECK (score_band IN ('strong', 'possible')),
  shared_fields text[] NOT NULL DEFAULT '{}',
  shared_details bytea,
  UNIQUE (request_id, candidate_kind, candidate_id)
);
CREATE INDEX tracing_candidates_request ON tracing_candidates (request_id, score DESC);
