/**
 * What the station's pages may do, sent with every response in both
 * transports (app:// under Electron, loopback HTTP in browser mode), so the UI
 * runs under one set of rules. Threat: script injected through data (a name
 * on an imported list, a scanned QR code) running with the desk's sign-in.
 * Only our own bundled files may run; nothing may be framed, posted or
 * fetched elsewhere. Inline styles stay allowed because the component library
 * sets them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  // The certificate preview frames the stored PDF from a blob: URL. Only this page can mint a blob: URL,
  // from bytes it already holds (the core's stored PDF), so nothing from elsewhere can be framed; a blob
  // document inherits this policy, so it cannot run script either. Plugins (<object>/<embed>) stay off.
  "frame-src blob:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
