import { command } from '../lib/commands';
import { changePhase, kioskStore } from './kiosk-store';

const { getState, setState } = kioskStore;

/** Unavailable → the call-back form. A new request gets a new id. */
export function showCallbackForm(): void {
  changePhase('callback', { clientId: null, error: null });
}

/** Call-back form → back to the reasons and the other channels. */
export function backToUnavailable(): void {
  changePhase('unavailable', { busy: false, error: null });
}

/**
 * Sends a checked call-back request: a number already normalised to `+62…`, and the visitor has
 * ticked the consent box. The request id is kept, so a retry after a timeout does not store the
 * number twice.
 */
export async function requestCallback(phone: string): Promise<void> {
  const { serviceId, language, busy } = getState();
  if (!serviceId || busy) return;
  const clientId = getState().clientId ?? crypto.randomUUID();
  setState({ clientId, busy: true, error: null });
  const result = await command('callback:request', {
    clientId,
    serviceId,
    language,
    phone,
    consent: true,
  });
  const now = getState();
  if (now.phase !== 'callback' || now.clientId !== clientId) return;
  if (result.ok) {
    changePhase('callbackSent', { callbackPhone: result.data.phone, busy: false });
  } else {
    setState({ busy: false, error: result.error.code });
  }
}
