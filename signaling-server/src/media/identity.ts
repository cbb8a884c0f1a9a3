import type { MediaParticipant } from './provider.js';

/** The two parties of a call; a manager's hidden monitor neither starts nor stops a call. */
export type Party = 'kiosk' | 'agent';

/**
 * How a participant appears in a call's media (its LiveKit identity). A kiosk's names its media
 * generation too (`kiosk:<id>:<generation>`): a holder the kiosk was taken from keeps a token for
 * an identity that is no longer the kiosk's.
 */
export function identityOf(
  participant: Pick<MediaParticipant, 'role' | 'id' | 'generation'>,
): string {
  const identity = `${participant.role}:${participant.id}`;
  return participant.role === 'kiosk' ? `${identity}:${participant.generation ?? 0}` : identity;
}

/** The kiosk and media generation a kiosk's identity names; null for any other identity. */
export function kioskOfIdentity(
  identity: string | undefined,
): { kioskId: string; generation: number } | null {
  const match = /^kiosk:(.+):(\d+)$/.exec(identity ?? '');
  return match ? { kioskId: match[1]!, generation: Number(match[2]) } : null;
}

/** Which party a LiveKit identity (`kiosk:<id>:<n>`, `agent:<id>`, `monitor:<id>`) belongs to. */
export function partyOf(identity: string | undefined): Party | null {
  const role = identity?.split(':', 1)[0];
  return role === 'kiosk' || role === 'agent' ? role : null;
}

/** The media-grace timer's subject: one party of one call. */
export function mediaGraceRef(callId: string, identity: string): string {
  return `${callId}/${identity}`;
}

/** The call and participant a media-grace timer is about; null for anything else. */
export function parseMediaGraceRef(
  ref: string,
): { callId: string; identity: string; party: Party } | null {
  const slash = ref.indexOf('/');
  const identity = ref.slice(slash + 1);
  const party = partyOf(identity);
  return slash > 0 && party ? { callId: ref.slice(0, slash), identity, party } : null;
}
