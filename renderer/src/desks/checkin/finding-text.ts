import type { TFunction } from 'i18next';
import type { ScanFinding } from '../../../../preload/contract';
import { formatBirthDate } from '../../components/person-format';

/** A finding in the desk's language; coded parameters (sex, field, precision) are translated too. */
export function findingText(t: TFunction, f: ScanFinding): string {
  const params: Record<string, string | number> = { ...f.params };
  if (typeof params.encoded === 'string') params.encoded = t(`common:sex.${params.encoded}`);
  if (typeof params.field === 'string') params.field = t(`checkin:field.${params.field}`, { defaultValue: params.field });
  if (typeof params.precision === 'string') params.precision = t(`checkin:precision.${params.precision}`);
  for (const k of ['issueDate', 'value'] as const) {
    if (typeof params[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(params[k] as string)) params[k] = formatBirthDate(params[k] as string);
  }
  return t(`checkin:finding.${f.code}`, { ...params, defaultValue: f.code });
}
