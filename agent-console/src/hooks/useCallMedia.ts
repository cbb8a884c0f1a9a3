import { useSyncExternalStore } from 'react';
import { getCallMedia, subscribeCallMedia, type CallMedia } from '../lib/call-media';

/** The current call's local and remote streams. */
export function useCallMedia(): CallMedia {
  return useSyncExternalStore(subscribeCallMedia, getCallMedia);
}
