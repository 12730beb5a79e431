import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Be Vietnam Pro (SIL Open Font License), designed for Vietnamese: every
 * stacked diacritic (ệ, ỗ, ử) has its own glyph. It ships as the runtime
 * dependency @expo-google-fonts/be-vietnam-pro and is embedded (subset) in
 * every certificate PDF, so the paper looks the same on any printer. One face
 * only: emphasis is drawn (see certificate-pdf.ts), so one font is subset and
 * embedded per document.
 *
 * Costs paid once per process instead of once per document:
 * - parsing the TTF (30–100 ms): the parsed font is the document's default
 *   font (pdfkit's `font` option), and the card never calls `doc.font()`
 *   again: pdfkit opens a new font object and compares the fonts' name tables
 *   as JSON each time a registered font is selected by name;
 * - shaping text (fontkit's GSUB/GPOS work, ~1 ms per line of Vietnamese):
 *   pdfkit caches shaped words per document, and the cache is shared here,
 *   since a word shapes the same in every certificate;
 * - encoding the font subset (~4 ms): the same glyphs in the same order give
 *   the same bytes, so encodings are kept for the most recent glyph lists.
 *   Names differ from one certificate to the next, so each document starts
 *   its subset with the same repertoire, in the same order: every letter of
 *   Vietnamese with its tones, printable ASCII and the punctuation the card
 *   uses. A name within it adds no glyph, and the subset is the cached one.
 *   It costs bytes (the embedded font is about 21 kB compressed instead of 8)
 *   and saves about 4 ms a certificate; a name outside it (another
 *   language's letters, a ligature) makes only that document encode its own.
 */
const FILE = '400Regular/BeVietnamPro_400Regular.ttf';

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';

/**
 * The characters every certificate's subset starts with. One string without
 * spaces, so pdfkit shapes it as one word, once per process (shaped
 * separately, each character gives the same glyph in this font; were a
 * future font to join two of them, the subset would only hold a glyph more).
 */
export const CERTIFICATE_REPERTOIRE: string = (() => {
  const chars = new Set<string>();
  for (let c = 0x21; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const ch of 'ĐđƠơƯưĂăÂâÊêÔô—–‘’“”…·µ°') chars.add(ch);
  for (const vowel of VOWELS) for (const tone of TONES) chars.add(`${vowel}${tone}`.normalize('NFC'));
  return [...chars].join('');
})();

/** Shaped words kept; past this the cache starts over (names are open-ended). */
const MAX_SHAPED_WORDS = 20_000;
/** Documents between two counts of the shaped words. */
const COUNT_EVERY = 100;
/** Subset encodings kept. */
const MAX_SUBSETS = 64;

interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

interface FontState {
  font: fontkit.Font;
  shaped: Record<string, unknown>;
  documents: number;
  subsets: Map<string, Uint8Array>;
}

let loaded: FontState | null = null;

/** A face of Be Vietnam Pro on disk, for documents that register fonts by file (the day report). */
export function beVietnamProFile(face: '400Regular' | '700Bold'): string {
  return join(packageDir(), `${face}/BeVietnamPro_${face}.ttf`);
}

function packageDir(): string {
  // The package has no "exports" map, so its package.json resolves; the TTFs sit beside it.
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}

function state(): FontState {
  if (loaded) return loaded;
  const created = fontkit.create(readFileSync(join(packageDir(), FILE)));
  // A TTF is a single font, never a collection; anything else means the package changed under us.
  if (!('layout' in created)) throw new Error(`${FILE} is not a single font`);
  const font = created as fontkit.Font;
  const subsets = new Map<string, Uint8Array>();
  const createSubset = font.createSubset.bind(font) as unknown as () => FontSubset;
  (font as unknown as { createSubset: () => FontSubset }).createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = subsets.get(key);
      if (!bytes) {
        bytes = encode();
        if (subsets.size >= MAX_SUBSETS) subsets.delete(subsets.keys().next().value as string);
        subsets.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  loaded = { font, shaped: Object.create(null) as Record<string, unknown>, documents: 0, subsets };
  return loaded;
}

/** The parsed font, for pdfkit's `font` option (the document's default font). */
export function certificateFont(): fontkit.Font {
  return state().font;
}

/** pdfkit's per-document font object: the fields this module touches. */
interface PdfkitEmbeddedFont {
  font?: unknown;
  layoutCache?: Record<string, unknown>;
  /** Shapes text and adds its glyphs to the document's subset (what drawing text does, without drawing). */
  encode?: (text: string) => unknown;
}

/**
 * Prepares a new document whose default font is certificateFont(): points
 * its shaping cache at the shared one and starts its subset with the
 * repertoire. Call right after creating the document, before any text.
 * Only speed depends on it: with another pdfkit whose internals differ, each
 * document simply shapes and encodes on its own.
 */
export function useCertificateFont(doc: PDFKit.PDFDocument): void {
  const s = state();
  const embedded = (doc as unknown as { _font?: PdfkitEmbeddedFont })._font;
  if (!embedded || embedded.font !== s.font) return;
  if (embedded.layoutCache !== undefined) {
    s.documents++;
    if (s.documents % COUNT_EVERY === 0 && Object.keys(s.shaped).length >= MAX_SHAPED_WORDS) {
      s.shaped = Object.create(null) as Record<string, unknown>;
    }
    embedded.layoutCache = s.shaped;
  }
  if (typeof embedded.encode === 'function') embedded.encode(CERTIFICATE_REPERTOIRE);
}

