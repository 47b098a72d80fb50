/**
 * electron-builder.yml is checked offline against the JSON schema shipped in the pinned
 * app-builder-lib, and for the settings a per-machine, locked-down install depends on. The
 * installer itself can only be built on Windows (docs/windows-build.md).
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
};

describe('electron-builder.yml', () => {
  it('is valid against the schema of the pinned app-builder-lib', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key, so the schema check is real', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachne: true } })).toBe(false);
  });

  it('installs per machine with the Japanese installer', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, language: '1041' });
  });

  it('turns on the fuses that stop the app being run as plain Node or with injected options', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never packs the web-mode bridge', () => {
    expect(config.files).toContain('!out/node/**');
    expect(config.files.filter((f) => !f.startsWith('!')).some((f) => f.startsWith('out/node'))).toBe(false);
  });
});
