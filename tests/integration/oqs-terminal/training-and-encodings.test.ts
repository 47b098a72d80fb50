import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPopulation } from '../../../main/oqs/population';
import { exportCsv, exportXml, TRAINING_WATERMARK } from '../../../main/oqs/terminal/export';
import { startTrainingTerminal, type TrainingTerminal } from '../../../main/oqs/terminal/training';
import { searchFor, startRig } from './harness';

const person = loadPopulation().find((p) => p.Tags.includes('国保') && !p.DisqualificationDate && !p.PreviousQualification)!;

describe('training mode terminal (embedded)', () => {
  let dir: string;
  let terminal: TrainingTerminal;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oqs-training-'));
    terminal = await startTrainingTerminal(dir, { simulator: { delayMs: [5, 20] }, client: { pollMs: 30, settleMs: 10, answerTimeoutMs: 5_000 } });
  });
  afterAll(async () => {
    await terminal.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers through its own folder and watermarks both exports', async () => {
    const r = await terminal.client.confirm('qualification', searchFor(person));
    const xml = iconv.decode(exportXml(r.rawXml[0]!, terminal.training).bytes, 'cp932');
    expect(xml).toContain(TRAINING_WATERMARK);
    const csv = iconv.decode(exportCsv([r.answer], { training: terminal.training, encoding: 'Shift_JIS' }).bytes, 'cp932');
    expect(csv.startsWith(TRAINING_WATERMARK)).toBe(true);
    expect(csv).toContain(person.Name);
  });
});

describe('encodings across the folder', () => {
  it('reads a UTF-8 answer to a Shift_JIS request by its declaration', async () => {
    const rig = await startRig({ encoding: 'UTF-8' });
    try {
      const r = await rig.client({ encoding: 'Shift_JIS' }).confirm('qualification', searchFor(person));
      expect(r.answer.encoding).toBe('UTF-8');
      expect(r.answer.header.CharacterCodeIdentifier).toBe('0');
      expect(r.answer.body.ResultList?.[0]?.Name).toBe(person.Name);
    } finally {
      await rig.close();
    }
  });

  it('sends a character Shift_JIS lacks as 〓 and says how many', async () => {
    const rig = await startRig();
    try {
      const r = await rig.client({ encoding: 'Shift_JIS' }).confirm('qualification', { ...searchFor(person), ArbitraryIdentifier: '𠮷-1' });
      expect(r.replacedCharacters).toBe(1);
      expect(r.answer.body.QualificationConfirmSearchInfo?.ArbitraryIdentifier).toBe('〓-1');
      const utf8 = await rig.client({ encoding: 'UTF-8' }).confirm('qualification', { ...searchFor(person), ArbitraryIdentifier: '𠮷-1' });
      expect(utf8.replacedCharacters).toBe(0);
    } finally {
      await rig.close();
    }
  });
});
