import type { CallStart } from '@loket/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { getCallSnapshot, joinCall, subscribeCall, type CallSnapshot } from '../lib/call-session';

/** Joins `call` (once, however often the screen mounts) and follows its state. */
export function useCall(call: CallStart): CallSnapshot {
  useEffect(() => joinCall(call), [call]);
  return useSyncExternalStore(subscribeCall, getCallSnapshot);
}
