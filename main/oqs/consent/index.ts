/**
 * The consent gateway (居宅同意取得型) as the rest of the app uses it: the client, the transport
 * seam the shell fills, the contract's types, and the simulator for training mode and tests.
 * docs/consent-gateway-contract.md is the reference.
 */
export { ConsentGatewayClient } from './consent-client';
export type { ActivationInput, ConsentClientOptions, ConsentItemOutcome, ConsentOutcome, DeviceCredential } from './consent-client';
export { TransportFailure } from './http-transport';
export type { HttpRequest, HttpResponse, HttpTransport, TransportFailureKind } from './http-transport';
export { createNodeHttpsTransport } from './node-https-transport';
export { CONSENT_ITEMS } from './contract-schemas';
export type { ConsentItem, ConsentRegistrationBody, ConsentSetting, InstitutionSettings, ResultOfQualificationConfirmation } from './contract-schemas';
export { CONSENT_REFUSALS, isConsentRefusalCode } from './error-codes';
export type { ConsentRefusalCode } from './error-codes';
export { CONSENT_WINDOW_TABLE } from './consent-windows';
export { startConsentSimulator } from './simulator/consent-simulator';
export type { ConsentSimulator, ConsentSimulatorOptions } from './simulator/consent-simulator';
export { createFixtureWorld, sharedWorld } from './simulator/fixture-world';
export type { FixtureWorld, SimulatorWorld } from './simulator/fixture-world';
