import { useEffect } from 'react';
import { call } from '../ipc/onshi';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The services host owns the idle lock (it also ends the check and drops patient data); the screen
 * only tells it that someone is there. At most one report per interval: a busy clerk must not
 * flood the host, and the idle time is counted in minutes.
 */
export const ACTIVITY_REPORT_INTERVAL_MS = 5_000;

export function useActivityReport(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    let last = 0;
    const touched = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_REPORT_INTERVAL_MS) return;
      last = now;
      // A lost report only means the lock comes a little earlier: nothing to tell the clerk.
      call('session.activity', {}).catch(() => undefined);
    };
    for (const name of ACTIVITY) window.addEventListener(name, touched, { passive: true, capture: true });
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, touched, { capture: true });
    };
  }, [signedIn]);
}
