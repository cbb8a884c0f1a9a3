import type { CallStart } from '@loket/shared';
import type { CallSnapshot } from '@loket/shared/media';
import { useEffect, useSyncExternalStore } from 'react';
import { currentCall, joinCall } from '../lib/call-session';

/** Joins `call` (once, however often the screen mounts) and follows its state. */
export function useCall(call: CallStart): CallSnapshot {
  useEffect(() => joinCall(call), [call]);
  return useSyncExternalStore(currentCall.subscribe, currentCall.getSnapshot);
}
