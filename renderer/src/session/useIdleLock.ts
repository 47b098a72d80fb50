import { useEffect } from 'react';

/**
 * How long a cart may stand untouched with patient data on screen before it locks. Two minutes by
 * default; the settings screen will change it, so it lives in one place.
 */
export const IDLE_LOCK_DEFAULT_MS = 2 * 60 * 1000;

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls onIdle once after `ms` without a touch, a key or a pointer, while `active` holds. */
export function useIdleLock(active: boolean, onIdle: () => void, ms: number = IDLE_LOCK_DEFAULT_MS): void {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(onIdle, ms);
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, ms);
    };
    for (const name of ACTIVITY) window.addEventListener(name, touched, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, touched);
    };
  }, [active, onIdle, ms]);
}
