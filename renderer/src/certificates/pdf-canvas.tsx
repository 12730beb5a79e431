import { Alert, Box, Center, Loader } from '@mantine/core';
import type { PDFDocumentLoadingTask, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';

type Drawing = { pdf: Uint8Array; width: number } | { pdf: Uint8Array; failed: true };

type PdfCanvasProps = Omit<ComponentPropsWithoutRef<'canvas'>, 'children' | 'width' | 'height'> & {
  /** The PDF's bytes. Left untouched: pdf.js is handed a copy, since it takes ownership of what it gets. */
  pdf: Uint8Array;
  /** The tallest the page may be shown, in CSS pixels: the whole page stays in view, without scrolling. */
  maxHeight: number;
  /** Which page to draw (1-based); a certificate has one, a day report several. */
  page?: number;
};

/**
 * A page of a PDF (the first unless told), drawn by pdf.js into a canvas. Chromium's own PDF viewer
 * is a plugin that headless Chromium and Electron builds without it do not
 * have (a framed PDF is then a grey box), so the station draws the page
 * itself and the desk sees what the printer gets on every transport.
 *
 * pdf.js parses in a module worker loaded from our own bundle (no CDN), with
 * `isEvalSupported: false` (it would otherwise compile PDF functions with
 * `new Function`, which the CSP forbids) and `useWasm: false` (its wasm
 * decoders serve JPEG 2000 images and ICC profiles, which a certificate does
 * not have, and would need 'wasm-unsafe-eval'). The library itself is loaded
 * on the first preview, not with the desk.
 *
 * The canvas holds devicePixelRatio × its CSS size in pixels, so text stays
 * sharp on high-density screens. `data-rendered="true"` marks a drawn page.
 */
export function PdfCanvas({ pdf, maxHeight, page: pageNumber = 1, style, ...canvasProps }: PdfCanvasProps) {
  const { t } = useTranslation('certificates');
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  // A result for other bytes is stale: those bytes are still being drawn.
  const current = drawing?.pdf === pdf ? drawing : null;

  useEffect(() => {
    let cancelled = false;
    let loading: PDFDocumentLoadingTask | null = null;
    let rendering: RenderTask | null = null;
    const draw = async () => {
      const pdfjs = await import('pdfjs-dist');
      if (cancelled) return;
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      loading = pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, useWasm: false });
      const doc = await loading.promise;
      const page = await doc.getPage(pageNumber);
      const target = canvas.current;
      const width = box.current?.clientWidth ?? 0;
      if (cancelled || !target || width === 0) throw new Error('nowhere to draw');
      const natural = page.getViewport({ scale: 1 });
      const fit = Math.min(width / natural.width, maxHeight / natural.height);
      const viewport = page.getViewport({ scale: fit * (window.devicePixelRatio || 1) });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      rendering = page.render({ canvas: target, viewport });
      await rendering.promise;
      if (!cancelled) setDrawing({ pdf, width: Math.floor(natural.width * fit) });
    };
    draw().catch(() => {
      if (!cancelled) setDrawing({ pdf, failed: true });
    });
    return () => {
      cancelled = true;
      rendering?.cancel();
      // Ends the document and its worker; a draw still under way rejects, and is ignored above.
      void loading?.destroy();
    };
  }, [pdf, maxHeight, pageNumber]);

  const drawn = current && 'width' in current ? current : null;
  return (
    <Box ref={box} w="100%">
      {!current && (
        <Center h={maxHeight}>
          <Loader aria-label={t('preview.drawing')} />
        </Center>
      )}
      {current && 'failed' in current && (
        <Alert color="red" role="alert" data-testid="certificate-pdf-error">
          {t('preview.drawFailed')}
        </Alert>
      )}
      <canvas
        ref={canvas}
        {...canvasProps}
        data-rendered={drawn ? 'true' : 'false'}
        style={{ ...style, display: drawn ? 'block' : 'none', margin: '0 auto', width: drawn?.width, height: 'auto', maxWidth: '100%' }}
      />
    </Box>
  );
}
