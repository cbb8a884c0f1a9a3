/**
 * The waiting screen (camera preview, queue status, the phone link), in a chunk of its own that
 * the consent screen fetches early, so the first screen paints without it.
 */
export const loadWaitingScreen = () => import('./WaitingScreen');
