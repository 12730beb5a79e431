/**
 * Characters with no visible form: bidirectional overrides, embeddings,
 * isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C),
 * zero-width spaces and joiners (U+200B–U+200D, U+2060–U+2064), the BOM, the
 * soft hyphen and the Mongolian vowel separator. Copy-paste, phone apps and
 * scanner firmwares add them by accident; someone can add them on purpose, so
 * that "Nguyễn Văn An" and "Nguyễn Văn An" with a hidden character look the
 * same on screen but are two people, or an override shows a name backwards.
 * A Vietnamese name or address never needs one. The card reader
 * (cccd/scan-text.ts) and the target-list import both strip the same set.
 */
export const INVISIBLE_CHARACTERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '');
}
