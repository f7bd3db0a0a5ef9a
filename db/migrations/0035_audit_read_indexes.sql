-- The audit-log read API (docs/decisions/0128) pages an organisation's entries newest first:
-- entries about its records (org_id) and entries by its accounts (actor_org_id), each by seq.
CREATE INDEX audit_log_org_seq ON audit_log (org_id, seq DESC);
CREATE INDEX audit_log_actor_org_seq ON audit_log (actor_org_id, seq DESC);
