/**
 * What the station's pages may do, sent with every response in both
 * transports (app:// under Electron, loopback HTTP in browser mode), so the UI
 * runs under one set of rules. Threat: script injected through data (a name
 * on an imported list, a scanned QR code) running with the desk's sign-in.
 * Only our own bundled files may run; nothing may be framed, posted or
 * fetched elsewhere. Inline styles stay allowed because the component library
 * sets them. The certificate preview's pdf.js runs in a worker from our own
 * bundle ('self', through default-src) without eval or WebAssembly, so it
 * needs nothing added here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
