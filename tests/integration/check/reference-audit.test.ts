/**
 * A 照会番号 registered from a check's result lands in the real audit log as a `reference.change`
 * row under the same keyed patient reference `onshi-cart audit find` computes from the insurance
 * card, so "who registered a number for this patient" is answerable without the log holding them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAudit, type OpenedAudit } from '../../../main/audit/open-audit';
import { rowsForPatient } from '../../../main/audit/export';
import { auditAdapter } from '../../../main/check/adapters/audit';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';
import { startCheck, toResultByPin } from '../../unit/check/driver';

describe('照会番号 registration in the audit log', () => {
  let dataDir: string | undefined;
  let audit: OpenedAudit | undefined;
  afterEach(async () => {
    audit?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('is found by the patient\'s insurance identifiers, as audit find looks it up', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reference-audit-'));
    audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
    const h = await startCheck({ audit: auditAdapter(audit.log) });
    await toResultByPin(h);
    const q = h.view().result!.qualification;
    h.send({ type: 'REGISTER_REFERENCE', referenceNumber: 'K-0001' });
    const { auditSeqs } = await h.service.ended();

    const patient = audit.log.patientRef({ insurer: q.InsurerNumber, symbol: q.InsuredCardSymbol, number: q.InsuredIdentificationNumber, branch: q.InsuredBranchNumber, birthdate: q.Birthdate });
    const found = rowsForPatient(audit.store.db, patient);
    expect(found.map((r) => r.kind)).toEqual(['reference.change']);
    expect(auditSeqs).toContain(found[0]!.seq);
    expect(found[0]).toMatchObject({ actor: h.fakes.clerk.staffId });
    expect(JSON.stringify(found)).not.toContain('K-0001');
  });

  it('identifiers too malformed to hash give no patient reference', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reference-audit-'));
    audit = await openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
    expect(auditAdapter(audit.log).patientRef({ InsurerNumber: '0613999', InsuredIdentificationNumber: '1', Birthdate: '19500102' })).toBeNull();
  });
});
