import type { MediaParticipant } from './provider.js';

/** The two parties of a call; a manager's hidden monitor neither starts nor stops a call. */
export type Party = 'kiosk' | 'agent';

/** How a participant appears in a call's media (its LiveKit identity). */
export function identityOf(participant: Pick<MediaParticipant, 'role' | 'id'>): string {
  return `${participant.role}:${participant.id}`;
}

/** Which party a LiveKit identity (`kiosk:<id>`, `agent:<id>`, `monitor:<id>`) belongs to. */
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
