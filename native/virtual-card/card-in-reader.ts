/**
 * The virtual card as it sits in a reader: present or pulled out, and playing the faults of its
 * configuration (pulled mid-command, mute, garbage, slow). The in-process transport and the vpcd
 * client both carry bytes through this, so a fault behaves the same in unit tests and behind pcscd.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { toHex } from '../apdu/apdu';
import type { InProcessCard, InProcessAnswer } from '../apdu/in-process-transport';
import { VirtualMyNumberCard } from './card';
import { type Faults, FaultsSchema, type VirtualCardOptions } from './config';

export class CardInReader implements InProcessCard {
  readonly card: VirtualMyNumberCard;
  private commands = 0;
  private inserted = true;
  private wakeMuted: (() => void)[] = [];
  private readonly listeners = new Set<(present: boolean) => void>();

  constructor(cardOrOptions: VirtualMyNumberCard | VirtualCardOptions = {}) {
    this.card = cardOrOptions instanceof VirtualMyNumberCard ? cardOrOptions : new VirtualMyNumberCard(cardOrOptions);
  }

  get atr(): Uint8Array {
    return this.card.atr;
  }
  get contactless(): boolean {
    return this.card.contactless;
  }
  get present(): boolean {
    return this.inserted;
  }
  /** Commands received since the card was created (the count the faults refer to). */
  get commandCount(): number {
    return this.commands;
  }

  /** Changes the faults the card plays from the next command on (e.g. garbage off after a fuzz run). */
  setFaults(faults: Faults): void {
    this.card.config.faults = FaultsSchema.parse(faults);
  }

  /** Called with the new presence whenever the card is pulled out or put back. */
  onPresenceChange(listener: (present: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  remove(): void {
    if (!this.inserted) return;
    this.inserted = false;
    for (const wake of this.wakeMuted.splice(0)) wake();
    for (const listener of this.listeners) listener(false);
  }

  /** Puts the card back: powered up fresh, like a real insertion. */
  insert(): void {
    if (this.inserted) return;
    this.card.reset();
    this.inserted = true;
    for (const listener of this.listeners) listener(true);
  }

  reset(): void {
    this.card.reset();
  }

  async answer(command: Uint8Array): Promise<InProcessAnswer> {
    if (!this.inserted) return 'removed';
    this.commands += 1;
    const faults = this.card.config.faults;
    if (faults.removeAtCommand === this.commands) {
      this.remove();
      return 'removed';
    }
    const muted = (faults.muteAtCommand !== undefined && this.commands >= faults.muteAtCommand)
      || (faults.muteOnPrefix !== undefined && toHex(command).startsWith(faults.muteOnPrefix.toUpperCase()));
    if (muted) {
      // A mute card answers nothing until it is pulled out.
      await new Promise<void>((wake) => this.wakeMuted.push(wake));
      return 'removed';
    }
    if (faults.slowMs) await new Promise((done) => setTimeout(done, faults.slowMs));
    if (!this.inserted) return 'removed';
    if (faults.garbage !== undefined && Math.random() < faults.garbage) {
      return Uint8Array.from(randomBytes(randomInt(0, 300)));
    }
    return this.card.respond(command);
  }
}
