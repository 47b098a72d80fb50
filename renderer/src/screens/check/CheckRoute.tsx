import { useCallback } from 'react';
import { call } from '../../ipc/onshi';
import { useLoaded } from '../../ipc/useLoaded';
import { useNavigate } from 'react-router';
import { useAppInfo } from '../../ipc/useAppInfo';
import { useCheck } from '../../ipc/useCheck';
import { IDLE_LOCK_DEFAULT_MS, useIdleLock } from '../../session/useIdleLock';
import { CheckScreen } from './CheckScreen';

/**
 * The check screen wired to the services host, with the idle lock: while patient data is on the
 * screen, a cart left untouched ends the check on the host and leaves for the lock screen.
 */
export function CheckRoute() {
  const check = useCheck();
  const { info } = useAppInfo();
  const navigate = useNavigate();
  const { view, send, forget } = check;
  const patientDataShown = view !== null && view.step !== 'ended' && view.step !== 'careSetting';
  const onIdle = useCallback(() => {
    forget();
    void send({ type: 'CANCEL' }).finally(forget);
    void navigate('/locked');
  }, [forget, send, navigate]);
  const settings = useLoaded(useCallback(() => call('settings.get', {}), [])).value;
  useIdleLock(patientDataShown, onIdle, settings ? settings.idleLockSeconds * 1000 : IDLE_LOCK_DEFAULT_MS);
  return <CheckScreen check={check} today={info ? new Date(info.now) : new Date()} />;
}
