/**
 * The loopback bridge is for web mode and tests only: the bundle the installer packs (out/main,
 * out/preload, out/renderer) must not contain it, while the web build (out/node) does — which
 * also proves the markers searched for are the right ones.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const out = path.resolve(__dirname, '..', '..', 'out');
const BRIDGE_MARKERS = ['WebSocketServer', 'onshi-bridge.js', 'bridge?token=', 'createLoopbackBridge'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function markersIn(dir: string): string[] {
  const found = new Set<string>();
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const marker of BRIDGE_MARKERS) if (text.includes(marker)) found.add(marker);
  }
  return [...found];
}

describe('the packaged app bundle', () => {
  it('contains main, the services host, the preload and the renderer', () => {
    for (const file of ['main/index.js', 'main/host.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(statSync(path.join(out, file)).size, file).toBeGreaterThan(0);
    }
  });

  it('does not contain the loopback bridge', () => {
    for (const part of ['main', 'preload', 'renderer']) expect(markersIn(path.join(out, part)), part).toEqual([]);
  });

  it('the web build does contain it (the markers are real)', () => {
    expect(markersIn(path.join(out, 'node')).sort()).toEqual([...BRIDGE_MARKERS].sort());
  });
});
