import { formatCardDate } from './card-dates';
import { SEPARATOR } from './fields';
import type { CccdIdentity } from './types';

/**
 * The payload text a card carries for an identity: the inverse of
 * parseCccdPayload. Used to make test cards and to show what a card should say.
 * `layout: 11` writes the form of cards issued from 2024 (four empty fields more).
 */
export function formatCccdPayload(identity: CccdIdentity, layout: 7 | 11 = 7): string {
  const fields = [
    identity.idNumber,
    identity.oldIdNumber ?? '',
    identity.fullName,
    formatCardDate(identity.dateOfBirth),
    identity.sex === 'male' ? 'Nam' : 'Nữ',
    identity.address,
    identity.issueDate ? formatCardDate(identity.issueDate) : '',
  ];
  if (layout === 11) fields.push('', '', '', '');
  return fields.join(SEPARATOR);
}
