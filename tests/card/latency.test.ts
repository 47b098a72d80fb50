/** The latency fix holds: an APDU through pcscd + vpcd takes well under 5 ms (median). */
import { describe, expect, it } from 'vitest';
import { MAX_MEDIAN_ROUND_TRIP_MS, medianRoundTripMs } from '../harness/pcscd';

describe('pcscd latency guard', () => {
  it(`the median SELECT round trip is at most ${MAX_MEDIAN_ROUND_TRIP_MS} ms`, async () => {
    expect(await medianRoundTripMs(100)).toBeLessThanOrEqual(MAX_MEDIAN_ROUND_TRIP_MS);
  });
});
