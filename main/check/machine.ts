/**
 * One check, from the care setting to the result, as an XState machine. Every state answers the
 * card being pulled, the reader going away, the network dropping, an OQS error, the cart idling and
 * CANCEL; the answers are listed in docs by the tests in tests/unit/check.
 *
 * Two calls are never abandoned half-way: the PIN's VERIFY (the try may already be spent) and the
 * consent registration (OQS may already have it). CANCEL or IDLE during them is remembered and
 * honoured when the call settles. Everything else in flight is simply dropped.
 *
 * This module holds what every state shares (the answers to CANCEL, IDLE and the network, an
 * interruption and its RETRY, the end that clears patient data); the states of each stretch of the
 * check are in their own modules, on the vocabulary of machine-setup.ts.
 */
import { assign } from 'xstate';
import { cardAndIdentityStates } from './machine-card-identity';
import { consentStates } from './machine-consent';
import { registrationStates } from './machine-registration';
import { resultStates } from './machine-result';
import { checkMachineSetup, clearedPatientData, noPatientData, type CheckMachineDeps } from './machine-setup';

export type { CheckMachineDeps } from './machine-setup';

export function createCheckMachine(deps: CheckMachineDeps) {
  const m = checkMachineSetup(deps);
  return m.createMachine({
    id: 'check',
    context: ({ input }) => ({
      ...input,
      network: 'online',
      careSetting: null,
      enteredBy: 'patient',
      cardProblem: null,
      contactless: false,
      ...noPatientData(),
      endRequested: null,
      outcome: null,
      queuedJobs: [],
    }),
    initial: 'careSetting',
    on: {
      CANCEL: { target: '.ended', actions: { type: 'endAs', params: { outcome: 'cancelled' } } },
      IDLE: { target: '.ended', actions: { type: 'endAs', params: { outcome: 'idle' } } },
      NETWORK_DOWN: { actions: assign({ network: 'offline' }) },
      NETWORK_UP: { actions: assign({ network: 'online' }) },
    },
    states: {
      ...consentStates(m, deps),
      ...cardAndIdentityStates(m),
      ...registrationStates(m),
      ...resultStates(m),
      interrupted: {
        entry: { type: 'audit', params: { interruption: true } },
        on: {
          RETRY: [
            { guard: { type: 'resumesAt', params: { from: 'card' } }, target: 'card' },
            { guard: 'resumesAtRegistrationByPin', target: 'card' },
            { guard: { type: 'resumesAt', params: { from: 'registration' } }, target: 'registering' },
            // The gateway is asked again whether 利用登録 is needed: it answers the question or the status.
            { guard: { type: 'resumesAt', params: { from: 'insuranceUse' } }, target: 'afterIdentity' },
            { guard: { type: 'resumesAt', params: { from: 'secondVisit' } }, target: 'secondVisit' },
          ],
          USE_FALLBACK: {
            guard: 'isOffline',
            target: 'ended',
            actions: [
              { type: 'endAs', params: { outcome: 'fallback' } },
            ],
          },
        },
        exit: assign({ interruption: null }),
      },
      ended: {
        type: 'final',
        entry: [{ type: 'audit', params: { end: true } }, assign(({ context }) => clearedPatientData(context))],
      },
    },
    output: ({ context }) => ({ checkId: context.checkId, outcome: context.outcome ?? 'cancelled', queuedJobs: context.queuedJobs }),
  });
}

export type CheckMachine = ReturnType<typeof createCheckMachine>;

