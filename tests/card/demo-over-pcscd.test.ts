/**
 * `onshi-cart demo --reader`: a named reader without a card is refused plainly. (The full run of
 * checks on a virtual card behind pcscd waits for the virtual card to move out of the test's own
 * process: a synchronous PC/SC call can block the process that must answer for the card.)
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/command';
import { demoCommands } from '../../main/cli/commands/demo';

const demo = demoCommands[0]!;
const io = (lines: unknown[]): CliIo => ({ readStdin: async () => '', emit: (l) => lines.push(l), json: true, interrupted: new Promise(() => undefined) });

describe('demo through pcscd', () => {
  it('a reader with no card is named as such', async () => {
    await expect(demo.run({ values: { checks: '1', reader: 'no such reader 00' }, positionals: [] }, io([]))).rejects.toMatchObject({ code: 'DEMO_NO_CARD' });
  });
});
