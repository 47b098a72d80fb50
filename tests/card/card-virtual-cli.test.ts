/**
 * `onshi-cart card virtual` as hospital IT or a test bench runs it: a separate process that waits
 * for pcscd, says `ready` once pcscd has the card in the reader, is pulled and put back by SIGUSR2
 * (seen by the app's reader monitor and by a pcsc_scan-like reader listing), and stops cleanly on
 * SIGTERM or Ctrl-C. Bad options and a bad config file are refused before anything starts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PCSC, smartcardBinding } from '../../native/pcsc/binding';
import { ReaderMonitor, type ReaderEvent } from '../../native/pcsc/reader-monitor';
import { startPcscd, stopPcscd } from '../harness/pcscd';
import { ONSHI_CART, onshiCartArgs } from '../harness/cli';
import { VirtualCardProcess } from '../harness/virtual-card-process';
import { waitUntil } from './jpki-slot';

const run = promisify(execFile);
const READER = 'Virtual PCD 00 00';

/** What pcsc_scan shows: is there a card in this reader? */
function cardShown(reader = READER): boolean {
  try {
    const context = smartcardBinding.createContext();
    try {
      return context.listReaders().some((r) => r.name === reader && (r.state & PCSC.STATE_PRESENT) !== 0);
    } finally {
      context.close();
    }
  } catch {
    return false;
  }
}

describe('onshi-cart card virtual', () => {
  let card: VirtualCardProcess | undefined;
  let monitor: ReaderMonitor | undefined;
  afterEach(async () => {
    await monitor?.stop();
    monitor = undefined;
    await card?.stop('SIGINT');
    card = undefined;
    await startPcscd();
    await waitUntil(() => !cardShown() && !cardShown('Virtual PCD 00 01'), 5_000, 'readers empty');
  });

  it('waits for pcscd, says ready when the card is in the reader, is pulled and put back by SIGUSR2, and stops on SIGTERM', async () => {
    await stopPcscd();
    card = VirtualCardProcess.spawn({ card: { authPinTries: 2 } });
    const started = await card.waitForLine((l) => l.event === 'started', 15_000, 'started line');
    expect(started).toMatchObject({ reader: READER, atr: '3BE000FF8131FE4514' });
    await new Promise((done) => setTimeout(done, 500));
    expect(card.count('ready')).toBe(0);

    await startPcscd();
    expect(await card.waitForLine((l) => l.event === 'ready', 10_000, 'ready line')).toEqual({ event: 'ready', ready: true, reader: READER });
    await waitUntil(() => cardShown(), 1_000, 'card listed once ready');
    const { stdout } = await run('opensc-tool', ['--reader', READER, '-n']);
    expect(stdout.trim()).toBe('jpki');

    monitor = new ReaderMonitor(smartcardBinding, { pollMs: 200 });
    const seen: ReaderEvent[] = [];
    monitor.on((event) => seen.push(event));
    monitor.start();
    await waitUntil(() => monitor!.readers().some((r) => r.name === READER && r.cardPresent), 3_000, 'monitor sees the card');

    const after = (mark: number, type: ReaderEvent['type']) => seen.slice(mark).some((e) => e.type === type && 'reader' in e && e.reader === READER);
    let mark = seen.length;
    await card.pull();
    await waitUntil(() => after(mark, 'card-removed'), 3_000, 'monitor sees the card pulled');
    expect(cardShown()).toBe(false);
    mark = seen.length;
    await card.putBack();
    await waitUntil(() => after(mark, 'card-inserted'), 3_000, 'monitor sees the card back');
    expect(cardShown()).toBe(true);

    expect(await card.stop('SIGTERM')).toBe(0);
    expect(card.lines.at(-1)).toMatchObject({ stopped: true });
    expect(card.lines.map((l) => l.event).filter(Boolean)).toEqual(['started', 'ready', 'removed', 'ready']);
    await waitUntil(() => after(mark, 'card-removed'), 3_000, 'the stopped card leaves the reader');
  });

  it('goes into the second vpcd reader with --vpcd-port, over the host given, and stops on Ctrl-C', async () => {
    card = await VirtualCardProcess.insert({}, ['--vpcd-host', '127.0.0.1', '--vpcd-port', '35964']);
    expect(card.lines[0]).toMatchObject({ event: 'started', reader: 'Virtual PCD 00 01', host: '127.0.0.1', port: 35964 });
    await waitUntil(() => cardShown('Virtual PCD 00 01'), 1_000, 'card listed in the second reader');
    expect(cardShown()).toBe(false);
    expect(await card.stop('SIGINT')).toBe(0);
    await waitUntil(() => !cardShown('Virtual PCD 00 01'), 3_000, 'second reader empty');
  });

  const badConfig = (content: string) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'onshi-card-')), 'bad.json');
    writeFileSync(file, content);
    return ['--config', file];
  };

  it.each([
    ['a config that is not JSON', () => badConfig('not json'), 'JSON'],
    ['a PIN that is not 4 digits', () => badConfig(JSON.stringify({ authPin: '12a4' })), 'authPin'],
    ['an unknown setting', () => badConfig(JSON.stringify({ pin: '1234' })), 'pin'],
    ['a vpcd port out of range', () => ['--vpcd-port', '70000'], 'ポート番号'],
    ['a vpcd host off this machine', () => ['--vpcd-host', '192.0.2.1'], 'ループバック'],
  ])('refuses %s with CLI_BAD_ARGUMENTS and never starts', async (_name, args, mention) => {
    const failed = await run(ONSHI_CART.node, onshiCartArgs(['card', 'virtual', '--json', ...args()])).then(() => undefined, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    const { error } = JSON.parse(failed!.stderr) as { error: { code: string; message: string; detail?: string } };
    expect(error.code).toBe('CLI_BAD_ARGUMENTS');
    expect(`${error.message} ${error.detail ?? ''}`).toContain(mention);
    expect(cardShown()).toBe(false);
  });
});
