/**
 * /tmp/pcscd.lock, the machine-wide lock every user of the one pcscd takes (card suites run under
 * `flock /tmp/pcscd.lock`). A bench takes it itself: a flock(1) child holds it for as long as this
 * process keeps the child's stdin open, and lets go when this process ends however it ends. When
 * an ancestor already holds it (the bench was started under flock), taking it again would wait
 * for ever, so the ancestor's hold is used.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

const LOCK_FILE = '/tmp/pcscd.lock';

function parentOf(pid: number): number | undefined {
  try {
    // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function heldByAncestor(): boolean {
  const inode = statSync(LOCK_FILE).ino;
  const holders = new Set(
    readFileSync('/proc/locks', 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1] === 'FLOCK' && Number(f[5]?.split(':')[2]) === inode)
      .map((f) => Number(f[4])),
  );
  for (let pid = parentOf(process.pid); pid !== undefined; pid = parentOf(pid)) {
    if (holders.has(pid)) return true;
  }
  return false;
}

/** Waits for the lock (saying so on stderr when someone else has it) and returns its release. */
export async function holdPcscdLock(): Promise<() => void> {
  if (!existsSync(LOCK_FILE)) writeFileSync(LOCK_FILE, '');
  if (heldByAncestor()) return () => undefined;
  const holder = spawn('flock', [LOCK_FILE, 'sh', '-c', 'echo held; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const notice = setTimeout(() => process.stderr.write(`waiting for ${LOCK_FILE} (pcscd is in use by other tests)\n`), 1_000);
  try {
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: holder.stdout }).once('line', () => resolve());
      holder.once('exit', (code) => reject(new Error(`flock ${LOCK_FILE} ended (${code}) before taking the lock`)));
    });
  } finally {
    clearTimeout(notice);
  }
  return () => holder.stdin.end();
}
