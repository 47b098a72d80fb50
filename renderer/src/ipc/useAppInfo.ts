import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../main/contract/channels/app';
import { call, OnshiError } from './onshi';

/** The services host's description of itself (version, training mode, clock), loaded once. */
export function useAppInfo(): { info?: AppInfo; error?: OnshiError } {
  const [state, setState] = useState<{ info?: AppInfo; error?: OnshiError }>({});
  useEffect(() => {
    let live = true;
    call('app.info', {}).then(
      (info) => live && setState({ info }),
      (error: unknown) => live && setState({ error: error instanceof OnshiError ? error : new OnshiError({ code: 'INTERNAL', message: String(error) }) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
