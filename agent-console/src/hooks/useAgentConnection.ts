import { useEffect } from 'react';
import { startAgentConnection } from '../lib/agent-connection';
import { primeRingerOnFirstGesture } from '../lib/ringer';

/** Keeps the agent socket open while the agent page is shown. */
export function useAgentConnection(): void {
  useEffect(() => {
    const stopConnection = startAgentConnection();
    const stopPriming = primeRingerOnFirstGesture();
    return () => {
      stopPriming();
      stopConnection();
    };
  }, []);
}
