/**
 * Faults the simulator can be told to show, so the client's handling of a bad network is tested
 * against a real socket: slow answers, HTTP 500, a body cut off mid-way, a body that is not JSON
 * or not the contract's shape. (Refused connections are the simulator's own switch: it stops
 * listening.)
 */
export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'truncated-body' }
  | { readonly kind: 'malformed-body'; readonly variant: 'not-json' | 'wrong-shape' };

interface PlannedFault {
  readonly fault: Fault;
  readonly path: string | undefined;
  remaining: number;
}

export class FaultPlan {
  private planned: PlannedFault[] = [];

  /** The fault for the next `times` requests (all of them when omitted), on one path or every path. */
  inject(fault: Fault, options: { path?: string; times?: number } = {}): void {
    this.planned.push({ fault, path: options.path, remaining: options.times ?? Infinity });
  }

  clear(): void {
    this.planned = [];
  }

  /** The fault that applies to this request, counted as used. */
  take(path: string): Fault | undefined {
    const match = this.planned.find((p) => p.remaining > 0 && (p.path === undefined || p.path === path));
    if (!match) return undefined;
    match.remaining--;
    return match.fault;
  }
}
