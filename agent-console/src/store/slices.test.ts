import { beforeEach, describe, expect, test } from 'vitest';
import {
  agentView,
  agentUser,
  callStart,
  NOW,
  offerView,
  queueDelta,
  queueSnapshot,
  services,
} from '../test/fixtures';
import { createConsoleStore, type ConsoleStore } from './index';

let store: ConsoleStore;
beforeEach(() => {
  store = createConsoleStore();
});

describe('offer slice', () => {
  test('offer:new sets the offer', () => {
    store.getState().offerReceived(offerView());
    expect(store.getState().offer?.ticketNumber).toBe('B-014');
  });

  test.each([
    { reason: 'expired', notice: 'offerExpired' },
    { reason: 'cancelled', notice: 'offerCancelled' },
  ] as const)('offer:withdrawn ($reason) clears the offer and says so', ({ reason, notice }) => {
    store.getState().offerReceived(offerView());
    store.getState().offerWithdrawn({ ticketId: 't-14', reason });
    expect(store.getState().offer).toBeNull();
    expect(store.getState().notice?.key).toBe(notice);
  });

  test('a new offer clears the previous announcement', () => {
    store.getState().offerReceived(offerView());
    store.getState().offerWithdrawn({ ticketId: 't-14', reason: 'expired' });
    store.getState().offerReceived(offerView({ ticketId: 't-15' }));
    expect(store.getState().notice).toBeNull();
  });

  test('answering an offer clears it, but not a next offer that arrived before the answer', () => {
    store.getState().offerReceived(offerView());
    store.getState().offerAnswered('t-14');
    expect(store.getState().offer).toBeNull();
    store.getState().offerReceived(offerView({ ticketId: 't-15' }));
    store.getState().offerAnswered('t-14');
    expect(store.getState().offer?.ticketId).toBe('t-15');
  });

  test('a withdrawal of another ticket leaves the offer in place', () => {
    store.getState().offerReceived(offerView());
    store.getState().offerWithdrawn({ ticketId: 'other', reason: 'expired' });
    expect(store.getState().offer).not.toBeNull();
    expect(store.getState().notice).toBeNull();
  });
});

describe('call slice', () => {
  test('starting a call clears the offer', () => {
    store.getState().offerReceived(offerView());
    store.getState().callStarted(callStart());
    expect(store.getState()).toMatchObject({ offer: null, call: { callId: 'c-1' } });
  });

  test.each([
    { reason: 'ended_by_agent', notice: 'callEnded' },
    { reason: 'ended_by_visitor', notice: 'callEndedByVisitor' },
    { reason: 'connection_lost', notice: 'callConnectionLost' },
  ] as const)('call:ended ($reason) clears the call and its toggles', ({ reason, notice }) => {
    store.getState().callStarted(callStart());
    store.getState().micToggled();
    store.getState().callEnded({ callId: 'c-1', reason });
    expect(store.getState()).toMatchObject({ call: null, micMuted: false, cameraOff: false });
    expect(store.getState().notice?.key).toBe(notice);
  });

  test('call:ended of another call is ignored', () => {
    store.getState().callStarted(callStart());
    store.getState().callEnded({ callId: 'other', reason: 'ended_by_visitor' });
    expect(store.getState().call?.callId).toBe('c-1');
  });
});

describe('agent slice', () => {
  test('bootstrap restores agent, offer and a new call', () => {
    store.getState().bootstrapped({
      agent: agentView(),
      offer: offerView(),
      call: callStart(),
      services,
      lastServed: null,
      dispositions: [],
    });
    expect(store.getState()).toMatchObject({
      agent: { status: 'available' },
      offer: { ticketId: 't-14' },
      call: { callId: 'c-1' },
    });
  });

  test('bootstrap of the same call keeps its toggles', () => {
    store.getState().callStarted(callStart());
    store.getState().cameraToggled();
    store.getState().bootstrapped({
      agent: agentView({ status: 'busy' }),
      offer: null,
      call: callStart(),
      services,
      lastServed: null,
      dispositions: [],
    });
    expect(store.getState()).toMatchObject({ cameraOff: true });
  });

  test('bootstrap without a call drops the one we had', () => {
    store.getState().callStarted(callStart());
    store.getState().bootstrapped({
      agent: agentView(),
      offer: null,
      call: null,
      services,
      lastServed: null,
      dispositions: [],
    });
    expect(store.getState().call).toBeNull();
  });

  test('bootstrap in wrap-up restores the visit the officer may still write a note to', () => {
    const lastServed = {
      ticketId: 't-14',
      ticketNumber: 'B-014',
      notes: 'Brought the old KTP',
      disposition: null,
    };
    store.getState().bootstrapped({
      agent: agentView({ status: 'wrap_up' }),
      offer: null,
      call: null,
      services,
      lastServed,
      dispositions: [],
    });
    expect(store.getState().lastServed).toEqual(lastServed);
    expect(store.getState().callNotes).toBe('Brought the old KTP');
  });

  test('a settled command records its error and frees the buttons', () => {
    store.getState().commandStarted('status');
    store.getState().commandSettled('TIMEOUT');
    expect(store.getState()).toMatchObject({ pending: null, error: 'TIMEOUT' });
  });
});

describe('session slice', () => {
  test('signing out forgets everything learned while signed in', () => {
    store.getState().signedIn(agentUser);
    store.getState().bootstrapped({
      agent: agentView(),
      offer: offerView(),
      call: callStart(),
      services,
      lastServed: null,
      dispositions: [],
    });
    store.getState().signedOut('expired');
    expect(store.getState()).toMatchObject({
      sessionStatus: 'signedOut',
      sessionExpired: true,
      user: null,
      agent: null,
      offer: null,
      call: null,
    });
  });
});

describe('queue slice', () => {
  test('takes a snapshot and remembers the server clock offset', () => {
    store.getState().snapshotLoaded(queueSnapshot(), NOW - 2_000);
    expect(store.getState().queue?.tickets).toHaveLength(2);
    expect(store.getState().clockOffset).toBe(2_000);
  });

  test('applies the next delta and ignores one it has already applied', () => {
    store.getState().snapshotLoaded(queueSnapshot({ seq: 5 }), NOW);
    const next = queueDelta({ seq: 6, removedTicketIds: ['t-14'] });
    expect(store.getState().deltaReceived(next, NOW + 1_000)).toBe('applied');
    expect(store.getState().queue).toMatchObject({ seq: 6 });
    expect(store.getState().queue?.tickets.map((ticket) => ticket.id)).toEqual(['t-15']);
    expect(store.getState().deltaReceived(queueDelta({ seq: 6, removedTicketIds: [] }))).toBe(
      'stale',
    );
    expect(store.getState().queue?.tickets).toHaveLength(1);
  });

  test('reports a gap, and a delta before any snapshot, without applying it', () => {
    expect(store.getState().deltaReceived(queueDelta({ seq: 1 }))).toBe('gap');
    store.getState().snapshotLoaded(queueSnapshot({ seq: 5 }), NOW);
    expect(store.getState().deltaReceived(queueDelta({ seq: 8, removedTicketIds: ['t-14'] }))).toBe(
      'gap',
    );
    expect(store.getState().queue).toMatchObject({ seq: 5 });
    expect(store.getState().queue?.tickets).toHaveLength(2);
  });
});
