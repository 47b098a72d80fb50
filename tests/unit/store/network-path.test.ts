import { describe, expect, it } from 'vitest';
import { detectNetworkPath, type OsProbe } from '../../../main/store/network-path';

function windows(driveTypes: Record<string, string>, resolved: Record<string, string> = {}): OsProbe {
  return {
    platform: 'win32',
    driveType: async (letter) => driveTypes[letter] ?? 'Fixed',
    mounts: async () => '',
    resolve: async (p) => resolved[p] ?? p,
  };
}

function linux(mounts: string): OsProbe {
  return { platform: 'linux', driveType: async () => 'Fixed', mounts: async () => mounts, resolve: async (p) => p };
}

const MOUNTS = [
  'sysfs /sys sysfs rw 0 0',
  '/dev/sda1 / ext4 rw,relatime 0 0',
  'server:/export /mnt/nfs nfs4 rw 0 0',
  '//filesrv/share /mnt/smb cifs rw 0 0',
  '//filesrv/other /mnt/with\\040space smb3 rw 0 0',
  'tmpfs /mnt/nfs/local tmpfs rw 0 0',
].join('\n');

describe('network data folders are refused', () => {
  it('refuses UNC paths in every spelling Windows accepts', async () => {
    for (const p of ['\\\\server\\share\\onshi', '//server/share/onshi', '\\\\?\\UNC\\server\\share\\onshi']) {
      expect((await detectNetworkPath(p, windows({}))).network, p).toBe(true);
    }
  });

  it('accepts local Windows folders, including the long-path prefix', async () => {
    for (const p of ['C:\\ProgramData\\onshi-cart', '\\\\?\\C:\\ProgramData\\onshi-cart', 'D:/data']) {
      expect((await detectNetworkPath(p, windows({ D: 'Fixed' }))).network, p).toBe(false);
    }
  });

  it('refuses a mapped network drive as the OS reports it', async () => {
    const verdict = await detectNetworkPath('Z:\\onshi', windows({ Z: 'Network\r\n' }));
    expect(verdict).toEqual({ network: true, reason: 'drive Z: is a network drive' });
  });

  it('refuses a local-looking path whose link resolves to a share', async () => {
    const verdict = await detectNetworkPath('C:\\link', windows({}, { 'C:\\link': '\\\\nas\\data' }));
    expect(verdict.network).toBe(true);
  });

  it('refuses NFS, CIFS and SMB mounts on Linux, by the longest matching mount point', async () => {
    expect((await detectNetworkPath('/mnt/nfs/onshi', linux(MOUNTS))).network).toBe(true);
    expect((await detectNetworkPath('/mnt/smb', linux(MOUNTS))).network).toBe(true);
    expect((await detectNetworkPath('/mnt/with space/x', linux(MOUNTS))).network).toBe(true);
    expect((await detectNetworkPath('/mnt/nfs/local/onshi', linux(MOUNTS))).network).toBe(false);
    expect((await detectNetworkPath('/mnt/nfsother', linux(MOUNTS))).network).toBe(false);
    expect((await detectNetworkPath('/var/lib/onshi', linux(MOUNTS))).network).toBe(false);
  });
});
