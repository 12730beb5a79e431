import { SITE_TIME_ZONE } from '../site-time';

const hourFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The hour of the day (0–23) at the site for a stored UTC instant. */
export function siteHour(instant: string): number {
  return Number(hourFormatter.format(new Date(instant)));
}
