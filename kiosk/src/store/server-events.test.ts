import type { KioskBootstrap } from '@loket/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { bootstrap, callStart, mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import { kioskStore } from './kiosk-store';
import type { Phase } from './phases';
import {
  applyBootstrap,
  applyCallEnded,
  applyCallStarted,
  applyCatalogue,
  applyOfficeMessage,
  applyTicketUpdate,
  markUnenrolled,
} from './server-events';

vi.mock('../lib/commands', () => ({ command: vi.fn(async () => ({ ok: true, data: null })) }));

const state = () => kioskStore.getState();

describe('server events', () => {
  beforeEach(() => {
    mockedCommand().mockClear();
    resetKiosk({ phase: 'starting' });
  });

  it.each<{ on: Phase; holding: string; given: Partial<KioskBootstrap>; expected: Phase }>([
    { on: 'starting', holding: 'nothing', given: {}, expected: 'attract' },
    {
      on: 'starting',
      holding: 'a waiting ticket',
      given: { ticket: ticket() },
      expected: 'waiting',
    },
    {
      on: 'starting',
      holding: 'an offered ticket',
      given: { ticket: ticket({ status: 'offered' }) },
      expected: 'waiting',
    },
    {
      on: 'starting',
      holding: 'a call',
      given: { ticket: ticket({ status: 'in_call' }), call: callStart() },
      expected: 'call',
    },
    { on: 'consent', holding: 'the new ticket', given: { ticket: ticket() }, expected: 'waiting' },
    { on: 'consent', holding: 'nothing', given: {}, expected: 'consent' },
    { on: 'service', holding: 'nothing', given: {}, expected: 'service' },
    { on: 'waiting', holding: 'nothing', given: {}, expected: 'attract' },
    { on: 'call', holding: 'nothing', given: {}, expected: 'thanks' },
    { on: 'thanks', holding: 'nothing', given: {}, expected: 'thanks' },
  ])('a bootstrap on $on holding $holding goes to $expected', ({ on, given, expected }) => {
    resetKiosk({ phase: on, ticket: on === 'waiting' || on === 'call' ? ticket() : null });

    applyBootstrap(bootstrap(given));

    expect(state().phase).toBe(expected);
  });

  it('resumes a waiting ticket with its number and position', () => {
    applyBootstrap(bootstrap({ ticket: ticket({ position: 2 }) }));

    expect(state().ticket).toMatchObject({ number: 'B-014', position: 2 });
    expect(state().office?.name.en).toBe('Ministry of Manpower');
  });

  it('gives back a ticket left over from a visitor who has gone', () => {
    resetKiosk({ phase: 'attract' });

    applyBootstrap(bootstrap({ ticket: ticket() }));

    expect(state().phase).toBe('attract');
    expect(command).toHaveBeenCalledWith('ticket:cancel', { ticketId: 'ticket-1' });
  });

  it('updates the position of the waiting ticket', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    applyTicketUpdate(ticket({ position: 1 }));

    expect(state().ticket?.position).toBe(1);
  });

  it.each([
    { status: 'cancelled', notice: 'cancelled' },
    { status: 'abandoned', notice: 'abandoned' },
    { status: 'done', notice: 'ended' },
  ] as const)('a $status ticket sends the visitor back to the start', ({ status, notice }) => {
    resetKiosk({ phase: 'waiting', ticket: ticket(), language: 'en' });

    applyTicketUpdate(ticket({ status, position: null }));

    expect(state()).toMatchObject({ phase: 'attract', ticket: null, notice, language: 'id' });
  });

  it('ignores updates about a ticket that is not the visitor’s', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    applyTicketUpdate(ticket({ id: 'other', status: 'cancelled' }));

    expect(state().phase).toBe('waiting');
  });

  it('starts the call when an officer accepts the ticket', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    applyCallStarted(callStart());

    expect(state()).toMatchObject({ phase: 'call', call: { callId: 'call-1' } });
  });

  it('ends a call that starts after the visitor has gone', () => {
    resetKiosk({ phase: 'attract' });

    applyCallStarted(callStart());

    expect(state().phase).toBe('attract');
    expect(command).toHaveBeenCalledWith('call:end', { callId: 'call-1' });
  });

  it('thanks the visitor when the call ends, forgetting the ticket', () => {
    resetKiosk({ phase: 'call', ticket: ticket(), call: callStart() });

    applyCallEnded({ callId: 'call-1', reason: 'ended_by_agent' });

    expect(state()).toMatchObject({ phase: 'thanks', ticket: null, call: null });
  });

  it('ignores the end of a call that is not the current one', () => {
    resetKiosk({ phase: 'call', ticket: ticket(), call: callStart() });

    applyCallEnded({ callId: 'old-call', reason: 'ended_by_agent' });

    expect(state().phase).toBe('call');
  });

  it('shows the unenrolled screen when the token is refused', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    markUnenrolled();

    expect(state()).toMatchObject({ phase: 'unenrolled', ticket: null });
  });

  it.each([
    { reason: 'transferred' as const, notice: 'transferred' },
    { reason: 'connection_lost' as const, notice: 'officerLost' },
  ])(
    'keeps the visitor waiting at the front when the call ends as $reason',
    ({ reason, notice }) => {
      resetKiosk({
        phase: 'call',
        ticket: ticket({ status: 'in_call', position: null }),
        call: callStart(),
      });

      applyCallEnded({ callId: 'call-1', reason });

      expect(state()).toMatchObject({
        phase: 'waiting',
        call: null,
        notice,
        ticket: { status: 'waiting' },
      });
    },
  );

  it('closes the visit and says why when the kiosk itself was gone too long during the call', () => {
    resetKiosk({ phase: 'call', ticket: ticket({ status: 'in_call' }), call: callStart() });

    applyTicketUpdate(ticket({ status: 'abandoned', position: null }));
    applyCallEnded({ callId: 'call-1', reason: 'connection_lost' });

    expect(state()).toMatchObject({
      phase: 'attract',
      notice: 'abandoned',
      ticket: null,
      call: null,
    });
  });

  it('shows a desk manager’s message until it is replaced', () => {
    const message = { text: { id: 'Tutup pukul 15.00', en: 'Closes at 15:00' }, at: 1 };

    applyOfficeMessage(message);

    expect(state().officeMessage).toEqual(message);
  });

  it('shows a renamed office and service an administrator changed, without leaving the screen', () => {
    applyBootstrap(bootstrap());
    resetKiosk({ phase: 'service' });
    const { office, services } = bootstrap();
    const renamed = services.map((service, index) =>
      index === 0 ? { ...service, name: { id: 'Nama baru', en: 'New name' } } : service,
    );
    applyCatalogue({
      office: { ...office, name: { id: 'Kantor', en: 'Office' } },
      services: renamed,
    });
    expect(state().phase).toBe('service');
    expect(state().services[0]?.name.en).toBe('New name');
    expect(state().office?.name.en).toBe('Office');
  });
});
