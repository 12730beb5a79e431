import { useTranslation } from 'react-i18next';

/**
 * Calendar dates as people at the site read and type them: dd/MM/yyyy, in
 * Vietnamese and in English alike (a nurse switching language must not meet
 * another order). Dates travel and are stored as yyyy-MM-dd; only the display
 * changes. Partial dates (yyyy, yyyy-MM) are shown as far as known.
 */
export function formatSiteDate(iso: string | null | undefined, _language?: string): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return [d, m, y].filter(Boolean).join('/');
}

const SITE_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A UTC instant as the site's local time, dd/MM/yyyy HH:mm (Asia/Ho_Chi_Minh, whatever the computer's zone). */
export function formatSiteInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(SITE_DATE_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/u;

/**
 * Message parameters as people read them: calendar dates dd/MM/yyyy, instants
 * as the site's local date and time. Error and rule messages carry the core's
 * ISO forms; nothing user-facing shows them raw.
 */
export function readableParams<T extends Record<string, unknown>>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'string' && ISO_DATE.test(v) ? formatSiteDate(v) : typeof v === 'string' && ISO_INSTANT.test(v) ? formatSiteInstant(v) : v;
  }
  return out as T;
}

/** `formatDate(iso)` in the current language. */
export function useDateFormat(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  return (iso) => formatSiteDate(iso, i18n.language);
}

/** dd/MM/yyyy (also d/M/yyyy, with . or -), or yyyy-MM-dd pasted, to yyyy-MM-dd; null when it is not a real calendar date. */
export function parseTypedDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(t);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(t))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/u.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An instant as the site's local date and time, the same in both languages (see formatSiteInstant). */
export function formatSiteDateTime(instant: string, _language?: string): string {
  return formatSiteInstant(instant);
}
