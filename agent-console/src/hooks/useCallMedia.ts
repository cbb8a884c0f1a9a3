import { useSyncExternalStore } from 'react';
import { getCallMedia, subscribeCallMedia, type CallMedia } from '../lib/callMedia';

/** The current call's local and remote streams. */
export function useCallMedia(): CallMedia {
  return useSyncExternalStore(subscribeCallMedia, getCallMedia);
}
