/**
 * The one Content-Security-Policy of the UI, used by the Electron protocol handler and by the web
 * server. Scripts, styles and fonts come only from the app itself; no inline script, no eval, no
 * frames, no forms posting anywhere.
 */
export function contentSecurityPolicy(options: { connectSources?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
