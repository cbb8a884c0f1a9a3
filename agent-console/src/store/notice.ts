/** Polite messages announced in the page's status region. */
export type NoticeKey =
  | 'offerExpired'
  | 'offerCancelled'
  | 'callEnded'
  | 'callEndedByVisitor'
  | 'callConnectionLost'
  | 'callTransferred'
  | 'callbackClosed'
  | 'ticketPrioritised'
  | 'ticketAssigned'
  | 'ticketCancelled'
  | 'agentStateChanged'
  | 'kiosksMessaged'
  | 'kioskMessaged'
  | 'kioskReloadRequested'
  | 'kioskSelfTestRequested'
  | 'kioskClosed'
  | 'kioskOpened'
  | 'personalDataErased'
  | 'complaintForwarded';

/** One announcement; a fresh `id` makes a repeated message announced again. */
export interface Notice {
  key: NoticeKey;
  id: number;
}

let lastId = 0;

/** A new announcement of `key`. */
export function notice(key: NoticeKey): Notice {
  lastId += 1;
  return { key, id: lastId };
}
