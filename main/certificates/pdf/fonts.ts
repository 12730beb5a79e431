import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Be Vietnam Pro (SIL Open Font License), designed for Vietnamese: every
 * stacked diacritic (ệ, ỗ, ử) has its own glyph. It ships as the runtime
 * dependency @expo-google-fonts/be-vietnam-pro and is embedded (subset) in
 * every certificate PDF, so the paper looks the same on any printer.
 *
 * Three costs are paid once per process instead of once per document:
 * - parsing each TTF (30–100 ms): pdfkit accepts an already-parsed fontkit font;
 * - shaping text (fontkit's GSUB/GPOS work, ~1 ms per line of Vietnamese):
 *   pdfkit caches shaped words per document, and the cache is shared here,
 *   since a word shapes the same in every certificate;
 * - encoding the font subset (~4 ms a face): the same glyphs in the same order
 *   give the same bytes, so encodings are kept for the most recent glyph lists.
 *   Names differ from one certificate to the next, so each document starts
 *   its subset with the same repertoire, in the same order: every letter of
 *   Vietnamese (with its tones), printable ASCII and the punctuation the card
 *   uses. A name within it adds no glyph, and the subset is the cached one.
 *   It costs bytes (the embedded font is about 21 kB compressed instead of 8)
 *   and buys about 4 ms a certificate; a name outside it (another language's
 *   letters, a ligature) only makes that one document encode its own subset.
 */
export type CertificateFontFace = 'regular';
/** One face: emphasis is drawn (see certificate-pdf.ts), so only one font is subset and embedded per document. */
export const CERTIFICATE_FONT_FACES: readonly CertificateFontFace[] = ['regular'];

const FILES: Record<CertificateFontFace, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
};

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';

/** The characters every certificate's subset starts with, space-separated so each is shaped on its own. */
export const CERTIFICATE_REPERTOIRE: string = (() => {
  const chars = new Set<string>();
  for (let c = 0x21; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const ch of 'ĐđƠơƯưĂăÂâÊêÔô—–‘’“”…·µ°') chars.add(ch);
  for (const vowel of VOWELS) for (const tone of TONES) chars.add(`${vowel}${tone}`.normalize('NFC'));
  return [...chars].join(' ');
})();

/** Shaped words kept per face; past this the cache starts over (names are open-ended). */
const MAX_SHAPED_WORDS = 20_000;
/** Subset encodings kept per face. */
const MAX_SUBSETS = 64;

interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

interface FaceState {
  font: fontkit.Font;
  shaped: Record<string, unknown>;
  shapedCount: number;
  subsets: Map<string, Uint8Array>;
}

const faces = new Map<CertificateFontFace, FaceState>();

function packageDir(): string {
  // The package has no "exports" map, so its package.json resolves; the TTFs sit beside it.
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}

function face(name: CertificateFontFace): FaceState {
  let state = faces.get(name);
  if (!state) {
    const created = fontkit.create(readFileSync(join(packageDir(), FILES[name])));
    // A TTF is a single font, never a collection; anything else means the package changed under us.
    if (!('layout' in created)) throw new Error(`${FILES[name]} is not a single font`);
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
    state = { font, shaped: Object.create(null) as Record<string, unknown>, shapedCount: 0, subsets };
    faces.set(name, state);
  }
  return state;
}

/** The parsed font, for measuring or for pdfkit's `font` option. */
export function certificateFont(name: CertificateFontFace): fontkit.Font {
  return face(name).font;
}

/** pdfkit's per-document font object: the fields this module touches. */
interface PdfkitEmbeddedFont {
  layoutCache?: Record<string, unknown>;
  /** Shapes text and adds its glyphs to the document's subset (what drawing text does, without drawing). */
  encode?: (text: string) => unknown;
}

/**
 * Registers the faces on a new document and points each one's shaping
 * cache at the shared one. Call right after creating the document.
 */
export function useCertificateFonts(doc: PDFKit.PDFDocument): void {
  for (const name of CERTIFICATE_FONT_FACES) {
    const state = face(name);
    doc.registerFont(name, state.font as unknown as string);
    doc.font(name);
    const embedded = (doc as unknown as { _font?: PdfkitEmbeddedFont })._font;
    if (embedded && embedded.layoutCache !== undefined) {
      // Counted per document, not per word: cheap, and close enough to bound memory.
      state.shapedCount += 64;
      if (state.shapedCount > MAX_SHAPED_WORDS) {
        state.shaped = Object.create(null) as Record<string, unknown>;
        state.shapedCount = 0;
      }
      embedded.layoutCache = state.shaped;
    }
    // Only speed depends on this: without it (another pdfkit) each document encodes its own subset.
    if (embedded && typeof embedded.encode === 'function') embedded.encode(CERTIFICATE_REPERTOIRE);
  }
}
