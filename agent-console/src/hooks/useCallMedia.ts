import type { CallSnapshot } from '@loket/shared/media';
import { useSyncExternalStore } from 'react';
import { currentCall } from '../lib/call-media';

/** The current call as its view shows it: streams, connection state and quality, screen share. */
export function useCallMedia(): CallSnapshot {
  return useSyncExternalStore(currentCall.subscribe, currentCall.getSnapshot);
}
