/**
 * The lint rule that keeps services Electron-free: importing `electron` fails lint everywhere but
 * the shell, and the renderer may not reach Node or the services' modules directly.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..', '..') });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const IMPORT_ELECTRON = "import { app } from 'electron';\nexport const name = app.name;\n";

describe('the electron import rule', () => {
  it.each(['main/store/database.ts', 'main/host/services-host.ts', 'native/jpki/driver.ts', 'main/check/machine.ts', 'renderer/src/App.tsx'])(
    'fails lint in %s',
    async (file) => {
      expect(await ruleIds(IMPORT_ELECTRON, file)).toContain('no-restricted-imports');
    },
  );

  it.each(['main/shell/index.ts', 'main/preload/index.ts', 'main/adapters/electron/safe-storage.ts'])('is allowed in the shell: %s', async (file) => {
    expect(await ruleIds(IMPORT_ELECTRON, file)).not.toContain('no-restricted-imports');
  });

  it('keeps Node and service modules out of the renderer', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const f = fs;\n", 'renderer/src/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { x } from '../../main/store/database';\nexport const y = x;\n", 'renderer/src/x.ts')).toContain('no-restricted-imports');
  });
});
