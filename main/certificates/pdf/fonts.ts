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
 *   (labels, digits, common names) give the same bytes, so encodings are kept
 *   for the most recent glyph lists.
 */
export type CertificateFontFace = 'regular';
/** One face: emphasis is drawn (see certificate-pdf.ts), so only one font is subset and embedded per document. */
export const CERTIFICATE_FONT_FACES: readonly CertificateFontFace[] = ['regular'];

const FILES: Record<CertificateFontFace, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
};

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

/** pdfkit's per-document font object: the one field this module touches. */
interface PdfkitEmbeddedFont {
  layoutCache?: Record<string, unknown>;
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
  }
}
