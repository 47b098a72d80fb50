import { useCallback, useEffect, useState } from 'react';
import type { SessionState } from '../../../main/contract/channels/session';
import { call, toOnshiError, useOnshiEvent, type OnshiError } from '../ipc/onshi';

/**
 * Who may use the cart right now, as the services host sees it: read once, then kept current by the
 * host's `session.changed` event (unlock, lock, the idle lock, staff added, activation).
 */
export function useSession(): { state?: SessionState; error?: OnshiError; replace(state: SessionState): void } {
  const [state, setState] = useState<SessionState>();
  const [error, setError] = useState<OnshiError>();
  useEffect(() => {
    let live = true;
    call('session.state', {}).then(
      (s) => live && setState(s),
      (e: unknown) => live && setError(toOnshiError(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  useOnshiEvent('session.changed', useCallback((s: SessionState) => setState(s), []));
  /** A call that answers with the session (re-activation after a lost key) replaces what failed to load. */
  const replace = useCallback((s: SessionState) => {
    setError(undefined);
    setState(s);
  }, []);
  return { state, error, replace };
}
