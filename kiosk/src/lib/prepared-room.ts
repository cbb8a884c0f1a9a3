import type { PreparedRoom } from '@loket/shared';
import { kioskStore } from '../store/kiosk-store';

/**
 * An officer is being offered this kiosk's ticket over LiveKit: the call code is loaded and the
 * room joined while the offer rings. A room for another ticket than the one held is ignored.
 */
export function prepareCallRoom(room: PreparedRoom): void {
  if (kioskStore.getState().ticket?.id !== room.ticketId) return;
  void import('./call-session').then(({ prepareRoom }) => {
    // The visit may have ended while the call code loaded.
    if (kioskStore.getState().ticket?.id === room.ticketId) prepareRoom(room);
  });
}
