import { INVISIBLE_CHARACTERS } from '../text-safety';

/**
 * Cleaning the raw text a scanner delivers, before anyone tries to read it.
 * Everything here is about the transport (scanner, keyboard emulation, copy
 * and paste), never about the card: what a card says is judged elsewhere.
 */

/**
 * Real CCCD payloads are about 150 bytes and a QR code holds at most ~4.3 k
 * characters, so anything larger is not one scan; refusing it before any other
 * work keeps a stuck scanner or a pasted file from costing the desk time.
 */
export const MAX_PAYLOAD_BYTES = 4096;

/** UTF-8 length of a string, counting a lone surrogate as the 3 bytes of U+FFFD it becomes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when the payload is too big to be one scan. Looks at the length first so a 1 MB string costs nothing. */
export function isOversized(raw: string): boolean {
  // Every UTF-16 unit is at least one UTF-8 byte, so a longer string is surely too big.
  if (raw.length > MAX_PAYLOAD_BYTES) return true;
  return utf8Length(raw) > MAX_PAYLOAD_BYTES;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
/**
 * AIM symbology identifier (ISO/IEC 15424) that scanners can be set to send
 * before the data, e.g. "]Q1" for a QR code. No card payload starts with ']'.
 */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/u;
/** Whitespace and C0/C1 controls: the CR/LF/Tab suffixes and STX/ETX framing scanners add. */
const EDGE_JUNK_CHAR = /[\s\u0000-\u001F\u007F-\u009F]/u;

/** Trims edge junk with a plain scan (a regex anchored at $ backtracks quadratically on long runs). */
function trimJunk(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE_JUNK_CHAR.test(text[start] as string)) start++;
  while (end > start && EDGE_JUNK_CHAR.test(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

export interface CleanText {
  text: string;
  /** AIM symbology identifier the scanner put in front, if any. */
  symbology: string | null;
}

/** Strips transport artefacts around and inside a scan. Never throws. */
export function cleanScanText(raw: string): CleanText {
  let text = trimJunk(raw.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE_CHARACTERS, ''));
  let symbology: string | null = null;
  const aim = AIM_PREFIX.exec(text);
  if (aim) {
    symbology = aim[0];
    text = trimJunk(text.slice(aim[0].length));
  }
  return { text, symbology };
}

const INNER_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/gu;

/** Removes control characters left inside the text; reports whether any were there. */
export function removeInnerControls(text: string): { text: string; removed: boolean } {
  const cleaned = text.replace(INNER_CONTROLS, '');
  return { text: cleaned, removed: cleaned.length !== text.length };
}

/** Windows-1252 characters in 0x80–0x9F and the byte each stands for. */
const CP1252_EXTRA: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
/** Letters only Vietnamese uses (ă â đ ê ô ơ ư and the tone-marked Latin Extended Additional block). */
const VIETNAMESE_ONLY = /[ăĂđĐơƠưƯĩĨũŨ\u1EA0-\u1EF9]/u;

/**
 * Undoes the commonest scanner-path corruption: the card's UTF-8 bytes read as
 * Windows-1252/Latin-1 by a host or driver, so "Nguyễn" arrives as "Nguyá»…n".
 * Repairs only when the text maps back to bytes that are valid UTF-8 AND the
 * result contains letters only Vietnamese uses, so real Latin text is left alone.
 */
export function repairMojibake(text: string): string | null {
  if (!/[\u00C0-\u00FF]/u.test(text)) return null;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code <= 0xff) bytes[i] = code;
    else {
      const extra = CP1252_EXTRA[ch];
      if (extra === undefined) return null;
      bytes[i] = extra;
    }
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return decoded !== text && VIETNAMESE_ONLY.test(decoded) ? decoded : null;
}

/** Shortens a scanned value for echoing back in a finding. */
export function echo(value: string, max = 80): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max).join('')}…`;
}
