-- "Es la misma persona" across organisations (decision 0136): a link between this
-- organisation's record and a partner's record of the same person. Only the two ids are kept:
-- nothing of the partner's record is copied, and what can be seen of it stays decided by the
-- sharing agreement and the person's consent at the time of each read. Unlinking keeps the row
-- (unlinked_at) so the history stays explainable next to the audit log.
CREATE TABLE person_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id),
  person_id uuid NOT NULL REFERENCES people(id),
  linked_org_id uuid NOT NULL REFERENCES organisations(id),
  linked_person_id uuid NOT NULL REFERENCES people(id),
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  unlinked_at timestamptz,
  unlinked_by uuid REFERENCES accounts(id),
  CHECK (org_id <> linked_org_id)
);
CREATE UNIQUE INDEX person_links_active ON person_links (person_id, linked_person_id) WHERE unlinked_at IS NULL;
CREATE INDEX person_links_linked ON person_links (linked_person_id) WHERE unlinked_at IS NULL;

-- The arrival of a person at the organisation (the intake): the date they arrived, which may be
-- before the day they were registered ("llegó ayer"), and the household registered with them.
CREATE TABLE intake_arrivals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations(id),
  person_id uuid NOT NULL REFERENCES people(id),
  household_id uuid REFERENCES households(id),
  arrived_on date NOT NULL,
  recorded_by uuid REFERENCES accounts(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_arrivals_person ON intake_arrivals (person_id, arrived_on DESC);
