/**
 * What the clinical steps need beyond 0005: which rules version allowed each
 * dose (so it can be re-explained after the rules change), a running count of
 * doses drawn from each vial (the draw is written with the dose, in the same
 * transaction), a note next to a vial's discard reason, and the doses wasted
 * from a vial, each with its reason.
 */
export const sql = `
ALTER TABLE dose ADD COLUMN rules_id TEXT;
ALTER TABLE dose ADD COLUMN rules_version INTEGER;

ALTER TABLE vial ADD COLUMN doses_drawn INTEGER NOT NULL DEFAULT 0 CHECK (doses_drawn >= 0);
ALTER TABLE vial ADD COLUMN discard_note TEXT;

CREATE TABLE vial_waste (
  id TEXT PRIMARY KEY,
  vial_id TEXT NOT NULL REFERENCES vial(id),
  doses INTEGER NOT NULL CHECK (doses > 0),
  reason TEXT NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX vial_waste_vial ON vial_waste(vial_id);

`;
