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

/** The site's own clock: a lockout's end or a retry time means the time on the wall where the station is. */
const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const siteParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant (UTC ISO, as the core sends it) as a time at the site:
 * dd/MM/yyyy HH:mm in Vietnamese, yyyy-MM-dd HH:mm in English, whatever
 * time zone the desk's computer is set to.
 */
export function formatSiteDateTime(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const part = Object.fromEntries(siteParts.formatToParts(at).map((p) => [p.type, p.value])) as Record<string, string>;
  const time = `${part.hour}:${part.minute}`;
  return language === 'vi' ? `${part.day}/${part.month}/${part.year} ${time}` : `${part.year}-${part.month}-${part.day} ${time}`;
}

/** Error params with every instant shown as site time (a raw UTC ISO string means nothing to a nurse). */
export function withSiteTimes(params: Record<string, string | number>, language: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && INSTANT.test(v) ? formatSiteDateTime(v, language) : v;
  return out;
}
