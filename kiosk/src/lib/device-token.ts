/** Where the kiosk keeps the device token it was enrolled with. */
export const TOKEN_KEY = 'loket.kioskToken';

/**
 * Finds the kiosk's device token. An enrolment link `?device=TOKEN` wins: it is saved and taken
 * out of the address bar so it never shows on screen; otherwise the saved token is used.
 */
export function readDeviceToken(location: Location = window.location): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('device');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('device');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return localStorage.getItem(TOKEN_KEY);
}
