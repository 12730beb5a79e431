import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { SECURITY_HEADERS } from '../web/security-headers';

/**
 * The built UI as a page server sends it: index.html with the transport's
 * preload script injected before the app's own (as Electron runs its
 * preload before the page), the preload itself, and the bundled assets.
 * Browser mode and the LAN hub serve the same files through this, each with
 * its own preload.
 */
export interface StaticUi {
  /** Answers GET/HEAD for the page, the preload and the assets; false when the path is none of them. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, notFound: () => void): void;
}

export function createStaticUi(options: { rendererDir: string; preloadFile: string; preloadName: string }): StaticUi {
  const tag = `<script src="./${options.preloadName}"></script>`;
  const indexHtml = readFileSync(`${options.rendererDir}/index.html`, 'utf8').replace('<head>', `<head>\n    ${tag}`);
  const preload = readFileSync(options.preloadFile);
  const assets = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false, dotfiles: false, setHeaders: (res) => setSecurityHeaders(res) });
  return {
    serve(req, res, pathname, notFound) {
      if (pathname === '/' || pathname === '/index.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(indexHtml);
      }
      if (pathname === `/${options.preloadName}`) {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(preload);
      }
      assets(req, res, notFound);
    },
  };
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

export function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}
