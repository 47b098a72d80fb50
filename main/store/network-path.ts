/**
 * SQLite's WAL needs shared memory on the same machine, so the data folder must never be on a
 * network share. The decision is pure (path + what the OS says); the OS side is a small probe the
 * tests replace with fakes.
 */
import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

export interface OsProbe {
  readonly platform: NodeJS.Platform;
  /** Windows: how the OS classifies a drive letter ('Network' for a mapped share). */
  driveType(letter: string): Promise<string>;
  /** Linux: the text of /proc/mounts. */
  mounts(): Promise<string>;
  /** The path with symlinks resolved, for the deepest part that exists. */
  resolve(p: string): Promise<string>;
}

export type NetworkVerdict = { network: false } | { network: true; reason: string };

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'ceph', '9p', 'fuse.sshfs', 'davfs', 'fuse.davfs2']);

/** `\\server\share`, `//server/share` and `\\?\UNC\server\share`; `\\?\C:\` and `\\.\` devices are local. */
function isUncPath(p: string): boolean {
  const s = p.replace(/\//g, '\\');
  if (/^\\\\\?\\UNC\\/i.test(s)) return true;
  if (s.startsWith('\\\\?\\') || s.startsWith('\\\\.\\')) return false;
  return s.startsWith('\\\\');
}

function driveLetterOf(p: string): string | undefined {
  const s = p.replace(/\//g, '\\').replace(/^\\\\\?\\/, '');
  const m = /^([A-Za-z]):/.exec(s);
  return m?.[1]?.toUpperCase();
}

/** /proc/mounts escapes space, tab, newline and backslash as octal. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

function mountOf(resolved: string, mountsText: string): { mountPoint: string; fsType: string } | undefined {
  let best: { mountPoint: string; fsType: string } | undefined;
  for (const line of mountsText.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const mountPoint = unescapeMountField(fields[1] ?? '');
    const fsType = fields[2] ?? '';
    const inside = mountPoint === '/' || resolved === mountPoint || resolved.startsWith(mountPoint.endsWith('/') ? mountPoint : mountPoint + '/');
    // Later lines win on equal length: a mount over a mount point hides the earlier one.
    if (inside && (!best || mountPoint.length >= best.mountPoint.length)) best = { mountPoint, fsType };
  }
  return best;
}

export async function detectNetworkPath(dir: string, probe: OsProbe): Promise<NetworkVerdict> {
  if (probe.platform === 'win32') {
    if (isUncPath(dir)) return { network: true, reason: 'UNC path' };
    const resolved = await probe.resolve(dir);
    if (isUncPath(resolved)) return { network: true, reason: 'resolves to a UNC path' };
    const letter = driveLetterOf(resolved);
    if (letter && (await probe.driveType(letter)).trim().toLowerCase() === 'network') {
      return { network: true, reason: `drive ${letter}: is a network drive` };
    }
    return { network: false };
  }
  const resolved = await probe.resolve(dir);
  const mount = mountOf(resolved, await probe.mounts());
  if (mount && NETWORK_FS.has(mount.fsType.toLowerCase())) {
    return { network: true, reason: `${mount.fsType} mount` };
  }
  return { network: false };
}

async function resolveExistingPart(p: string): Promise<string> {
  let current = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest);
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** The real OS behind the probe. DriveInfo needs no admin rights, unlike some fsutil verbs. */
export function systemProbe(): OsProbe {
  return {
    platform: process.platform,
    driveType: (letter) =>
      new Promise((resolve) => {
        execFile(
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-Command', `[System.IO.DriveInfo]::new('${letter.replace(/[^A-Za-z]/g, '')}').DriveType`],
          { timeout: 10_000, windowsHide: true },
          // If PowerShell cannot answer, the UNC check still stands; a local drive is the common case.
          (err, stdout) => resolve(err ? 'Unknown' : String(stdout)),
        );
      }),
    mounts: () => readFile('/proc/mounts', 'utf8').catch(() => ''),
    resolve: resolveExistingPart,
  };
}
