import { useStore } from 'zustand';
import { consoleStore, type ConsoleState } from '../store';

/** Reads one value from the console store and re-renders when it changes. */
export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(consoleStore, selector);
}
