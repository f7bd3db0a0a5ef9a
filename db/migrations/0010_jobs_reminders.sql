-- Background jobs and deadline reminders (issue 5, item 6). See docs/decisions/0116-job-queue.md.
--
-- A small table-backed queue that behaves the same on PGlite (one connection, in-process worker)
-- and on server PostgreSQL (several workers claim with FOR UPDATE SKIP LOCKED). A job is claimed
-- in one short transaction (status 'running', a lease in locked_until), run outside any
-- transaction, then marked done, or put back with a later run_at, or - after max_attempts -
-- left as 'failed' with its last error for administrators to see. Payloads carry references
-- only, never personal data.

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The organisation a job concerns (its admins see it when it fails); null for deployment-wide jobs.
  org_id uuid REFERENCES organisations (id),
  -- At most one pending or running job per key (recurring jobs, one e-mail per reminder).
  unique_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_failed ON jobs (org_id, finished_at DESC) WHERE status = 'failed';
CREATE UNIQUE INDEX jobs_unique_active ON jobs (unique_key) WHERE status IN ('pending', 'running');

-- One reminder per step, due date and window ('d7', 'd3', 'd1', 'overdue'): running the reminder
-- job twice never notifies twice; a deadline that moves gets reminders for its new date.
CREATE TABLE deadline_reminders (
  procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  step_key text NOT NULL,
  due_date date NOT NULL,
  reminder_window text NOT NULL CHECK (reminder_window IN ('d7', 'd3', 'd1', 'overdue')),
  account_id uuid NOT NULL REFERENCES accounts (id),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procedure_id, step_key, due_date, reminder_window)
);
CREATE INDEX deadline_reminders_notification ON deadline_reminders (notification_id);

-- The staff app lists unread notifications first, newest first.
CREATE INDEX notifications_account_unread ON notifications (account_id, org_id, created_at DESC) WHERE read_at IS NULL;
