/**
 * The simulator's clock: real time plus an offset the tests (and the command line) can move, so
 * "wait ten minutes for the activation code" takes no time at all. It can also be frozen at an
 * instant, so answers such as `*ConsTime` are exact.
 */
export class SimulatorClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Jump to an instant; frozen there until advanced, or running on from it. */
  setTo(instant: Date, options: { frozen: boolean }): void {
    if (options.frozen) this.frozenAt = instant.getTime();
    else {
      this.frozenAt = undefined;
      this.offsetMs = instant.getTime() - Date.now();
    }
  }
}
