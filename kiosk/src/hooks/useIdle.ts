import { useEffect, useEffectEvent } from 'react';

/** What counts as the visitor still being there. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;

/** Calls `onIdle` after `ms` without a touch or key press, while `enabled`. */
export function useIdle(ms: number, onIdle: () => void, enabled = true): void {
  const idle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(idle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, ms);
    };
    for (const event of ACTIVITY) window.addEventListener(event, restart, { capture: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart, { capture: true });
    };
  }, [ms, enabled]);
}
