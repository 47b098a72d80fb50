/**
 * Electronegativity, run on the built app bundle (its parser is too old for our TypeScript source):
 * no finding above LOW, and every LOW one justified in electronegativity-exceptions.json. A
 * deliberately insecure fixture must be flagged, so a broken scanner cannot pass silently.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const SEVERITY = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'onshi-eneg-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Finding { issue: string; severity: string; file: string }

function scan(input: string): Finding[] {
  const csv = path.join(scratch, `${path.basename(input)}.csv`);
  execFileSync(path.join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', input, '-o', csv, '-r', '-v', 'false', '-e', '45.5.0'], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      return { issue: cells[0]!, severity: cells[1]!, file: cells[3]! };
    });
}

describe('Electronegativity', () => {
  it('flags the insecure fixture (the scanner works)', { timeout: 180_000 }, () => {
    const findings = scan(path.join(__dirname, 'fixtures', 'insecure-app'));
    expect(findings.map((f) => f.issue)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });

  it('finds nothing above LOW in the built app, and every LOW finding is justified', { timeout: 180_000 }, () => {
    const app = path.join(scratch, 'app');
    for (const part of ['main', 'preload', 'renderer']) cpSync(path.join(root, 'out', part), path.join(app, part), { recursive: true });
    const findings = scan(app);
    const policy = JSON.parse(readFileSync(path.join(__dirname, 'electronegativity-exceptions.json'), 'utf8')) as {
      maxSeverity: string;
      exceptions: Array<{ issue: string; severity: string; why: string }>;
    };
    const above = findings.filter((f) => SEVERITY.indexOf(f.severity) > SEVERITY.indexOf(policy.maxSeverity));
    expect(above).toEqual([]);
    const unjustified = findings.filter((f) => !policy.exceptions.some((e) => e.issue === f.issue && e.severity === f.severity && e.why.length > 20));
    expect(unjustified).toEqual([]);
  });
});
