/**
 * The security settings of the app's window, kept as plain data so a test can read them without
 * Electron and fail if any is weakened. Electron's security checklist items 2–4, 6, 8–10, 20.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'onshi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  devTools: false,
} as const;

export const windowOptions = {
  width: 1280,
  height: 800,
  minWidth: 1024,
  minHeight: 700,
  show: false,
  backgroundColor: '#ffffff',
  autoHideMenuBar: true,
  title: 'onshi-cart',
} as const;
