/**
 * What a kiosk asks of its browser to stand alone in a lobby: a screen that stays awake and the
 * whole screen for itself. Browsers without either, or that refuse, leave the kiosk as it was.
 */

/**
 * Holds a screen wake lock while the page is shown. The browser lets a lock go when the page is
 * hidden, so it is asked for again each time the page is shown. Returns how to stop.
 */
export function keepScreenAwake(): () => void {
  if (!('wakeLock' in navigator)) return () => undefined;
  let lock: WakeLockSentinel | null = null;
  let stopped = false;
  const request = () => {
    if (stopped || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(
      (granted) => {
        lock = granted;
        if (stopped) void granted.release();
      },
      () => undefined,
    );
  };
  document.addEventListener('visibilitychange', request);
  request();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', request);
    void lock?.release().catch(() => undefined);
  };
}

/**
 * Takes the whole screen, asked on a visitor's touch (the only moment a browser allows it); a
 * kiosk already in fullscreen, or a browser that refuses, stays as it is.
 */
export function enterFullscreen(): void {
  if (!document.fullscreenEnabled || document.fullscreenElement) return;
  document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}
