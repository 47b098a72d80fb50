import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthCertificate } from '../../../native/cert/check-certificate';
import { loadTrustAnchors, type TrustAnchorSet } from '../../../native/cert/trust-anchors';
import { issueAuthCertificate, issueCardCertificate, testCa, testKey } from '../../../native/virtual-card/test-pki';

/** The J-LIS CAs in the research notes beside the repository (shared/ lies next to every clone). */
const REAL_JPKI_CAS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'certs');
const DAY = 24 * 60 * 60 * 1000;
let folder: string;
let trust: TrustAnchorSet;

beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'onshi-anchors-'));
  writeFileSync(path.join(folder, 'test-auth-ca.pem'), testCa('auth').certPem);
  writeFileSync(path.join(folder, 'test-sign-ca.pem'), testCa('sign').certPem);
  writeFileSync(path.join(folder, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
  writeFileSync(path.join(folder, 'notes.txt'), 'not a certificate file');
  trust = loadTrustAnchors(folder);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const codes = (report: { warnings: readonly { code: string }[] }) => report.warnings.map((w) => w.code);

describe('trust anchors from a folder', () => {
  it('loads the real J-LIS CAs and tells user-authentication from signature CAs', () => {
    const real = loadTrustAnchors(REAL_JPKI_CAS);
    expect(real.skipped).toEqual([]);
    expect(real.anchors.map((a) => a.purpose).sort()).toEqual(['digital-signature', 'digital-signature', 'user-authentication', 'user-authentication']);
    expect(real.anchors.find((a) => a.file === 'auth_ca_2023.pem')!.subject).toBe('C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems');
  });

  it('skips an unreadable file with its reason and keeps the rest', () => {
    expect(trust.anchors).toHaveLength(2);
    expect(trust.skipped.map((s) => s.file)).toEqual(['broken.pem']);
  });

  it('reports a missing folder as skipped instead of failing', () => {
    const none = loadTrustAnchors(path.join(folder, 'does-not-exist'));
    expect(none.anchors).toEqual([]);
    expect(none.skipped).toHaveLength(1);
  });
});

describe('checkAuthCertificate', () => {
  const now = new Date();

  it('passes a valid card certificate from the auth CA and shows its details', () => {
    const issued = issueAuthCertificate('valid');
    const report = checkAuthCertificate(issued.certDer, trust, now);
    expect(report.warnings).toEqual([]);
    expect(report.validity).toBe('valid');
    expect(report.serialNumber).toBe(issued.serialHex);
    expect(report.issuerAnchor).toContain('OU=JPKI for user authentication');
    expect(report.keyUsage).toEqual(['digitalSignature']);
    expect(report.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(report.pem).toContain('-----BEGIN CERTIFICATE-----');
    expect(report.subject).toMatch(/^CN=[0-9A-F]+, C=JP$/);
  });

  it('matches the issuer by signature: a CA with the same name but another key is unknown', () => {
    const report = checkAuthCertificate(issueAuthCertificate('other-ca').certDer, trust, now);
    expect(report.issuer).toContain('O=JPKI-TEST');
    expect(codes(report)).toEqual(['CERT_ISSUER_UNKNOWN']);
    expect(report.issuerAnchor).toBeUndefined();
  });

  it('does not trust a test certificate against the real J-LIS CAs', () => {
    const report = checkAuthCertificate(issueAuthCertificate('valid').certDer, loadTrustAnchors(REAL_JPKI_CAS), now);
    expect(codes(report)).toEqual(['CERT_ISSUER_UNKNOWN']);
  });

  it('warns when the issuer is the signature CA and the key usage is a signing certificate', () => {
    const report = checkAuthCertificate(issueCardCertificate('sign').certDer, trust, now);
    expect(codes(report)).toEqual(['CERT_ISSUER_NOT_AUTH_CA', 'CERT_KEY_USAGE']);
  });

  it('keeps 資格確認 possible for a certificate expired less than 3 months ago', () => {
    const report = checkAuthCertificate(issueAuthCertificate('recently-expired').certDer, trust, now);
    expect(report.validity).toBe('expired-grace');
    expect(codes(report)).toEqual(['CERT_EXPIRED_GRACE']);
    expect(report.warnings[0]!.message).toContain('資格確認はできます');
    expect(new Date(report.graceUntil!).getTime()).toBeGreaterThan(now.getTime());
  });

  it('says expired after the grace window and not yet valid before the start', () => {
    expect(codes(checkAuthCertificate(issueAuthCertificate('expired').certDer, trust, now))).toEqual(['CERT_EXPIRED']);
    const future = issueCardCertificate('auth', { notBefore: new Date(now.getTime() + 10 * DAY), notAfter: new Date(now.getTime() + 100 * DAY) });
    expect(codes(checkAuthCertificate(future.certDer, trust, now))).toEqual(['CERT_NOT_YET_VALID']);
  });

  it('decodes UTF-8 names (公的個人認証サービス) instead of showing mojibake', () => {
    const key = forge.pki.privateKeyFromPem(testKey('card-auth').export({ type: 'pkcs1', format: 'pem' }).toString());
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date(now.getTime() - DAY);
    cert.validity.notAfter = new Date(now.getTime() + DAY);
    const name = [{ shortName: 'C', value: 'JP' }, { shortName: 'O', value: '公的個人認証サービス', valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }];
    cert.setSubject(name);
    cert.setIssuer(name);
    cert.setExtensions([{ name: 'keyUsage', critical: true, digitalSignature: true }]);
    cert.sign(key, forge.md.sha256.create());
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
    const report = checkAuthCertificate(der, trust, now);
    expect(report.subject).toBe('C=JP, O=公的個人認証サービス');
    expect(codes(report)).toEqual(['CERT_ISSUER_UNKNOWN']);
  });
});
