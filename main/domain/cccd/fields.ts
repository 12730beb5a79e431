/**
 * Splitting a payload into its fields. The card uses '|'. Look-alikes arrive
 * when a scanner or app re-encodes the text (full-width ｜, broken bar ¦,
 * divides ∣, box-drawing │); any other stand-in means a keyboard-emulating
 * scanner is set to a different keyboard layout than the computer (a US '|'
 * typed on a UK layout arrives as '~'), which can change other characters too.
 */
export const SEPARATOR = '|';
const LOOK_ALIKES = ['\uFF5C', '\u00A6', '\u2223', '\u2502', '\uFE31'] as const;
/** Punctuation that real addresses and names contain, so never taken for a separator. */
const NEVER_SEPARATOR = /[\p{L}\p{N}\p{M}\s,./()'’-]/u;
/** CCCD numbers are 12 digits; 9–13 leaves room for a scanner that dropped or doubled one. */
export const ID_LIKE = /^\d{9,13}$/u;

export interface SplitPayload {
  fields: string[];
  separator: string;
  /** True when the separator was a stand-in that hints at a keyboard-layout mismatch. */
  substituted: boolean;
}

export function splitPayload(text: string): SplitPayload | null {
  if (text.includes(SEPARATOR)) return { fields: text.split(SEPARATOR), separator: SEPARATOR, substituted: false };
  for (const look of LOOK_ALIKES) {
    if (text.includes(look)) return { fields: text.split(look), separator: look, substituted: false };
  }
  const lead = /^\d{9,13}/u.exec(text);
  const candidate = lead ? text[lead[0].length] : undefined;
  if (candidate && !NEVER_SEPARATOR.test(candidate)) {
    const fields = text.split(candidate);
    if (fields.length >= 7) return { fields, separator: candidate, substituted: true };
  }
  return null;
}
