/**
 * Creates the one app window with the secure settings and locks it down: no navigation away from
 * app://onshi, no new windows, no permission (camera, notifications …) ever granted.
 */
import { BrowserWindow, session } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, secureWebPreferences, windowOptions } from './window-options';

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export function createAppWindow(mainDir: string): BrowserWindow {
  const window = new BrowserWindow({
    ...windowOptions,
    webPreferences: { ...secureWebPreferences, preload: path.join(mainDir, '..', 'preload', 'index.cjs') },
  });
  // Every screen may carry patient data (the result is the clerk's, but it is the patient's data):
  // Windows leaves the window out of screenshots, recordings and screen sharing.
  window.setContentProtection(true);
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
