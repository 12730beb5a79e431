import type { DatePrecision } from './card-dates';
import type { Finding } from './findings';

/** The person as a chip ID card (CCCD / thẻ căn cước) states them. Text is NFC. */
export interface CccdIdentity {
  /** 12-digit personal identification number. */
  idNumber: string;
  /** 9- or 12-digit number of the earlier CMND card, when the card lists one. */
  oldIdNumber: string | null;
  fullName: string;
  /** yyyy-MM-dd; yyyy-MM or yyyy when the card states less (see dateOfBirthPrecision). */
  dateOfBirth: string;
  dateOfBirthPrecision: DatePrecision;
  sex: 'male' | 'female';
  address: string;
  /** yyyy-MM-dd, or null when the payload leaves it empty. */
  issueDate: string | null;
}

export interface CccdReading {
  kind: 'cccd';
  /** Present exactly when no finding is an error. */
  identity: CccdIdentity | null;
  findings: Finding[];
}
