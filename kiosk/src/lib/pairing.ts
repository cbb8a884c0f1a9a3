import { ErrorBody, KioskCredential, restRoutes, type ClientErrorCode } from '@loket/shared';
import { savePairedCredential } from './credential';
import { forgetOfficeName } from './remembered-office';

/** How pairing went: paired, or why not, as a code the screens translate. */
export type PairingOutcome = { ok: true } | { ok: false; code: ClientErrorCode };

/** Exchanges a one-time pairing code for this kiosk's credential, and keeps the credential. */
export async function pairWithCode(code: string): Promise<PairingOutcome> {
  const route = restRoutes.pairKiosk;
  let response: Response;
  try {
    response = await fetch(route.path, {
      method: route.method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code }),
    });
  } catch {
    return { ok: false, code: 'TIMEOUT' };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refused = ErrorBody.safeParse(json);
    return { ok: false, code: refused.success ? refused.data.error.code : 'BAD_RESPONSE' };
  }
  const paired = KioskCredential.safeParse(json);
  if (!paired.success) return { ok: false, code: 'BAD_RESPONSE' };
  savePairedCredential(paired.data.credential);
  // A new pairing may be for another office: its name comes with the next bootstrap.
  forgetOfficeName();
  return { ok: true };
}
