/**
 * Anchors: every so often the newest sequence number and its MAC go to a second place, a file
 * next to the database, synced to disk. Cutting rows off the end of the log then shows: the anchor
 * names a row that is no longer there. The same pairs travel with every shipped message, so the
 * collector holds anchors too. One line per anchor, appended; a torn last line (power cut mid-write)
 * is ignored and the one before it counts.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AuditErrors } from './errors';

export const ANCHOR_FILE_NAME = 'audit-anchors.log';

export interface Anchor {
  readonly seq: number;
  readonly mac: Buffer;
}

const LINE = /^(\d{1,15}) ([0-9a-f]{64})$/;

export class AnchorFile {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, ANCHOR_FILE_NAME);
  }

  /** The newest complete anchor, or undefined when none was ever written. */
  latest(): Anchor | undefined {
    if (!existsSync(this.file)) return undefined;
    let lines: string[];
    try {
      lines = readFileSync(this.file, 'latin1').split('\n');
    } catch (err) {
      throw AuditErrors.anchorUnreadable((err as NodeJS.ErrnoException).code ?? 'read failed');
    }
    for (let i = lines.length - 1; i >= 0; i--) {
      const m = LINE.exec(lines[i]!);
      if (m) return { seq: Number(m[1]), mac: Buffer.from(m[2]!, 'hex') };
    }
    return undefined;
  }

  /** Appends and fsyncs before returning, so an anchor that was reported written survives a power cut. */
  write(anchor: Anchor): void {
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'a', 0o600);
      // A leading newline closes off a torn line a crash may have left, so this one always parses.
      writeSync(fd, `\n${anchor.seq} ${anchor.mac.toString('hex')}\n`);
      fsyncSync(fd);
    } catch (err) {
      throw AuditErrors.anchorUnwritable((err as NodeJS.ErrnoException).code ?? 'write failed');
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}
