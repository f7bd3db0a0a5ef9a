-- Backups taken by the running server (docs/decisions/0133): the scheduled daily ones and those
-- asked for by `acompana backup` while the server runs. What the admin screen shows as "last good
-- backup" and what the two-day warning is measured from. No personal data: file names and sizes.
CREATE TABLE backup_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trigger text NOT NULL CHECK (trigger IN ('scheduled', 'online')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  ok boolean,
  file text CHECK (length(file) <= 4096),
  bytes bigint,
  error_code text CHECK (length(error_code) <= 100),
  -- When the admins were told that no backup had succeeded for two days (at most once a day).
  warned_at timestamptz
);
CREATE INDEX backup_runs_started ON backup_runs (started_at DESC);
