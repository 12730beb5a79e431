/**
 * How the desks write people's dates: dd/MM/yyyy as on the ID card, or only
 * MM/yyyy or yyyy when that is all the person's papers state; times of day
 * in the site's time zone whatever the computer's.
 */
export function formatBirthDate(date: string): string {
  const [year = '', month, day] = date.split('-');
  if (day !== undefined && month !== undefined) return `${day}/${month}/${year}`;
  if (month !== undefined) return `${month}/${year}`;
  return year;
}

const SITE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false });

/** HH:mm at the site for a UTC instant. */
export function siteClock(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : SITE_TIME.format(date);
}

/** Reads dd/MM/yyyy, MM/yyyy or yyyy (also with - or . between) as the contract's yyyy-MM-dd, yyyy-MM or yyyy; null if not a date. */
export function parseBirthDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[/.-](\d{4})$/u.exec(t);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  if (/^\d{4}$/u.test(t)) return t;
  if (/^\d{4}-\d{2}(-\d{2})?$/u.test(t)) return t;
  return null;
}
