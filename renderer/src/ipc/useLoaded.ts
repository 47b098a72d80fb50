import { useCallback, useEffect, useState } from 'react';
import { OnshiError, toOnshiError } from './onshi';

/** Loads something from the services when the screen opens, and again on reload(). */
export function useLoaded<T>(load: () => Promise<T>): { value?: T; error?: OnshiError; reload(): void } {
  const [state, setState] = useState<{ value?: T; error?: OnshiError }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ value }),
      (error: unknown) => live && setState({ error: toOnshiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [load, round]);
  return { ...state, reload: useCallback(() => setRound((r) => r + 1), []) };
}
