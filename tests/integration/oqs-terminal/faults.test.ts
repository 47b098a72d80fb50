import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation } from '../../../main/oqs/population';
import { readAnswer } from '../../../main/oqs/terminal/answers';
import { startRig, searchFor, type Rig } from './harness';

let rig: Rig;
beforeAll(async () => { rig = await startRig({ slowDelayMs: 1_500 }); });
afterAll(async () => { await rig.close(); });

const person = loadPopulation().find((p) => p.Tags.includes('本人') && !p.DisqualificationDate)!;

describe('terminal faults on demand', () => {
  it('slow: a client with a short timeout gives up; a patient one gets the answer', async () => {
    rig.simulator.setFault('slow');
    await expect(rig.client({ answerTimeoutMs: 300 }).confirm('qualification', searchFor(person))).rejects.toMatchObject({ code: 'OQS_TERMINAL_TIMEOUT' });
    const patient = await rig.client({ answerTimeoutMs: 5_000 }).confirm('qualification', searchFor(person));
    expect(patient.answer.body.QualificationValidity).toBe('1');
    rig.simulator.setFault(undefined);
  });

  it('no answer: OQS_TERMINAL_TIMEOUT, and the request was taken by the terminal', async () => {
    rig.simulator.setFault('no-answer');
    const client = rig.client({ answerTimeoutMs: 400 });
    await expect(client.confirm('qualification', searchFor(person))).rejects.toMatchObject({ code: 'OQS_TERMINAL_TIMEOUT' });
    await expect.poll(() => readdir(join(rig.dir, 'req')), { timeout: 5_000, interval: 50 }).toEqual([]);
    rig.simulator.setFault(undefined);
  });

  it('truncated answer: OQS_XML_MALFORMED naming the cut', async () => {
    rig.simulator.setFault('truncated');
    await expect(rig.client().confirm('qualification', searchFor(person))).rejects.toMatchObject({ code: 'OQS_XML_MALFORMED', detail: expect.stringMatching(/unclosed|broken|cut/) });
    rig.simulator.setFault(undefined);
  });

  it('malformed answer: OQS_XML_MALFORMED', async () => {
    rig.simulator.setFault('malformed');
    await expect(rig.client().confirm('qualification', searchFor(person))).rejects.toMatchObject({ code: 'OQS_XML_MALFORMED' });
    rig.simulator.setFault(undefined);
  });

  it('error SegmentOfResult: OQS_RESULT_ERROR with OQS\'s message verbatim and its ErrorCode in the detail', async () => {
    rig.simulator.setFault('error-segment');
    await expect(rig.client().confirm('qualification', searchFor(person))).rejects.toMatchObject({
      code: 'OQS_RESULT_ERROR',
      message: expect.stringContaining('「システムエラーが発生しました。しばらくしてから再度実施してください。」'),
      detail: 'ErrorCode=SIM9999',
    });
    await expect(rig.client().runBatch('bulkQualification', [searchFor(person)], 50, 2_000)).rejects.toMatchObject({ code: 'OQS_RESULT_ERROR' });
    rig.simulator.setFault(undefined);
  });

  it('the terminal answers a request it cannot read with SegmentOfResult 9 and its own message', async () => {
    await writeFile(join(rig.dir, 'req', 'OQSsiquc01req_broken01.xml'), '<XmlMsg><MessageHeader>');
    const answer = join(rig.dir, 'res', 'OQSsiquc01res_broken01.xml');
    await expect.poll(() => readFile(answer).then(() => true, () => false), { timeout: 5_000, interval: 50 }).toBe(true);
    expect(readAnswer('processing', await readFile(answer)).header).toMatchObject({ SegmentOfResult: '9', ErrorMessage: '要求ファイルの形式に誤りがあります。' });
  });

  it('answers normally again once the fault is cleared', async () => {
    const r = await rig.client().confirm('qualification', searchFor(person));
    expect(r.answer.body.ResultList?.[0]?.Name).toBe(person.Name);
  });
});
