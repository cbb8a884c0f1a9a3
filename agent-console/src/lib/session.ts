import type { LoginBody } from '@loket/shared';
import { signedIn, signedOut } from '../store/actions';
import { fetchSession, login, logout } from './api';

/** Finds out whether the session cookie still names a user. */
export async function restoreSession(): Promise<void> {
  try {
    signedIn(await fetchSession());
  } catch {
    signedOut();
  }
}

/** Signs in; failures are thrown as ConsoleError for the form to show. */
export async function signIn(body: LoginBody): Promise<void> {
  signedIn(await login(body));
}

/** Signs out; the screen forgets the user even if the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch (error) {
    console.warn('Sign-out request failed', error);
  } finally {
    signedOut();
  }
}
