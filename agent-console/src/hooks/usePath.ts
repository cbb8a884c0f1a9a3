import { useSyncExternalStore } from 'react';
import { currentPath, onPathChange } from '../lib/navigate';

/** The path under the app's base the console is at, following navigation and history. */
export function usePath(): string {
  return useSyncExternalStore(onPathChange, currentPath);
}
