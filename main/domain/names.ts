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
