/**
 * The calls a check makes, each one promise actor over the ports. Secrets arrive as OneShotSecret
 * and are used inside the actor, so the bytes go from the event straight into the one port call.
 * Writes that must not be lost when the network is down (consent cancellation, 照会番号) fall back
 * to the job queue here.
 */
import { fromPromise } from 'xstate';
import { failureKind } from './errors';
import type { OneShotSecret } from './one-shot-secret';
import type {
  Challenge,
  CheckJob,
  CheckPorts,
  ConsentRegistration,
  IdentityProof,
  InsuranceIdentifiers,
  PinVerifyOutcome,
  QualificationResult,
} from './ports';

export interface CardReading {
  certificate: Uint8Array;
  pinTriesLeft: number;
  pinSet: boolean;
  contactless: boolean;
}

/** A fresh OQS challenge signed by the card, whose PIN is still verified from this check's VERIFY. */
async function signFreshChallenge(ports: CheckPorts, certificate: Uint8Array): Promise<Extract<IdentityProof, { method: 'pin' }>> {
  const challenge = await ports.consent.fetchChallenge();
  const signature = await ports.card.signChallenge(challenge.bytes);
  return { method: 'pin', certificate, challengeId: challenge.id, signature };
}

/** Sends `job` now, or queues it when the network is down; any other failure propagates. */
async function sendOrQueue(ports: CheckPorts, send: () => Promise<void>, job: CheckJob): Promise<{ queued: boolean }> {
  try {
    await send();
    return { queued: false };
  } catch (err) {
    if (failureKind(err) !== 'network') throw err;
    await ports.jobs.enqueue(job);
    return { queued: true };
  }
}

export function checkActors(ports: CheckPorts) {
  return {
    readCard: fromPromise<CardReading>(async () => {
      const { contactless } = await ports.card.select();
      const certificate = await ports.card.readAuthCertificate();
      const { triesLeft, pinSet } = await ports.card.readPinTriesLeft();
      return { certificate, pinTriesLeft: triesLeft, pinSet, contactless };
    }),
    fetchChallenge: fromPromise<Challenge>(() => ports.consent.fetchChallenge()),
    verifyPin: fromPromise<PinVerifyOutcome, { pin: OneShotSecret }>(({ input }) =>
      input.pin.use((bytes) => ports.card.verifyAuthPin(bytes)),
    ),
    signChallenge: fromPromise<IdentityProof, { challenge: Challenge; certificate: Uint8Array }>(async ({ input }) => {
      const signature = await ports.card.signChallenge(input.challenge.bytes);
      return { method: 'pin', certificate: input.certificate, challengeId: input.challenge.id, signature };
    }),
    verifyPasscode: fromPromise<boolean, { staffId: string; passcode: OneShotSecret }>(({ input }) =>
      input.passcode.use((bytes) => ports.clerk.verifyPasscode(input.staffId, bytes)),
    ),
    checkInsuranceUse: fromPromise<'registered' | 'unregistered', { certificate: Uint8Array }>(({ input }) =>
      ports.consent.insuranceUseStatus(input.certificate),
    ),
    /** 利用登録 over one challenge, then a second signature for the consent registration that follows. */
    registerInsuranceUse: fromPromise<IdentityProof, { certificate: Uint8Array }>(async ({ input }) => {
      await ports.consent.registerInsuranceUse(await signFreshChallenge(ports, input.certificate));
      return signFreshChallenge(ports, input.certificate);
    }),
    registerConsent: fromPromise<QualificationResult, ConsentRegistration>(({ input }) => ports.consent.registerConsent(input)),
    cancelConsent: fromPromise<{ queued: boolean }, { checkId: string; registrationId: string }>(({ input }) =>
      sendOrQueue(ports, () => ports.consent.cancelConsent(input), { kind: 'consent.cancel', ...input }),
    ),
    reinquire: fromPromise<QualificationResult, { identifiers: InsuranceIdentifiers; treatmentDate: string }>(({ input }) =>
      ports.terminal.reinquire(input),
    ),
    registerReferenceNumber: fromPromise<
      { queued: boolean },
      { checkId: string; staffId: string; identifiers: InsuranceIdentifiers; referenceNumber: string }
    >(async ({ input }) => {
      // Kept first, so a number the list refuses (a duplicate, a malformed one) never reaches OQS;
      // taken back out when OQS refuses it.
      const kept = ports.references.keep({ referenceNumber: input.referenceNumber, identifiers: input.identifiers });
      try {
        return await sendOrQueue(
          ports,
          () => ports.terminal.registerReferenceNumber({ identifiers: input.identifiers, referenceNumber: input.referenceNumber }),
          { kind: 'reference-number.register', ...input },
        );
      } catch (err) {
        kept.undo();
        throw err;
      }
    }),
  };
}
