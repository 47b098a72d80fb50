/**
 * The Electron main process: one instance, one window, the app:// protocol, and the relay to the
 * services host. No business logic lives here.
 */
import { app, BrowserWindow } from 'electron';
import { createAppWindow, denyAllPermissions } from './app-window';
import { appDataFolder } from './data-folder';
import { registerAppScheme, rendererDirFor, serveRenderer } from './protocol';
import { startServicesRelay } from './services-relay';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAppUserModelId('jp.onshi-cart.app');
  const trusted = new Set<number>();
  let window: BrowserWindow | undefined;
  let stopRelay: (() => void) | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    denyAllPermissions();
    serveRenderer(rendererDirFor(__dirname));
    // Training mode until a real endpoint is configured in settings; the host decides from the store.
    stopRelay = startServicesRelay(__dirname, { dataDir: appDataFolder(), trainingMode: true }, trusted, () =>
      BrowserWindow.getAllWindows().map((w) => w.webContents),
    );
    window = createAppWindow(__dirname);
    trusted.add(window.webContents.id);
    window.on('closed', () => {
      window = undefined;
    });
  });

  app.on('window-all-closed', () => {
    stopRelay?.();
    app.quit();
  });
}
