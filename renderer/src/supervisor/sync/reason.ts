import type { TFunction } from 'i18next';
import type { PlatformReason } from '../../../../preload/contract';

/**
 * The platform's reason in the supervisor's language where its code is known
 * (the platform's own code first, then the FHIR issue type), with the
 * platform's words verbatim beside it; only the words when no code is known.
 */
export function reasonText(t: TFunction, r: PlatformReason | null): { plain: string; verbatim: string | null } {
  if (!r) return { plain: t('sync:reason.unknown', { status: '?' }), verbatim: null };
  const known =
    (r.detailCode && t(`sync:reason.platform.${r.detailCode}`, { defaultValue: '' })) ||
    (r.issueCode && t(`sync:reason.issue.${r.issueCode}`, { defaultValue: '' })) ||
    '';
  const verbatim = [r.text, r.expression ? `(${r.expression})` : null].filter(Boolean).join(' ') || null;
  if (known) return { plain: known, verbatim };
  return { plain: verbatim ?? t('sync:reason.unknown', { status: r.status }), verbatim: null };
}
