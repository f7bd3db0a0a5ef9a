-- Cases (issue 4, item 6): opened from a person or a household, with status, assigned
-- caseworker and team, a plan of tasks, notes, attachments and a timeline of events.
-- As elsewhere, personal content is encrypted with the organisation's data key: note text,
-- free-text tasks, attachment names and bytes, and the reasons for closing and reopening.
-- Only coarse facts needed in SQL (status, dates, assignee, team, task keys) stay in clear.
-- `version` makes concurrent edits of the case header detectable (optimistic concurrency).

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  person_id uuid REFERENCES people (id),
  household_id uuid REFERENCES households (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'active', 'on_hold', 'closed')),
  assigned_account_id uuid REFERENCES accounts (id),
  team_id uuid REFERENCES teams (id),
  child_protection boolean NOT NULL DEFAULT false,
  opened_by uuid REFERENCES accounts (id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK (person_id IS NOT NULL OR household_id IS NOT NULL),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX cases_org_opened ON cases (org_id, opened_at DESC, id DESC);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_household ON cases (household_id);
CREATE INDEX cases_assigned ON cases (assigned_account_id, status);
CREATE INDEX cases_team ON cases (team_id, status);

CREATE TABLE case_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  -- A catalogue task (packages/core/src/cases/case-tasks.ts), or NULL with an encrypted description.
  task_key text,
  description bytea,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'best_interests', 'screening')),
  owner_account_id uuid REFERENCES accounts (id),
  due_on date,
  done boolean NOT NULL DEFAULT false,
  completed_by uuid REFERENCES accounts (id),
  completed_at timestamptz,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK (task_key IS NOT NULL OR description IS NOT NULL)
);
CREATE INDEX case_tasks_case ON case_tasks (case_id, position, created_at);
CREATE INDEX case_tasks_open_due ON case_tasks (case_id, due_on) WHERE NOT done;

CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  body bytea NOT NULL,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at);

CREATE TABLE case_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  original_name bytea NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_attachments_case ON case_attachments (case_id, uploaded_at);

-- The case's own timeline: one row per thing that happened. `data` holds only non-personal
-- facts (statuses, task keys, account ids, the version reached); reasons are encrypted.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  org_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL,
  actor_account_id uuid REFERENCES accounts (id),
  at timestamptz NOT NULL DEFAULT now(),
  ref_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Fields of the case header this event changed, and the version it produced (conflicts).
  fields text[] NOT NULL DEFAULT '{}',
  version integer,
  reason bytea
);
CREATE INDEX case_events_case ON case_events (case_id, at, id);
