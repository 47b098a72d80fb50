import type { ConsentRefusalCode } from '../error-codes';

/** Thrown inside the simulator when OQS would refuse; the server turns it into an XmlMsg refusal. */
export class SimulatedRefusal extends Error {
  constructor(readonly code: ConsentRefusalCode, detail?: string) {
    super(detail ?? code);
    this.name = 'SimulatedRefusal';
  }
}
