-- Referrals to any directory service, ranked and filtered for the person (issue 16, journey 5).
-- See docs/decisions/0139-external-referrals-and-ranked-directory.md.

-- Eligibility a service states in a form the platform can apply: a consulate serves its own
-- nationals. NULL: everyone. HSDS keeps the prose in eligibility_description; this is the part a
-- picker can check against a person's nationality (public information about the service).
ALTER TABLE hsds_services ADD COLUMN served_nationalities char(2)[];

-- Where a returned person is staying now ("Ciudad de México, Ciudad de México"): the place the
-- directory picker ranks services from. Encrypted like the other personal parts of a reception.
ALTER TABLE reintegration_receptions ADD COLUMN staying_place bytea;

-- A referral the organisation makes by itself to a service that does not receive referrals
-- through Acompaña ("canalización externa": a phone call, a letter, an accompanied visit…). No
-- data flows through the platform, so there is no receiver's copy: the reason, the contact, the
-- decline reason and the outcome are the sender's notes, encrypted with the sender's key. The
-- person's referral consent is still required (their data leaves the organisation by phone or
-- on paper). Statuses are those of platform referrals, minus redirection.
CREATE TABLE external_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid NOT NULL REFERENCES people (id),
  service_id uuid NOT NULL REFERENCES hsds_services (id),
  consent_id uuid NOT NULL REFERENCES person_consents (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  created_by uuid REFERENCES accounts (id),
  -- Made for a need of a reintegration plan (the area is in clear, like plan links).
  reception_id uuid REFERENCES reintegration_receptions (id),
  area text,
  channel text NOT NULL CHECK (channel IN ('phone', 'letter', 'accompanied_visit', 'email', 'in_person')),
  referred_on date NOT NULL,
  reason bytea NOT NULL,      -- encrypted
  contact bytea,              -- encrypted: who was spoken to, the letter's reference
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'closed_no_outcome')),
  decline_reason bytea,       -- encrypted
  outcome bytea,              -- encrypted
  answered_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK ((reception_id IS NULL) = (area IS NULL))
);
CREATE INDEX external_referrals_org ON external_referrals (org_id, created_at DESC, id DESC);
CREATE INDEX external_referrals_person ON external_referrals (person_id);
CREATE INDEX external_referrals_reception ON external_referrals (reception_id) WHERE reception_id IS NOT NULL;
