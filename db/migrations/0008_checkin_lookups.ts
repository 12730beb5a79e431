/**
 * Lookups the check-in desk makes on every scan and search, with a million
 * citizens on file: names searched within one date of birth (a nurse types
 * the date first when the name is common), passport numbers without their
 * nationality, and "has this person already been checked in today?" by
 * citizen and by target-list row.
 */
export const sql = `
CREATE INDEX citizen_dob_name ON citizen(date_of_birth, name_key);
CREATE INDEX citizen_passport_number ON citizen(passport_number) WHERE passport_number IS NOT NULL;
CREATE INDEX visit_citizen ON visit(citizen_id);
CREATE INDEX visit_target ON visit(target_id) WHERE target_id IS NOT NULL;
`;
