import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation } from '../../../main/oqs/population';
import { exportCsv } from '../../../main/oqs/terminal/export';
import { startRig, searchFor, type Rig } from './harness';

let rig: Rig;
beforeAll(async () => { rig = await startRig({ zipAboveUnits: 1_000 }); });
afterAll(async () => { await rig.close(); });

describe('a 10,000-record batch', () => {
  it('goes out as one file, comes back zipped, and every record is answered in order', async () => {
    const people = loadPopulation();
    const searches = Array.from({ length: 10_000 }, (_, i) => ({ ...searchFor(people[i % people.length]!), ArbitraryIdentifier: `R${i}` }));
    const result = await rig.client({ answerTimeoutMs: 60_000 }).runBatch('bulkQualification', searches, 100, 60_000);
    expect(result.answerFile.endsWith('.zip')).toBe(true);
    const units = (result.answer.body as { BulkConfirmUnit?: { QualificationConfirmSearchInfo?: { ArbitraryIdentifier?: string } }[] }).BulkConfirmUnit!;
    expect(units).toHaveLength(10_000);
    expect(units[9_999]!.QualificationConfirmSearchInfo?.ArbitraryIdentifier).toBe('R9999');
    expect(result.answer.header.NumberOfProcessingResult).toBe('10000');
    const csv = exportCsv([result.answer as never], { training: false, encoding: 'Shift_JIS' });
    expect(csv.bytes.length).toBeGreaterThan(10_000 * 100);
  }, 120_000);
});
