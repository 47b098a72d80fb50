/**
 * The code of the AppError a call throws or a promise rejects with: what a test of bad input
 * asserts. Anything else (no error, or an error that is not an AppError) fails the test here.
 */
import { expect } from 'vitest';
import { AppError } from '../../main/contract/errors';

function codeOfError(err: unknown): string {
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return codeOfError(err);
  }
  throw new Error('did not throw');
}

export async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  let failure: unknown;
  try {
    await promise;
  } catch (err) {
    failure = err ?? new Error('rejected without a reason');
  }
  if (failure === undefined) throw new Error('did not reject');
  return codeOfError(failure);
}
