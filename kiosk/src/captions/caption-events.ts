import { kioskContract, listen, type EventHandlers } from '@loket/shared';
import { connectSocket } from '../lib/socket';

/** The captions' events on the kiosk's socket; returns the function that stops listening. */
export function listenToCaptions(handlers: EventHandlers<typeof kioskContract.events>): () => void {
  return listen(connectSocket(), kioskContract.events, handlers, (event, problem) =>
    console.error(`Dropped a malformed ${event} from the server`, problem),
  );
}
