/**
 * Reads the shell's window code and fails if a security setting is weakened: the webPreferences,
 * how the window is created, navigation, new windows, permissions, the single-instance lock, the
 * custom protocol and the CSP. The Electron binary is not needed: this reads the source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../main/common/csp';
import { secureWebPreferences } from '../../main/shell/window-options';

const shellDir = path.resolve(__dirname, '..', '..', 'main', 'shell');
const source = (file: string) => readFileSync(path.join(shellDir, file), 'utf8');
const parse = (file: string) => ts.createSourceFile(file, source(file), ts.ScriptTarget.Latest, true);

function find<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node) => {
    if (test(n)) found.push(n);
    n.forEachChild(visit);
  };
  visit(root);
  return found;
}

describe('the window', () => {
  it('keeps context isolation, the sandbox and every Node door shut', () => {
    expect(secureWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('is created with exactly those preferences plus the preload, nothing overriding them', () => {
    const file = parse('app-window.ts');
    const created = find(file, (n): n is ts.NewExpression => ts.isNewExpression(n) && n.expression.getText() === 'BrowserWindow');
    expect(created).toHaveLength(1);
    const options = created[0]!.arguments![0] as ts.ObjectLiteralExpression;
    const prefs = options.properties.find((p) => p.name?.getText() === 'webPreferences') as ts.PropertyAssignment;
    const literal = prefs.initializer as ts.ObjectLiteralExpression;
    const members = literal.properties.map((p) => (ts.isSpreadAssignment(p) ? `...${p.expression.getText()}` : p.name!.getText()));
    expect(members).toEqual(['...secureWebPreferences', 'preload']);
    expect(options.properties.filter((p) => ts.isSpreadAssignment(p)).map((p) => (p as ts.SpreadAssignment).expression.getText())).toEqual(['windowOptions']);
  });

  it('keeps the window out of screenshots and screen sharing from before the UI loads', () => {
    const text = source('app-window.ts');
    const protectedAt = text.indexOf('window.setContentProtection(true)');
    expect(protectedAt).toBeGreaterThan(-1);
    expect(protectedAt).toBeLessThan(text.indexOf('window.loadURL('));
    expect(text).not.toMatch(/setContentProtection\(false\)/);
  });

  it('blocks navigation away from the app and every new window', () => {
    const text = source('app-window.ts');
    expect(text).toMatch(/on\('will-navigate',[\s\S]*?preventDefault\(\)/);
    expect(text).toMatch(/on\('will-redirect',[\s\S]*?preventDefault\(\)/);
    expect(text).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(source('index.ts')).toMatch(/web-contents-created[\s\S]*?setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  });

  it('denies every permission request and check', () => {
    const text = source('app-window.ts');
    expect(text).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(text).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('runs as a single instance and loads the UI from the app:// protocol, never file://', () => {
    expect(source('index.ts')).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*app\.quit\(\);/);
    expect(source('app-window.ts')).toMatch(/loadURL\(APP_ENTRY_URL\)/);
    for (const file of readdirSync(shellDir)) {
      expect(source(file), file).not.toMatch(/loadFile\(|file:\/\//);
    }
  });

  it('checks the sender of every relayed call', () => {
    expect(source('services-relay.ts')).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL, \(event[^)]*\) => \{\s*if \(!isTrustedSender\(event, trusted\)\)/);
    expect(find(parse('services-relay.ts'), (n): n is ts.CallExpression => ts.isCallExpression(n) && /^ipcMain\.(handle|on)$/.test(n.expression.getText()))).toHaveLength(1);
  });
});

describe('the Content-Security-Policy', () => {
  const policies = [contentSecurityPolicy(), contentSecurityPolicy({ connectSources: ['ws://127.0.0.1:5170'] })];
  it('allows scripts and styles only from the app itself', () => {
    for (const csp of policies) {
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('is also in the renderer page itself, equally strict', () => {
    const html = readFileSync(path.resolve(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});

describe('the preload', () => {
  const preload = readFileSync(path.resolve(__dirname, '..', '..', 'main', 'preload', 'index.ts'), 'utf8');
  it('exposes one object, window.onshi, with invoke and on only', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('onshi', api\)/);
    const file = ts.createSourceFile('preload.ts', preload, ts.ScriptTarget.Latest, true);
    const api = find(file, (n): n is ts.VariableDeclaration => ts.isVariableDeclaration(n) && n.name.getText() === 'api')[0]!;
    const keys = (api.initializer as ts.ObjectLiteralExpression).properties.map((p) => p.name?.getText());
    expect(keys).toEqual(['invoke', 'on']);
  });

  it('never hands the renderer ipcRenderer, process or require', () => {
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*(ipcRenderer|process|require)/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync)\(/);
  });
});
