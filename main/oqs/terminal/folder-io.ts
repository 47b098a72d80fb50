/**
 * File moves that are safe on a Windows share. A request is written to a temp file in the req
 * folder itself (a move from a local disk to a share is a copy, which the terminal could read half
 * done) and then renamed; antivirus and the terminal's own reader briefly lock files, so EBUSY,
 * EPERM and EACCES are retried. Answers are found by a watcher plus polling (watch events are lost
 * on some shares) and read only once their size has stopped changing. Files in res belong to the
 * terminal: they are only ever read, never moved or deleted.
 */
import { randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TerminalErrors } from './errors';

/** 64 MB: a 10,000-record batch answer is about 17 MB uncompressed. */
export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export interface RetryPolicy {
  readonly attempts: number;
  readonly delayMs: number;
}

export const DEFAULT_RENAME_RETRY: RetryPolicy = { attempts: 20, delayMs: 100 };
const TRANSIENT = new Set(['EBUSY', 'EPERM', 'EACCES']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const codeOf = (err: unknown): string => (err as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';

/** A temp name no terminal picks up: hidden, and not ending in .xml. */
export function tempNameFor(finalName: string): string {
  return `.${finalName}.${randomBytes(4).toString('hex')}.tmp`;
}

export async function writeAtomically(
  dir: string,
  name: string,
  bytes: Uint8Array,
  retry: RetryPolicy = DEFAULT_RENAME_RETRY,
  renameFile: (from: string, to: string) => Promise<void> = rename,
): Promise<void> {
  const temp = join(dir, tempNameFor(name));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw TerminalErrors.folder(`write ${codeOf(err)}`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await renameFile(temp, join(dir, name));
      return;
    } catch (err) {
      if (!TRANSIENT.has(codeOf(err)) || attempt >= retry.attempts) {
        await unlink(temp).catch(() => undefined);
        throw TerminalErrors.folder(`rename ${codeOf(err)} after ${attempt} attempts`);
      }
      await sleep(retry.delayMs);
    }
  }
}

export interface AnswerWait {
  readonly dir: string;
  /** The names that count as the answer, first found wins (e.g. .xml and .zip). */
  readonly names: readonly string[];
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** How long a file's size must stay the same before it is read. */
  readonly settleMs: number;
  /** Larger answers are refused unread (a zip's own limits apply after this). */
  readonly maxBytes: number;
  /** How a file is read (tests stand in a locked file here). */
  readonly read?: (path: string) => Promise<Buffer>;
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves with the answer's name and bytes, or rejects with OQS_TERMINAL_TIMEOUT. */
export function waitForAnswer(wait: AnswerWait): Promise<{ name: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    let done = false;
    let checking = false;
    let watcher: FSWatcher | undefined;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearInterval(poller);
      clearTimeout(timer);
      watcher?.close();
      fn();
    };
    const check = async () => {
      if (done || checking) return;
      checking = true;
      try {
        for (const name of wait.names) {
          const path = join(wait.dir, name);
          const first = await sizeOf(path);
          if (first === undefined || first === 0) continue;
          await sleep(wait.settleMs);
          if ((await sizeOf(path)) !== first) continue;
          if (first > wait.maxBytes) {
            finish(() => reject(TerminalErrors.tooLarge(`${name}: ${first} bytes > ${wait.maxBytes}`)));
            return;
          }
          const bytes = await (wait.read ?? readFile)(path);
          finish(() => resolve({ name, bytes }));
          return;
        }
      } catch (err) {
        // Locked by antivirus, or gone a moment (the terminal's own tidying): the next check retries.
        if (!TRANSIENT.has(codeOf(err)) && codeOf(err) !== 'ENOENT') finish(() => reject(TerminalErrors.folder(`read ${codeOf(err)}`)));
      } finally {
        checking = false;
      }
    };
    const poller = setInterval(() => void check(), wait.pollMs);
    const timer = setTimeout(() => finish(() => reject(TerminalErrors.timeout(`no ${wait.names[0] ?? 'answer'} within ${wait.timeoutMs} ms`))), wait.timeoutMs);
    try {
      watcher = watch(wait.dir, () => void check());
      watcher.on('error', () => watcher?.close());
    } catch {
      // Polling alone still finds the answer (some network shares refuse watchers).
    }
    void check();
  });
}
