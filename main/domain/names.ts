/**
 * Vietnamese names as people write them and as the station compares them.
 * Cards and keyboards deliver the same name in composed (NFC) or decomposed (NFD)
 * form, with stray spaces; stored names are NFC with single spaces.
 */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The comparison key of a name: case- and diacritics-insensitive, Đ/đ folded to d,
 * spaces collapsed. "Nguyễn  Văn Ân" and "NGUYEN VAN AN" share one key.
 */
export function nameKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[Đđ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Vietnamese name capitalisation: each word starts upper-case, the rest lower;
 * a letter after an apostrophe or hyphen starts a part too (Ê Đê and Jrai names
 * such as "H'Hen Niê"). For names that arrive all in capitals or with Caps Lock
 * inverted by a keyboard-emulating scanner.
 */
export function titleCaseName(raw: string): string {
  return normalizeName(raw)
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, lead: string, letter: string) => lead + letter.toLocaleUpperCase('vi'));
}
