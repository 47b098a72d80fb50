import { useCallback, useState } from 'react';
import { toOnshiError, type OnshiError } from './onshi';

/** Runs a screen's action and keeps its failure (code and sentence) for the error panel. */
export function useAttempt(): { error: OnshiError | null; attempt(work: () => Promise<void>): Promise<void> } {
  const [error, setError] = useState<OnshiError | null>(null);
  const attempt = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(toOnshiError(err));
    }
  }, []);
  return { error, attempt };
}
