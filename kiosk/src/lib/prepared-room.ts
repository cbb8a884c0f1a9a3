import type { PreparedPeer, PreparedRoom } from '@loket/shared';
import { kioskStore } from '../store/kiosk-store';

/**
 * An officer is being offered this kiosk's ticket: the call code is loaded and the call's media
 * made ready while the offer rings (the LiveKit room joined, or the peer-to-peer connection made),
 * with nothing shown or sent before the accept. One for another ticket than the one held is
 * ignored.
 */
export function prepareCallMedia(ready: PreparedRoom | PreparedPeer): void {
  if (kioskStore.getState().ticket?.id !== ready.ticketId) return;
  void import('./call-session').then(({ prepareMedia }) => {
    // The visit may have ended while the call code loaded.
    if (kioskStore.getState().ticket?.id === ready.ticketId) prepareMedia(ready);
  });
}
