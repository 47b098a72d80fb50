/**
 * Server challenges: 32 random bytes, bound to the device that asked, spent by the first
 * registration that names them, refused after their short life.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SimulatedRefusal } from './refusal';
import type { SimulatorClock } from './simulator-clock';

interface ChallengeRecord {
  readonly deviceId: string;
  readonly bytes: Buffer;
  readonly expiresAt: number;
  spent: boolean;
}

export const DEFAULT_CHALLENGE_TTL_MS = 120_000;

export class ChallengeBook {
  private readonly challenges = new Map<string, ChallengeRecord>();

  constructor(private readonly clock: SimulatorClock, private readonly ttlMs = DEFAULT_CHALLENGE_TTL_MS) {}

  issue(deviceId: string): { challengeId: string; bytes: Buffer; expiresAt: Date } {
    this.forgetOld();
    const challengeId = randomUUID();
    const bytes = randomBytes(32);
    const expiresAt = this.clock.now().getTime() + this.ttlMs;
    this.challenges.set(challengeId, { deviceId, bytes, expiresAt, spent: false });
    return { challengeId, bytes, expiresAt: new Date(expiresAt) };
  }

  /** The challenge's bytes; from now on it is spent, whatever the rest of the request brings. */
  spend(deviceId: string, challengeId: string): Buffer {
    const record = this.challenges.get(challengeId);
    if (!record || record.deviceId !== deviceId) throw new SimulatedRefusal('CHALLENGE_UNKNOWN');
    if (record.spent) throw new SimulatedRefusal('CHALLENGE_USED');
    record.spent = true;
    if (this.clock.now().getTime() > record.expiresAt) throw new SimulatedRefusal('CHALLENGE_EXPIRED');
    return record.bytes;
  }

  /** Spent and expired challenges are kept a while so a replay still gets CHALLENGE_USED. */
  private forgetOld(): void {
    const horizon = this.clock.now().getTime() - 10 * this.ttlMs;
    for (const [id, record] of this.challenges) if (record.expiresAt < horizon) this.challenges.delete(id);
  }
}
