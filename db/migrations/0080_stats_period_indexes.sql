-- Statistics releases over a million acts (decision 0141): a release counts one period, so the
-- acts of the period are found by index instead of reading every act. An act's date is its own
-- (act_date), else its event's start: one index for each branch.
CREATE INDEX incident_acts_act_date ON incident_acts (act_date) WHERE act_date IS NOT NULL;
CREATE INDEX incident_acts_undated_event ON incident_acts (event_id) WHERE act_date IS NULL;
CREATE INDEX incident_events_start_date ON incident_events (start_date);
-- People registered in a period: narrowed by the registration instant (a margin of two days
-- either side covers every organisation's time zone; the exact local month is checked after).
CREATE INDEX people_created_at ON people (created_at);
