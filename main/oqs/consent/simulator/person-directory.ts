/**
 * The seam between the simulator and the synthetic population: who holds which card, their
 * qualification, and whether the card is registered for 保険証利用. OQS finds the person behind
 * the certificate's serial number; so does the simulator.
 */
import type { QualificationRecord } from '../contract-schemas';

export interface SimulatedPerson {
  /** Upper-case hex serial of the person's 利用者証明用電子証明書. */
  readonly certificateSerial: string;
  /** Null: the person has no qualification on record. */
  readonly qualification: QualificationRecord | null;
  insuranceUseRegistered: boolean;
}

export interface PersonDirectory {
  findByCertificateSerial(serial: string): SimulatedPerson | undefined;
}

export function personDirectoryOf(people: readonly SimulatedPerson[]): PersonDirectory {
  const bySerial = new Map(people.map((p) => [p.certificateSerial, p]));
  return { findByCertificateSerial: (serial) => bySerial.get(serial) };
}

/** Serial numbers compared as upper-case hex without leading zeros, however a library prints them. */
export function normaliseSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}
