-- Four-eyes confirmation of missing-person matches. An organisation chooses which confirmations
-- need a second person: 'remains' (default: a match with unidentified remains, because telling a
-- family about a death on one person's word is the costliest mistake), 'all' or 'none'.
ALTER TABLE organisations
  ADD COLUMN match_second_confirmation text NOT NULL DEFAULT 'remains'
    CHECK (match_second_confirmation IN ('all', 'remains', 'none'));

-- 'proposed': one reviewer confirmed and a different account must confirm it too. The proposer
-- and the moment stay on the row so the second confirmation can refuse the same account.
ALTER TABLE match_candidates DROP CONSTRAINT match_candidates_review_status_check;
ALTER TABLE match_candidates
  ADD CONSTRAINT match_candidates_review_status_check
    CHECK (review_status IN ('pending', 'proposed', 'confirmed', 'rejected', 'needs_info'));
ALTER TABLE match_candidates ADD COLUMN confirmation_proposed_by uuid REFERENCES accounts (id);
ALTER TABLE match_candidates ADD COLUMN confirmation_proposed_at timestamptz;
