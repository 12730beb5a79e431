/**
 * How long a certificate the station signs stays valid: 12 calendar months from
 * issue, counted on the site's calendar so the printed expiry is the same day
 * next year. A day the target month lacks (29 February, 31st) becomes the
 * month's last day.
 */

/** Certificates expire this many calendar months after issue. */
export const DCC_VALIDITY_MONTHS = 12;

/** Asia/Ho_Chi_Minh is UTC+07:00 all year (no daylight saving), so a fixed offset is exact. */
const SITE_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant `months` calendar months after `from` on the site's calendar, same wall-clock time. */
export function addCalendarMonths(from: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError('months must be an integer');
  const local = new Date(from.getTime() + SITE_UTC_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    year,
    month,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - SITE_UTC_OFFSET_MS);
}

/** CWT NumericDate values (whole seconds since the epoch) for a certificate issued at `issuedAt`. */
export function certificateValidity(
  issuedAt: Date,
  months: number = DCC_VALIDITY_MONTHS,
): { iat: number; exp: number } {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const exp = Math.floor(addCalendarMonths(new Date(iat * 1000), months).getTime() / 1000);
  return { iat, exp };
}
