import { useAppInfo } from '../../ipc/useAppInfo';
import { useCheck } from '../../ipc/useCheck';
import { CheckScreen } from './CheckScreen';

/**
 * The check screen wired to the services host. The idle lock is the host's: it ends the check, and
 * the session gate replaces this screen with the unlock screen, so no patient data stays behind.
 */
export function CheckRoute() {
  const check = useCheck();
  const { info } = useAppInfo();
  return <CheckScreen check={check} today={info ? new Date(info.now) : new Date()} />;
}
