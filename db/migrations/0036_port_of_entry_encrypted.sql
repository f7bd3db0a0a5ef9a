-- The port of entry is encrypted like the other personal parts of a reception (docs/decisions/0128):
-- the place is public, but where and when a named person was returned is about that person.
-- New receptions write port_of_entry_enc only; existing rows are encrypted at start-up by the
-- server (reintegration/port-of-entry-backfill.ts needs the organisation's key, which SQL has not)
-- and their clear value removed in the same statement. Exactly one of the two holds the place.
ALTER TABLE reintegration_receptions ADD COLUMN port_of_entry_enc bytea;
ALTER TABLE reintegration_receptions ALTER COLUMN port_of_entry DROP NOT NULL;
ALTER TABLE reintegration_receptions
  ADD CONSTRAINT reintegration_receptions_port_of_entry_once CHECK ((port_of_entry IS NULL) <> (port_of_entry_enc IS NULL));
