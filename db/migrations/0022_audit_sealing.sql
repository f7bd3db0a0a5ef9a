-- Audit entries are appended without a global lock and chained ("sealed") shortly after by one
-- sealer (docs/decisions/0125-audit-sealing.md). Until then an entry carries its own keyed MAC
-- (row_mac), so an edit is detected even before the chain covers it. The chain links of new
-- entries live in audit_seals, written once: audit_log stays strictly insert-only (entries of
-- earlier versions keep their links in their own prev_mac/mac columns).
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
-- Every entry either carries its chain link (written before this version) or its own MAC.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_linked_or_row_mac CHECK ((mac IS NOT NULL AND prev_mac IS NOT NULL) OR row_mac IS NOT NULL);

CREATE TABLE audit_seals (
  seq bigint PRIMARY KEY,
  prev_mac text NOT NULL,
  mac text NOT NULL
);
CREATE TRIGGER audit_seals_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
