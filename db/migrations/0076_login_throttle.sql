-- Sign-in throttling kept in the database (docs/decisions/0140-...): it survives a restart and every
-- server process of a deployment counts the same attempts. Keys are HMAC-SHA-256 of "bucket|address"
-- or "bucket|e-mail" under a key derived from the deployment's account key: the table holds no
-- address or e-mail in clear. Attempts older than an hour and known places older than 30 days are
-- deleted as new attempts come.
CREATE TABLE login_throttle_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL CHECK (length(key) = 64),
  at timestamptz NOT NULL
);
CREATE INDEX login_throttle_attempts_key ON login_throttle_attempts (key, at);
CREATE INDEX login_throttle_attempts_at ON login_throttle_attempts (at);

-- Where an account fully signed in from (account and address pair): not held up by the account bucket.
CREATE TABLE login_throttle_known (
  key text PRIMARY KEY CHECK (length(key) = 64),
  at timestamptz NOT NULL
);
CREATE INDEX login_throttle_known_at ON login_throttle_known (at);
