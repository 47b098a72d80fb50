import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForAnswer, writeAtomically } from '../../../main/oqs/terminal/folder-io';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'oqs-io-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const busy = (code: string) => Object.assign(new Error(code), { code });

describe('atomic request writes', () => {
  it('writes through a temp file in the same folder and leaves only the final name', async () => {
    const seen: string[] = [];
    await writeAtomically(dir, 'OQSsiquc01req_a.xml', Buffer.from('<a/>'), undefined, async (from, to) => {
      seen.push(from, to);
      await rename(from, to);
    });
    expect(seen[0]!.startsWith(join(dir, '.OQSsiquc01req_a.xml.'))).toBe(true);
    expect(seen[0]!.endsWith('.tmp')).toBe(true);
    expect(await readdir(dir)).toEqual(['OQSsiquc01req_a.xml']);
  });

  it('retries while antivirus holds the file (EBUSY, EPERM)', async () => {
    let calls = 0;
    await writeAtomically(dir, 'x.xml', Buffer.from('<a/>'), { attempts: 5, delayMs: 1 }, async (from, to) => {
      calls++;
      if (calls === 1) throw busy('EBUSY');
      if (calls === 2) throw busy('EPERM');
      await rename(from, to);
    });
    expect(calls).toBe(3);
    expect(await readFile(join(dir, 'x.xml'), 'utf8')).toBe('<a/>');
  });

  it('gives up with OQS_TERMINAL_FOLDER and removes its temp file', async () => {
    const attempt = writeAtomically(dir, 'x.xml', Buffer.from('<a/>'), { attempts: 3, delayMs: 1 }, async () => { throw busy('EBUSY'); });
    await expect(attempt).rejects.toMatchObject({ code: 'OQS_TERMINAL_FOLDER' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not retry an error that will not pass (ENOENT)', async () => {
    let calls = 0;
    const attempt = writeAtomically(dir, 'x.xml', Buffer.from('<a/>'), { attempts: 5, delayMs: 1 }, async () => { calls++; throw busy('ENOENT'); });
    await expect(attempt).rejects.toMatchObject({ code: 'OQS_TERMINAL_FOLDER' });
    expect(calls).toBe(1);
  });

  it('reports a folder that does not exist', async () => {
    await expect(writeAtomically(join(dir, 'missing'), 'x.xml', Buffer.from('x'))).rejects.toMatchObject({ code: 'OQS_TERMINAL_FOLDER' });
  });
});

describe('waiting for the answer', () => {
  const wait = (names: string[], timeoutMs = 2000) => waitForAnswer({ dir, names, timeoutMs, pollMs: 20, settleMs: 10, maxBytes: 1024 });

  it('finds an answer written later, whichever of the names comes', async () => {
    const pending = wait(['a.xml', 'a.zip']);
    setTimeout(() => void writeFile(join(dir, 'a.zip'), 'zip'), 50);
    expect(await pending).toMatchObject({ name: 'a.zip' });
  });

  it('times out with OQS_TERMINAL_TIMEOUT', async () => {
    await expect(wait(['never.xml'], 100)).rejects.toMatchObject({ code: 'OQS_TERMINAL_TIMEOUT' });
  });

  it('refuses an answer over the size cap without reading it', async () => {
    await writeFile(join(dir, 'big.xml'), Buffer.alloc(2048, 0x20));
    await expect(wait(['big.xml'])).rejects.toMatchObject({ code: 'OQS_FILE_TOO_LARGE' });
  });

  it('never moves or deletes the answer it read', async () => {
    await writeFile(join(dir, 'b.xml'), '<a/>');
    await wait(['b.xml']);
    expect(await readdir(dir)).toEqual(['b.xml']);
  });
});

describe('reading a locked answer', () => {
  it('keeps waiting while antivirus holds the answer or it is briefly gone, then reads it', async () => {
    await writeFile(join(dir, 'locked.xml'), '<a/>');
    const failures = ['EBUSY', 'ENOENT', 'EPERM'];
    const read = async (path: string) => {
      const code = failures.shift();
      if (code) throw busy(code);
      return readFile(path);
    };
    const answer = await waitForAnswer({ dir, names: ['locked.xml'], timeoutMs: 3_000, pollMs: 20, settleMs: 5, maxBytes: 1024, read });
    expect(answer.bytes.toString()).toBe('<a/>');
    expect(failures).toEqual([]);
  });

  it('stops at an error that will not pass', async () => {
    await writeFile(join(dir, 'bad.xml'), '<a/>');
    const read = async () => { throw busy('EIO'); };
    await expect(waitForAnswer({ dir, names: ['bad.xml'], timeoutMs: 3_000, pollMs: 20, settleMs: 5, maxBytes: 1024, read })).rejects.toMatchObject({ code: 'OQS_TERMINAL_FOLDER' });
  });
});
