-- Households and travelling groups, and the person's differentiated profile (issue 4).
-- A household is a family, a caravan group, or the group formed around an unaccompanied or
-- separated child; members are people of the same organisation with a relationship to the
-- household's reference person. The child's responsible adult is named per child.
-- As in people (0002): personal facts are encrypted with the organisation's data key; only
-- coarse facts needed in SQL (kind, size, the profile's blind index) stay in clear.

CREATE TABLE households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  owner_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  kind text NOT NULL CHECK (kind IN ('family', 'caravan_group', 'unaccompanied_child', 'separated_child', 'other')),
  -- Encrypted: a label the team uses ("familia de Dania"), and free notes about the group.
  label bytea,
  notes bytea,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX households_org ON households (org_id, created_at DESC, id DESC);

CREATE TABLE household_members (
  household_id uuid NOT NULL REFERENCES households (id),
  person_id uuid NOT NULL REFERENCES people (id),
  -- The member's relationship to the household's reference person (who has 'self').
  relationship text NOT NULL CHECK (relationship IN ('self', 'parent', 'child', 'guardian', 'ward', 'sibling', 'partner', 'grandparent', 'grandchild', 'other_relative', 'other')),
  -- For a child: the adult member responsible for them (parent, guardian, or another adult
  -- named by the team). NULL for adults and for unaccompanied children.
  responsible_adult_id uuid REFERENCES people (id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  PRIMARY KEY (household_id, person_id),
  CHECK (responsible_adult_id IS NULL OR responsible_adult_id <> person_id)
);
CREATE INDEX household_members_person ON household_members (person_id);

-- The differentiated profile: structured vulnerability and protection indicators
-- (packages/core/src/people/profile.ts). Encrypted as JSON; a blind index of each indicator
-- (organisation's index key) lets lists filter by indicator without revealing it.
ALTER TABLE people ADD COLUMN profile bytea;
ALTER TABLE people ADD COLUMN profile_bi text[] NOT NULL DEFAULT '{}';
CREATE INDEX people_profile_bi ON people USING gin (profile_bi);

-- A person's photo (optional): the image bytes encrypted with the organisation's data key, as
-- evidence files are (decision 0109); only the sniffed type and the size stay in clear.
CREATE TABLE person_photos (
  person_id uuid PRIMARY KEY REFERENCES people (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
