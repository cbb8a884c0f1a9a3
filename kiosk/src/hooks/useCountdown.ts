import { useEffect, useEffectEvent, useState } from 'react';

/**
 * Counts whole seconds down from `seconds` and calls `onDone` once at zero. Returns the seconds
 * left, for a visible countdown. Measured against the clock, so a busy tab does not stretch it.
 * A new `restart` starts the count again (the visitor is still busy on the screen).
 */
export function useCountdown(seconds: number, onDone: () => void, restart = 0): number {
  const [left, setLeft] = useState(seconds);
  const done = useEffectEvent(onDone);

  useEffect(() => {
    const end = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        done();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds, restart]);

  return left;
}
