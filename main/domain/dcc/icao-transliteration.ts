/**
 * Names in the machine-readable form of ICAO Doc 9303 Part 3, as the EU DCC
 * fields fnt/gnt require: upper-case A–Z with '<' as the only separator.
 *
 * Latin letters with diacritics lose them (Vietnamese tones and the horn of Ơ/Ư
 * included); the letters ICAO transliterates to more than one letter follow its
 * recommended column (Ä→AE, Ö→OE, Ü→UE, Å→AA, ß→SS, …), which is also what the
 * EU test data does ("Gößinger" → "GOESSINGER"). Đ, which Unicode does not
 * decompose, becomes D. Spaces, hyphens and commas become one '<'; apostrophes and
 * full stops vanish. Other scripts (Cyrillic, Han, …) are not transliterated here:
 * such a name is refused rather than guessed.
 */

/** Letters whose ICAO form is not simply the base letter (matched after upper-casing). */
const MULTI_LETTER: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  Þ: 'TH',
  Ĳ: 'IJ',
  ẞ: 'SS',
};

/** Letters that carry no decomposable diacritic but have a one-letter ICAO form. */
const SINGLE_LETTER: Readonly<Record<string, string>> = {
  Đ: 'D',
  Ð: 'D',
  Ħ: 'H',
  Ł: 'L',
  Ŀ: 'L',
  Ŋ: 'N',
  Ŧ: 'T',
};

const SEPARATORS = /[\s\-‐‑‒–—,]+/gu;
const DROPPED = /['’ʼ‘`´.]/gu;

/** The schema's limit on fnt/gnt. */
export const ICAO_NAME_MAX_LENGTH = 80;

/**
 * The ICAO 9303 form of a name, or null if it holds characters that have none
 * (another script, digits). An empty or blank name gives ''.
 */
export function icaoTransliterate(name: string): string | null {
  // Compose first so Ö typed as O + U+0308 meets the Ö rule, then upper-case
  // (ß → SS, đ → Đ, ı → I happen here).
  const upper = name.normalize('NFC').replace(DROPPED, '').toUpperCase();
  let out = '';
  for (const ch of upper) {
    const mapped = MULTI_LETTER[ch] ?? SINGLE_LETTER[ch];
    out += mapped ?? ch;
  }
  out = out
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(SEPARATORS, '<')
    .replace(/^<+|<+$/g, '');
  if (!/^[A-Z<]*$/.test(out)) return null;
  // Expansions (Ö→OE) can push a name that fits in 80 characters past 80 in
  // ICAO form; cut it and never end on a separator.
  return out.slice(0, ICAO_NAME_MAX_LENGTH).replace(/<+$/, '');
}
