import { formatIsoDate, isRealDate } from '../site-time';
import { nameKey } from '../names';

/**
 * Field parsers for data typed by people into spreadsheets. Each returns the
 * value in the station's canonical form, or null when the text cannot mean one.
 */

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_COMPACT = /^(\d{2})(\d{2})(\d{4})$/;

/** Dates as Vietnamese spreadsheets write them: dd/MM/yyyy (also - or .), ddMMyyyy, or ISO yyyy-MM-dd. */
export function parseDateText(raw: string): { ok: true; value: string } | { ok: false; reason: 'format' | 'impossible' } {
  const text = raw.trim();
  let m = DMY.exec(text) ?? DMY_COMPACT.exec(text);
  let y: number, mo: number, d: number;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  } else if ((m = YMD.exec(text))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    return { ok: false, reason: 'format' };
  }
  if (!isRealDate(y, mo, d)) return { ok: false, reason: 'impossible' };
  return { ok: true, value: formatIsoDate(y, mo, d) };
}

export function parseSex(raw: string): 'male' | 'female' | null {
  const key = nameKey(raw);
  if (['nam', 'male', 'm', 'trai'].includes(key)) return 'male';
  if (['nu', 'female', 'f', 'gai'].includes(key)) return 'female';
  return null;
}

/** Vietnamese phone numbers: 0xxxxxxxxx or +84xxxxxxxxx, spaces and dots allowed. */
export function parsePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.()-]/g, '');
  const m = /^(?:\+?84|0)(\d{8,10})$/.exec(compact);
  return m ? `0${m[1]}` : null;
}

/** The ID column as typed: spaces and dots people add for readability are dropped. */
export function compactIdNumber(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}
