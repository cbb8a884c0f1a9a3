import { consoleStore } from '../store';

/** Puts the app store back to how it starts, between tests of screens that use it. */
export function resetStore(): void {
  consoleStore.setState(consoleStore.getInitialState(), true);
}
