import type { AdminErrorCode, ClientErrorCode } from '@loket/shared';

// The administration's and managers' codes never reach a kiosk, which carries no words for them; listed as a
// record so that a new one cannot be left out.
const ADMIN_ONLY: Record<AdminErrorCode, true> = {
  CHANGED_ELSEWHERE: true,
  DUPLICATE: true,
  PAST_DATE: true,
  NOT_AN_IMAGE: true,
  MONITOR_NEEDS_LIVEKIT: true,
  IN_USE: true,
};

function isKioskCode(code: ClientErrorCode): code is Exclude<ClientErrorCode, AdminErrorCode> {
  return !(code in ADMIN_ONLY);
}

/** The key of an error's words on the kiosk. */
export function errorKey(code: ClientErrorCode) {
  return isKioskCode(code) ? (`errors.${code}` as const) : ('errors.INTERNAL' as const);
}
