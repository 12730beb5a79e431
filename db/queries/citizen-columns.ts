import type { CitizenSummary } from '../../preload/contract';

/**
 * The citizen part of a desk line (queue, observation board, adverse events),
 * read in the same statement as the line by joining `citizen c`. One column
 * list and one mapping, so every desk shows the person the same way.
 */
export interface CitizenColumns extends Omit<CitizenSummary, 'id'> {
  citizenId: string;
}

/** Select these with `JOIN citizen c`; the aliases are the fields of CitizenColumns. */
export const CITIZEN_COLUMNS = `c.id AS citizenId, c.id_number AS idNumber, c.passport_number AS passportNumber, c.nationality,
  c.full_name AS fullName, c.date_of_birth AS dateOfBirth, c.sex, c.verification`;

export function citizenSummaryOf(r: CitizenColumns): CitizenSummary {
  return {
    id: r.citizenId,
    idNumber: r.idNumber,
    passportNumber: r.passportNumber,
    nationality: r.nationality,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    verification: r.verification,
  };
}
