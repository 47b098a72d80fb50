import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useAppInfo } from '../../ipc/useAppInfo';
import { useCheck } from '../../ipc/useCheck';
import { useIdleLock } from '../../session/useIdleLock';
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
  useIdleLock(patientDataShown, onIdle);
  return <CheckScreen check={check} today={info ? new Date(info.now) : new Date()} />;
}
