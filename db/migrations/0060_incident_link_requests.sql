-- Asking a person's caseworker to link an anonymous victim (decision 0137). A documentation
-- officer who may not see a person counts the victim anonymously and leaves the name the victim
-- gave (encrypted); the request goes to the accounts that look after people of that name (or to
-- the organisation's caseworkers and coordinators when none is found), who link the person with
-- their consent or decline. The requester never learns whom the request reached.
CREATE TABLE incident_link_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  event_id uuid NOT NULL REFERENCES incident_events (id) ON DELETE CASCADE,
  victim_id uuid REFERENCES incident_victims (id) ON DELETE SET NULL,
  requested_by uuid NOT NULL REFERENCES accounts (id),
  name_hint bytea NOT NULL,   -- encrypted: the name the victim gave
  note bytea,                 -- encrypted: anything that helps recognise the person
  recipients uuid[] NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'linked', 'declined')),
  person_id uuid REFERENCES people (id),
  resolved_by uuid REFERENCES accounts (id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_link_requests_org_status ON incident_link_requests (org_id, status, created_at DESC);
CREATE INDEX incident_link_requests_event ON incident_link_requests (event_id);
