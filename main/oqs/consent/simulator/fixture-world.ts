/**
 * The simulator's world: the test JPKI CA of native/virtual-card/test-pki.ts as trust anchor, its
 * revoked list, the shared synthetic population, and one card per case the gateway must tell
 * apart, each issued to a chosen person of the population (tests and the command line use them).
 */
import { testCa, issueCardCertificate, revokeSerial, revokedSerials } from '../../../../native/virtual-card/test-pki';
import type { KeyObject } from 'node:crypto';
import { loadPopulation } from '../../population';
import type { PopulationPerson } from '../../population';
import type { SimulatorPki } from './certificate-check';
import { normaliseSerial, populationDirectory } from './person-directory';
import type { PersonDirectory } from './person-directory';

export const FIXTURE_CARD_CASES = [
  'registered', 'unregistered', 'noQualification', 'revoked', 'expiredRecently', 'expiredLong', 'otherCa',
] as const;
export type FixtureCardCase = (typeof FIXTURE_CARD_CASES)[number];

export interface FixtureCard {
  readonly certificateDerBase64: string;
  /** The card's authentication key: only the virtual card and tests hold it. */
  readonly privateKey: KeyObject;
  readonly holder: PopulationPerson;
}

/** What the simulator answers from: whose certificates it trusts and who holds them. */
export interface SimulatorWorld {
  readonly pki: SimulatorPki;
  readonly directory: PersonDirectory;
}

export interface FixtureWorld extends SimulatorWorld {
  readonly cards: Readonly<Record<FixtureCardCase, FixtureCard>>;
}

const DAY = 24 * 3600_000;

/** The test CA with its revoked list (read afresh on each check: another process may revoke), and the population. */
export function sharedWorld(): SimulatorWorld {
  return {
    pki: {
      trustAnchorsPem: [testCa('auth').certPem],
      isRevoked: (serial) => [...revokedSerials()].some((s) => normaliseSerial(s) === serial),
    },
    directory: populationDirectory(),
  };
}

function pick(what: string, test: (p: PopulationPerson) => boolean, skip = 0): PopulationPerson {
  const found = loadPopulation().filter((p) => p.CardholderId !== null && test(p))[skip];
  if (!found) throw new Error(`the population has no person for ${what}`);
  return found;
}

export function createFixtureWorld(now = new Date()): FixtureWorld {
  const insured = (p: PopulationPerson) => p.CardRegisteredForInsurance && p.DisqualificationDate === undefined;
  const holders: Record<FixtureCardCase, PopulationPerson> = {
    registered: pick('a registered card', insured),
    unregistered: pick('an unregistered card', (p) => !p.CardRegisteredForInsurance && p.DisqualificationDate === undefined),
    noQualification: pick('a lost qualification', (p) => p.CardRegisteredForInsurance && p.DisqualificationDate !== undefined),
    revoked: pick('a revoked card', insured, 1),
    expiredRecently: pick('a recently expired card', insured, 2),
    expiredLong: pick('a long expired card', insured, 3),
    otherCa: pick('a card from another CA', insured, 4),
  };
  const validity: Partial<Record<FixtureCardCase, { notBefore: Date; notAfter: Date }>> = {
    expiredRecently: { notBefore: new Date(now.getTime() - 5 * 365 * DAY), notAfter: new Date(now.getTime() - 30 * DAY) },
    expiredLong: { notBefore: new Date(now.getTime() - 5 * 365 * DAY), notAfter: new Date(now.getTime() - 120 * DAY) },
  };
  const cards = {} as Record<FixtureCardCase, FixtureCard>;
  for (const c of FIXTURE_CARD_CASES) {
    const holder = holders[c];
    const issued = issueCardCertificate('auth', {
      subjectId: holder.CardholderId!,
      keySlot: `consent-${c.toLowerCase()}`,
      ...(c === 'otherCa' ? { ca: 'other' as const } : {}),
      ...validity[c],
    });
    if (c === 'revoked') revokeSerial(issued.serialHex);
    cards[c] = { certificateDerBase64: Buffer.from(issued.certDer).toString('base64'), privateKey: issued.privateKey, holder };
  }
  return { ...sharedWorld(), cards };
}
