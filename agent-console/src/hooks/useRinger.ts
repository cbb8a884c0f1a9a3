import { useEffect } from 'react';
import { startRinging, stopRinging } from '../lib/ringer';

/** Rings while `ringing` is true and the component is shown. */
export function useRinger(ringing: boolean): void {
  useEffect(() => {
    if (!ringing) return undefined;
    startRinging();
    return stopRinging;
  }, [ringing]);
}
