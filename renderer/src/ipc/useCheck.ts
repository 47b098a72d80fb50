import { useCallback, useEffect, useState } from 'react';
import type { CheckUserEventWire, CheckView } from '../../../main/contract/channels/check';
import type { CheckHandle } from '../screens/check/vocabulary';
import { call, OnshiError, toOnshiError, useOnshiEvent } from './onshi';

/** The check machine as the screens see it: the `check.state` event, and calls to move it on. */
export function useCheck(): CheckHandle {
  const [view, setView] = useState<CheckView | null>(null);
  const [error, setError] = useState<OnshiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('check.current', {}).then(
      (current) => live && setView(current.view),
      (e: unknown) => live && setError(toOnshiError(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  useOnshiEvent(
    'check.state',
    useCallback((current: { view: CheckView | null }) => setView(current.view), []),
  );

  const run = useCallback(async (work: () => Promise<CheckView>) => {
    setBusy(true);
    setError(null);
    try {
      setView(await work());
    } catch (e) {
      setError(toOnshiError(e));
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    view,
    error,
    busy,
    start: useCallback(() => run(() => call('check.start', {})), [run]),
    send: useCallback((event: CheckUserEventWire) => run(() => call('check.send', event)), [run]),
  };
}
