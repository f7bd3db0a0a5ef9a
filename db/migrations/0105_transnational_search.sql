-- Transnational search between peered deployments (decision 0151, docs/federation.md §4).
-- Each agreement has its own linkage secret, derived by both sides from an X25519 exchange in the
-- invitation and its answer (never sent); each side keeps its own key for opaque references and
-- encoding noise. Reports with the family's consent are encoded and sent through an outbox; the
-- partner keeps an encoded index of its consenting records and answers with opaque references and
-- scores; each side reviews the pairs, and only when both agreed are the agreed fields exchanged.
-- Every bytea below is encrypted under the organisation's data key (registered for rotation in
-- apps/server/src/federation/federation-crypto.ts). No table holds a name, date or place in clear.

-- The inviting side's half of the exchange, kept until the answer arrives, then erased.
ALTER TABLE federation_invitations ADD COLUMN agreement_key bytea;
-- Fields a tracing exchange may reveal, as proposed (the answer may narrow them).
ALTER TABLE federation_invitations ADD COLUMN tracing_fields text[] NOT NULL DEFAULT '{}';

-- The agreement as both sides hold it: its id (SHA-256 of the invitation token, known to both and
-- the salt of the secret), the linkage secret, this side's own key, the fields tracing may reveal.
ALTER TABLE federation_peers ADD COLUMN agreement_id text;
ALTER TABLE federation_peers ADD COLUMN search_secret bytea;
ALTER TABLE federation_peers ADD COLUMN owner_key bytea;
ALTER TABLE federation_peers ADD COLUMN tracing_fields text[] NOT NULL DEFAULT '{}';

-- This side's records encoded under an agreement: reports sent as searches, and the index of
-- consenting found records and people the partner's searches are compared with. `ref` is the
-- opaque reference the partner knows; `version` says which version of the record was encoded.
CREATE TABLE federation_encodings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  peer_id uuid NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  record_kind text NOT NULL CHECK (record_kind IN ('missing_report', 'person', 'found_record')),
  record_id uuid NOT NULL,
  ref text NOT NULL,
  version integer NOT NULL,
  encoding bytea NOT NULL,
  encoded_at timestamptz NOT NULL,
  UNIQUE (peer_id, record_kind, record_id),
  UNIQUE (peer_id, ref)
);

-- What the partner searched for: its opaque reference and the encoding, nothing else.
CREATE TABLE federation_received_queries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  peer_id uuid NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  ref text NOT NULL,
  encoding bytea NOT NULL,
  received_at timestamptz NOT NULL,
  UNIQUE (peer_id, ref)
);

-- A pair across the border, as this side sees it. side 'report': this side's report and the
-- partner's record; side 'record': the partner's report and this side's record. Both sides name
-- the pair by (report_ref, record_ref).
CREATE TABLE federation_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  peer_id uuid NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  side text NOT NULL CHECK (side IN ('report', 'record')),
  local_kind text NOT NULL CHECK (local_kind IN ('missing_report', 'person', 'found_record')),
  local_id uuid NOT NULL,
  report_ref text NOT NULL,
  record_ref text NOT NULL,
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  engine_decision text NOT NULL CHECK (engine_decision IN ('match', 'possible')),
  -- Per-field levels, weights and reasons without values ("nombre muy parecido (codificado)").
  explanation jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'agreed', 'not_same', 'closed')),
  closed_reason text CHECK (closed_reason IN ('withdrawn', 'agreement_revoked', 'erased')),
  our_decision text CHECK (our_decision IN ('same_person', 'not_same')),
  our_decided_by uuid REFERENCES accounts (id),
  our_decided_at timestamptz,
  their_decision text CHECK (their_decision IN ('same_person', 'not_same')),
  their_decided_at timestamptz,
  tracing_sent_at timestamptz,
  tracing_sent_fields text[],
  tracing_received_at timestamptz,
  tracing_received_fields text[],
  -- What the partner sent once both agreed: JSON of the agreed fields, encrypted.
  tracing_received bytea,
  proposed_at timestamptz NOT NULL,
  rescored_at timestamptz,
  UNIQUE (peer_id, report_ref, record_ref)
);
CREATE INDEX federation_candidates_org ON federation_candidates (org_id, status, score DESC);
CREATE INDEX federation_candidates_local ON federation_candidates (local_kind, local_id);

-- Messages to peers, delivered in order per peer, at least once, retried with back-off while
-- the agreement is in force; the id is the idempotency key the receiver remembers. The payload
-- holds encodings, opaque references, scores and decisions only: a tracing message holds the
-- local pair id, and its fields are read (and checked again) when it is sent.
CREATE TABLE federation_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  peer_id uuid NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('search', 'candidates', 'withdraw', 'decision', 'tracing')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'refused', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX federation_outbox_pending ON federation_outbox (peer_id, seq) WHERE status = 'pending';

-- Message ids already applied, per peer: a retried message is applied once.
CREATE TABLE federation_inbox (
  peer_id uuid NOT NULL REFERENCES federation_peers (id) ON DELETE CASCADE,
  message_id uuid NOT NULL,
  kind text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (peer_id, message_id)
);
