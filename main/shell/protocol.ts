/**
 * Serves the renderer from app://onshi/ rather than from the file protocol (checklist item 18): only files inside
 * the built renderer folder, with the strict CSP on every response.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../common/csp';
import { contentType, resolveInside } from '../common/static-files';
import { APP_HOST, APP_SCHEME } from './window-options';

/** Must run before app.whenReady(). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : undefined;
    const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' };
    if (!file) return new Response(null, { status: 404, headers });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType(file) } });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}

export const rendererDirFor = (mainDir: string): string => path.join(mainDir, '..', 'renderer');
