import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Command, CommandResult } from '../lib/socket';
import {
  availability,
  bootstrap,
  callStart,
  mockedCommand,
  resetKiosk,
  ticket,
} from '../test/fixtures';
import { backToUnavailable, requestCallback, showCallbackForm } from './callback';
import {
  backToAttract,
  cancelTicket,
  chooseService,
  declineConsent,
  endCall,
  finishVisit,
  startVisit,
  takeTicket,
} from './journey';
import { kioskStore } from './kiosk-store';
import { PHASES, type Phase } from './phases';
import {
  applyBootstrap,
  applyCallEnded,
  applyCallStarted,
  applyTicketUpdate,
  markReplaced,
  markStarting,
  markUnenrolled,
} from './server-events';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

// Whole visits, walked with the store's own actions and server events from a kiosk switched on:
// each change of phase they make must be one the journey's table allows, and together they take
// every step the table lists, so the table holds no step the kiosk never takes.

type Answers = Partial<Record<Command, CommandResult<unknown>>>;

/** What the server answers unless a walk says otherwise: yes to everything. */
const YES: Answers = {
  'service:availability': availability(),
  'ticket:create': { ok: true, data: { ticket: ticket() } },
  'ticket:cancel': { ok: true, data: null },
  'call:end': { ok: true, data: null },
  'callback:request': { ok: true, data: { callbackId: 'cb-1', phone: '+6281234567890' } },
};

const NOBODY = availability({ available: false, reason: 'no_agent' });
const REFUSED = { ok: false, error: { code: 'NO_AGENT_AVAILABLE', message: 'no' } } as const;
const IN_CALL = { ticket: ticket({ status: 'in_call' }), call: callStart() };

interface Walk {
  name: string;
  answers?: Answers;
  steps: (() => unknown)[];
  path: Phase[];
}

const WALKS: Walk[] = [
  {
    name: 'a visitor takes a ticket, is called and ends the call',
    steps: [
      () => applyBootstrap(bootstrap()),
      startVisit,
      () => chooseService('svc-job'),
      takeTicket,
      () => applyCallStarted(callStart()),
      endCall,
      finishVisit,
    ],
    path: ['attract', 'service', 'consent', 'waiting', 'call', 'thanks', 'attract'],
  },
  {
    name: 'a visitor nobody can serve asks for a call back, looking at the reasons once more',
    answers: { 'service:availability': NOBODY },
    steps: [
      () => applyBootstrap(bootstrap()),
      startVisit,
      () => chooseService('svc-job'),
      showCallbackForm,
      backToUnavailable,
      showCallbackForm,
      () => requestCallback('+6281234567890'),
      finishVisit,
    ],
    path: [
      'attract',
      'service',
      'unavailable',
      'callback',
      'unavailable',
      'callback',
      'callbackSent',
      'attract',
    ],
  },
  {
    name: 'a visitor refused a ticket is told why and leaves',
    answers: { 'ticket:create': REFUSED },
    steps: [
      () => applyBootstrap(bootstrap()),
      startVisit,
      () => chooseService('svc-job'),
      takeTicket,
      finishVisit,
    ],
    path: ['attract', 'service', 'consent', 'unavailable', 'attract'],
  },
  {
    name: 'a visitor goes back from the services, then declines consent',
    steps: [
      () => applyBootstrap(bootstrap()),
      startVisit,
      backToAttract,
      startVisit,
      () => chooseService('svc-job'),
      declineConsent,
    ],
    path: ['attract', 'service', 'attract', 'service', 'consent', 'attract'],
  },
  {
    name: 'a visitor whose ticket is accepted during a reconnect at consent is in the call',
    steps: [
      () => applyBootstrap(bootstrap()),
      startVisit,
      () => chooseService('svc-job'),
      () => applyBootstrap(bootstrap(IN_CALL)),
      () => applyCallEnded({ callId: 'call-1', reason: 'ended_by_agent' }),
    ],
    path: ['attract', 'service', 'consent', 'call', 'thanks'],
  },
  {
    name: 'a restarted kiosk resumes the wait, the visitor is transferred, then gives up',
    steps: [
      () => applyBootstrap(bootstrap({ ticket: ticket() })),
      () => applyCallStarted(callStart()),
      () => applyCallEnded({ callId: 'call-1', reason: 'transferred' }),
      cancelTicket,
    ],
    path: ['waiting', 'call', 'waiting', 'attract'],
  },
  {
    name: 'a kiosk restarted during a call carries on with it, then the ticket is abandoned in the queue',
    steps: [
      () => applyBootstrap(bootstrap(IN_CALL)),
      () => applyCallEnded({ callId: 'call-1', reason: 'connection_lost' }),
      () => applyTicketUpdate(ticket({ status: 'abandoned', position: null })),
    ],
    path: ['call', 'waiting', 'attract'],
  },
  {
    name: 'a kiosk whose token is refused shows so until it is enrolled again',
    steps: [markUnenrolled, () => applyBootstrap(bootstrap())],
    path: ['unenrolled', 'attract'],
  },
  {
    name: 'a kiosk paired by staff starts from what the server knows',
    steps: [markUnenrolled, markStarting, () => applyBootstrap(bootstrap())],
    path: ['unenrolled', 'starting', 'attract'],
  },
  {
    name: 'a kiosk opened on another screen waits until staff take it back',
    steps: [markReplaced, markStarting, () => applyBootstrap(bootstrap())],
    path: ['replaced', 'starting', 'attract'],
  },
];

/** Walks `walk` from a kiosk switched on; returns each step from one phase to another. */
async function take(walk: Walk): Promise<[Phase, Phase][]> {
  resetKiosk({ phase: 'starting' });
  const answers = { ...YES, ...walk.answers };
  mockedCommand().mockImplementation(async (event) => {
    const answer = answers[event];
    if (!answer) throw new Error(`no answer for ${event} in this walk`);
    return answer;
  });
  const moves: [Phase, Phase][] = [];
  const stop = kioskStore.subscribe(({ phase }, before) => {
    if (phase !== before.phase) moves.push([before.phase, phase]);
  });
  try {
    for (const step of walk.steps) await step();
  } finally {
    stop();
  }
  return moves;
}

describe('walks through the journey', () => {
  let reported: MockInstance<typeof console.error>;
  beforeEach(() => {
    mockedCommand().mockReset();
    reported = vi.spyOn(console, 'error');
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(WALKS.map((walk) => [walk.name, walk] as const))(
    '%s, taking only steps the table allows',
    async (_, walk) => {
      const moves = await take(walk);

      expect(moves.map(([, to]) => to)).toEqual(walk.path);
      expect(reported).not.toHaveBeenCalled();
    },
  );

  it('together take every step the table lists', async () => {
    const taken = new Set<string>();
    for (const walk of WALKS) {
      for (const [from, to] of await take(walk)) taken.add(`${from} → ${to}`);
    }

    const listed = Object.entries(PHASES).flatMap(([from, { next }]) =>
      next.map((to) => `${from} → ${to}`),
    );
    expect(listed.filter((step) => !taken.has(step))).toEqual([]);
  });
});
