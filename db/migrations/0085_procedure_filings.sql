-- Filings recorded on a procedure's step (a COMAR application, an appeal): the date it was filed
-- and the receipt ("acuse de recibo"), kept encrypted with its SHA-256. Recording one marks the step
-- done on that date and moves the procedure to the stage the filing leads to; for a short while it
-- can be undone, which puts the step and the stage back. An undone filing keeps its row (date,
-- hash, who and when: the audit trail) but not the receipt itself, which may have been the wrong
-- person's document.
CREATE TABLE procedure_filings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_id uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations (id),
  step_key text NOT NULL,
  filed_on date NOT NULL,
  stage_before text NOT NULL,
  stage_after text NOT NULL,
  -- The procedure's version once the filing was recorded: undo puts the stage back only if
  -- nothing moved it since.
  version_after integer NOT NULL,
  receipt_name bytea,
  receipt_type text NOT NULL,
  receipt_size bigint NOT NULL CHECK (receipt_size > 0),
  receipt_sha256 text NOT NULL CHECK (receipt_sha256 ~ '^[0-9a-f]{64}$'),
  receipt bytea,
  recorded_by uuid REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz,
  undone_by uuid REFERENCES accounts (id),
  CHECK ((undone_at IS NULL) = (receipt IS NOT NULL AND receipt_name IS NOT NULL))
);
CREATE INDEX procedure_filings_procedure ON procedure_filings (procedure_id, recorded_at);
-- One live filing per step: a second needs the first undone.
CREATE UNIQUE INDEX procedure_filings_live_step ON procedure_filings (procedure_id, step_key) WHERE undone_at IS NULL;
