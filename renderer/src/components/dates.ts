import { useTranslation } from 'react-i18next';

/**
 * Calendar dates as people at the site read them: dd/MM/yyyy in Vietnamese,
 * yyyy-MM-dd in English. Dates travel and are stored as yyyy-MM-dd; only the
 * display changes. Partial dates (yyyy, yyyy-MM) are shown as far as known.
 */
export function formatSiteDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  if (language !== 'vi') return iso;
  return [d, m, y].filter(Boolean).join('/');
}

/** `formatDate(iso)` in the current language. */
export function useDateFormat(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (iso) => formatSiteDate(iso, i18n.language);
}
