-- Audit entries are appended without a global lock and chained ("sealed") shortly after by one
-- sealer (docs/decisions/0125-audit-sealing.md). Until then an entry carries its own keyed MAC
-- (row_mac), so an edit is detected even before the chain covers it.
--
-- seq now comes from a sequence at insert time. Sequence numbers taken by transactions that rolled
-- back leave gaps; the chain (prev_mac) is what proves that nothing in between was removed.
CREATE SEQUENCE audit_log_seq AS bigint;
SELECT setval('audit_log_seq', (SELECT last_seq FROM audit_head WHERE id = 1) + 1, false);
ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq');
ALTER SEQUENCE audit_log_seq OWNED BY audit_log.seq;

ALTER TABLE audit_log ALTER COLUMN prev_mac DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN mac DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN row_mac text;
-- Every entry is either sealed (chained) or carries its own MAC.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_or_row_mac CHECK ((mac IS NOT NULL AND prev_mac IS NOT NULL) OR row_mac IS NOT NULL);
CREATE INDEX audit_log_unsealed ON audit_log (seq) WHERE mac IS NULL;

-- Still append-only: the one update allowed is sealing (setting prev_mac and mac once) with every
-- other column unchanged. DELETE and TRUNCATE stay forbidden.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.prev_mac IS NOT NULL
     AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.record_type = OLD.record_type
     AND NEW.actor_account_id IS NOT DISTINCT FROM OLD.actor_account_id
     AND NEW.actor_org_id IS NOT DISTINCT FROM OLD.actor_org_id
     AND NEW.record_id IS NOT DISTINCT FROM OLD.record_id
     AND NEW.org_id IS NOT DISTINCT FROM OLD.org_id
     AND NEW.fields = OLD.fields AND NEW.details = OLD.details
     AND NEW.ip IS NOT DISTINCT FROM OLD.ip
     AND NEW.row_mac IS NOT DISTINCT FROM OLD.row_mac THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
