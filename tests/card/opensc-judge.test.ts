/**
 * OpenSC knows real My Number cards, so it judges the virtual one: its jpki driver must claim the
 * card, and its PKCS#15 layer must read the same authentication certificate bytes our own reads
 * give. OpenSC runs as a separate process, so the calls are asynchronous (the card answers from
 * this process).
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualSlot } from './jpki-slot';

const run = promisify(execFile);

describe('OpenSC as outside judge', () => {
  let slot: VirtualSlot | undefined;
  afterEach(async () => {
    await slot?.release();
    slot = undefined;
  });

  it('opensc-tool -n names the virtual card jpki', async () => {
    slot = await VirtualSlot.insert();
    const { stdout } = await run('opensc-tool', ['--reader', slot.readerName, '-n']);
    expect(stdout.trim()).toBe('jpki');
  });

  it('pkcs15-tool reads the same authentication certificate bytes, without touching the 券面 APs or spending a try', async () => {
    slot = await VirtualSlot.insert();
    const { stdout: list } = await run('pkcs15-tool', ['--reader', slot.readerName, '--list-certificates']);
    const authBlock = list.split(/\n(?=X\.509 Certificate)/).find((b) => /User Authentication|Authentication/i.test(b)) ?? '';
    const id = /ID\s*:\s*([0-9a-fA-F]+)/.exec(authBlock)?.[1];
    expect(id, list).toBeDefined();
    const { stdout: pem } = await run('pkcs15-tool', ['--reader', slot.readerName, '--read-certificate', id as string]);
    const openscDer = Buffer.from(new X509Certificate(pem).raw);
    expect(openscDer.equals(Buffer.from(slot.reader.card.secrets!.authCertDer))).toBe(true);
    expect(slot.reader.card.history.some((h) => h.df === 'text' || h.df === 'surface')).toBe(false);
    expect(slot.reader.card.triesLeft('jpki', 0x18)).toBe(3);
  });
});
