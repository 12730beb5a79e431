/**
 * How a visit ended when it did not end with a release: referred to a
 * hospital (from screening or observation, with where), left before the dose
 * or before release, not there when called (no-show), or still waiting when
 * the supervisor cleared the queue at the end of the day. One row per visit,
 * written in the transaction that moves the visit to its final step, so the
 * close-of-day reconciliation can count every checked-in person once.
 */
export const sql = `
CREATE TABLE visit_outcome (
  visit_id TEXT PRIMARY KEY REFERENCES visit(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('referred', 'left', 'no_show', 'queue_cleared')),
  from_step TEXT NOT NULL CHECK (from_step IN ('screening', 'injection', 'observation')),
  referred_to TEXT,
  aefi_id TEXT REFERENCES aefi(id),
  note TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL,
  CHECK (outcome <> 'referred' OR referred_to IS NOT NULL)
) STRICT;
CREATE INDEX visit_outcome_at ON visit_outcome(recorded_at);
`;
