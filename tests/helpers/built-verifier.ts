/**
 * The audit verifier from the services host as built (`out/main`, by `npm run build`): its worker
 * entry sits beside host.js, so threads start as they do in the packaged app.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SpanVerifier } from '../../main/audit/verify';

export const BUILT_VERIFY_WORKER = path.resolve(__dirname, '..', '..', 'out', 'main', 'audit-verify-worker.js');

/** parallelVerifier as the build exports it: undefined where verification stays in one thread. */
export function builtParallelVerifier(file: string, key: Uint8Array, threads?: number): SpanVerifier | undefined {
  const { parallelVerifier } = createRequire(__filename)(BUILT_VERIFY_WORKER) as {
    parallelVerifier: (file: string, key: Uint8Array, threads?: number) => SpanVerifier | undefined;
  };
  return parallelVerifier(file, key, threads);
}
