-- Recovery codes carry 50 random bits: below the 112 that ASVS 2.6.2 asks of an unsalted hash, so
-- each code gets its own random 32-bit salt (docs/decisions/0129-accounts-only-the-owner-controls.md).
-- Codes made before this have an empty salt and keep their plain SHA-256.
ALTER TABLE recovery_codes ADD COLUMN salt text NOT NULL DEFAULT '' CHECK (salt ~ '^([0-9a-f]{8})?$');
