import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { renderAnswer } from '../../../main/oqs/terminal/answers';
import { TerminalClient } from '../../../main/oqs/terminal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oqs-zip-'));
  await mkdir(join(dir, 'req'));
  await mkdir(join(dir, 'res'));
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

const part = (from: number, count: number) => renderAnswer('bulkQualification', { ReceptionNumber: 'R1', SegmentOfResult: '1' }, {
  BulkConfirmUnit: Array.from({ length: count }, (_, i) => ({ ProcessingResultStatus: '1', QualificationValidity: '4', QualificationConfirmSearchInfo: { ArbitraryIdentifier: `A${from + i}` } })),
}, 'UTF-8');

/** Plays the terminal by hand: waits for the download request and answers it with `answer`. */
async function answerNextDownload(answer: (base: string) => Promise<{ name: string; bytes: Buffer }>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const request = (await readdir(join(dir, 'req'))).find((n) => n.startsWith('OQSmuquc02req_'));
    if (request) {
      const { name, bytes } = await answer(request.replace('req_', 'res_').replace(/\.xml$/, ''));
      await writeFile(join(dir, 'res', name), bytes);
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no download request');
}

const client = () => new TerminalClient({ requestDir: join(dir, 'req'), resultDir: join(dir, 'res'), medicalInstitutionCode: '1311000010', pollMs: 20, settleMs: 10, answerTimeoutMs: 5_000 });

describe('zipped batch answers', () => {
  it('merges several XML files of one zip into one answer, in order', async () => {
    const pending = client().downloadBatch('bulkQualification', 'R1');
    await answerNextDownload(async (base) => ({ name: `${base}.zip`, bytes: await zipOf({ 'part1.xml': part(0, 3), 'part2.xml': part(3, 2) }) }));
    const result = await pending;
    if (result.state !== 'done') throw new Error('expected results');
    expect(result.rawXml).toHaveLength(2);
    expect(result.answer.body.BulkConfirmUnit?.map((u) => u.QualificationConfirmSearchInfo?.ArbitraryIdentifier)).toEqual(['A0', 'A1', 'A2', 'A3', 'A4']);
  });

  it('refuses a zip whose entry climbs out of the folder, and leaves it where it is', async () => {
    const pending = client().downloadBatch('bulkQualification', 'R1');
    await answerNextDownload(async (base) => {
      const zip = await zipOf({ 'AAAAAAAAA.xml': part(0, 1) });
      return { name: `${base}.zip`, bytes: Buffer.from(zip.toString('latin1').replaceAll('AAAAAAAAA.xml', '../../xxx.xml'), 'latin1') };
    });
    await expect(pending).rejects.toMatchObject({ code: 'OQS_ZIP_REJECTED' });
    expect((await readdir(join(dir, 'res'))).length).toBe(1);
  });
});
