import type { KioskState } from '../store/kiosk-store';
import type { Phase } from '../store/phases';
import { OFFLINE_PAGE_AFTER_MS, rememberChannels } from './outage';

/** Phases with nobody at the kiosk: the offline page interrupts no one. */
const UNATTENDED: readonly Phase[] = ['starting', 'attract'];

/** The part of the kiosk's store the watch reads. */
interface WatchedStore {
  getState(): KioskState;
  subscribe(listener: (state: KioskState, previous: KioskState) => void): () => void;
}

/** What the watch does, so that a test can drive it. */
export interface OutageDeps {
  serverAnswers(): Promise<boolean>;
  showOfflinePage(): void;
}

/**
 * Keeps the office's channels for the offline page, and when the connection has been down for
 * `OFFLINE_PAGE_AFTER_MS` with nobody at the kiosk and the server does not answer, shows the
 * offline page (from the service worker's copy), which comes back by itself. A visitor who is
 * under way keeps their screen and its "reconnecting" banner: their ticket is safe on the server.
 * Returns how to stop.
 */
export function watchForOutage(store: WatchedStore, deps: OutageDeps): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    timer = undefined;
    const state = store.getState();
    if (state.connection === 'online' || !UNATTENDED.includes(state.phase)) return;
    if (await deps.serverAnswers()) return;
    const now = store.getState();
    if (now.connection !== 'online' && UNATTENDED.includes(now.phase)) deps.showOfflinePage();
  };
  const follow = (state: KioskState) => {
    const waiting = state.connection === 'offline' && UNATTENDED.includes(state.phase);
    if (waiting && timer === undefined)
      timer = setTimeout(() => void check(), OFFLINE_PAGE_AFTER_MS);
    if (!waiting && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.office && state.office !== previous.office) rememberChannels(state.office);
    follow(state);
  });
  follow(store.getState());
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
