import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import {
  availability,
  callStart,
  mockedCommand,
  NO_ANSWER,
  resetKiosk,
  ticket,
} from '../test/fixtures';
import {
  backToAttract,
  cancelTicket,
  chooseService,
  endCall,
  finishVisit,
  startVisit,
  takeTicket,
} from './journey';
import { kioskStore } from './kiosk-store';
import { toggleNeed } from './settings';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

const state = () => kioskStore.getState();
const created = { ok: true, data: { ticket: ticket() } } as const;
const timedOut = { ok: false, error: { code: 'TIMEOUT', message: 'timeout' } } as const;

describe('the visitor journey', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'attract' });
  });

  it('goes from the attract screen to the services, then to consent for an available service', async () => {
    mockedCommand().mockResolvedValue(availability());
    startVisit();
    expect(state().phase).toBe('service');

    await chooseService('svc-job');

    expect(command).toHaveBeenCalledWith('service:availability', {
      serviceId: 'svc-job',
      language: 'id',
      needs: [],
    });
    expect(state()).toMatchObject({ phase: 'consent', serviceId: 'svc-job', busy: false });
  });

  it('asks for a signing officer when the visitor uses sign language', async () => {
    resetKiosk({ phase: 'service', needs: ['sign_language'], language: 'en' });
    mockedCommand().mockResolvedValue(availability({ onDuty: ['sign_language'] }));

    await chooseService('svc-job');

    expect(command).toHaveBeenCalledWith('service:availability', {
      serviceId: 'svc-job',
      language: 'en',
      needs: ['sign_language'],
    });
    expect(state()).toMatchObject({ phase: 'consent', onDuty: ['sign_language'] });
  });

  it('shows why a service cannot be served now instead of asking for consent', async () => {
    resetKiosk({ phase: 'service' });
    const opening = Date.UTC(2026, 2, 2, 1, 0);
    mockedCommand().mockResolvedValue(
      availability({ available: false, reason: 'outside_hours', nextOpening: opening }),
    );

    await chooseService('svc-job');

    expect(state()).toMatchObject({
      phase: 'unavailable',
      serviceId: 'svc-job',
      unavailable: { reason: 'outside_hours', nextOpening: opening },
      busy: false,
    });
  });

  it('carries on to consent when availability cannot be checked, leaving it to the ticket', async () => {
    resetKiosk({ phase: 'service' });
    mockedCommand().mockResolvedValue(NO_ANSWER);

    await chooseService('svc-job');

    expect(state()).toMatchObject({ phase: 'consent', busy: false, error: null });
  });

  it('stays on the start screen when the visitor went back during the check', async () => {
    resetKiosk({ phase: 'service' });
    mockedCommand().mockResolvedValue(availability({ available: false, reason: 'no_agent' }));

    const pending = chooseService('svc-job');
    backToAttract();
    await pending;

    expect(state()).toMatchObject({ phase: 'attract', unavailable: null, busy: false });
  });

  it('takes a ticket in the visitor’s language and shows it', async () => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job', language: 'en' });
    mockedCommand().mockResolvedValue(created);

    await takeTicket();

    expect(command).toHaveBeenCalledWith('ticket:create', {
      clientId: expect.any(String),
      serviceId: 'svc-job',
      language: 'en',
      needs: [],
    });
    expect(state()).toMatchObject({ phase: 'waiting', ticket: { number: 'B-014' }, busy: false });
  });

  it('sends the declared sign language and needs for priority service with the ticket', async () => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
    mockedCommand().mockResolvedValue(created);
    toggleNeed('sign_language');
    toggleNeed('elderly');
    toggleNeed('disability');
    toggleNeed('elderly');

    await takeTicket();

    expect(command).toHaveBeenCalledWith(
      'ticket:create',
      expect.objectContaining({ needs: ['sign_language', 'disability'] }),
    );
  });

  it.each([
    {
      code: 'OUTSIDE_HOURS' as const,
      retryAt: 1_800_000_000_000,
      expected: { reason: 'outside_hours', nextOpening: 1_800_000_000_000 },
    },
    {
      code: 'NO_AGENT_AVAILABLE' as const,
      retryAt: undefined,
      expected: { reason: 'no_agent', nextOpening: null },
    },
    {
      code: 'BUSY' as const,
      retryAt: 1_800_000_015_000,
      expected: { reason: 'busy', nextOpening: 1_800_000_015_000 },
    },
  ])('shows the unavailable screen when the ticket is refused with $code', async (row) => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
    mockedCommand().mockResolvedValue({
      ok: false,
      error: { code: row.code, message: 'no', retryAt: row.retryAt },
    });

    await takeTicket();

    expect(state()).toMatchObject({
      phase: 'unavailable',
      unavailable: row.expected,
      clientId: null,
      busy: false,
      error: null,
    });
  });

  it('retries a timed-out ticket request with the same client id', async () => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
    mockedCommand().mockResolvedValueOnce(timedOut).mockResolvedValueOnce(created);

    await takeTicket();
    expect(state()).toMatchObject({ phase: 'consent', error: 'TIMEOUT', busy: false });
    await takeTicket();

    const [first, second] = mockedCommand().mock.calls;
    expect(second?.[1]).toEqual(first?.[1]);
    expect(state().phase).toBe('waiting');
  });

  it('gives back a ticket that arrives after the visitor left', async () => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job' });
    let answer: (value: typeof created) => void = () => {};
    mockedCommand().mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));

    const pending = takeTicket();
    finishVisit();
    answer(created);
    await pending;

    expect(state().phase).toBe('attract');
    expect(command).toHaveBeenLastCalledWith('ticket:cancel', { ticketId: 'ticket-1' });
  });

  it('keeps the visitor waiting when cancelling fails for a reason they can retry', async () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });
    mockedCommand().mockResolvedValue(timedOut);

    await cancelTicket();

    expect(state()).toMatchObject({ phase: 'waiting', error: 'TIMEOUT' });
  });

  it('ends the call and thanks the visitor', async () => {
    resetKiosk({ phase: 'call', ticket: ticket(), call: callStart() });
    mockedCommand().mockResolvedValue({ ok: true, data: null });

    await endCall();

    expect(command).toHaveBeenCalledWith('call:end', { callId: 'call-1' });
    expect(state().phase).toBe('thanks');
  });

  it('forgets the visitor’s settings when the visit is over', () => {
    resetKiosk({
      phase: 'thanks',
      language: 'en',
      textSize: 'large',
      contrast: 'high',
      reach: 'low',
      needs: ['sign_language', 'pregnant'],
    });

    finishVisit();

    expect(state()).toMatchObject({
      phase: 'attract',
      language: 'id',
      textSize: 'normal',
      reach: 'standard',
      needs: [],
    });
    expect(document.documentElement.dataset).toMatchObject({
      textSize: 'normal',
      contrast: 'normal',
      reach: 'standard',
    });
    expect(document.documentElement.lang).toBe('id');
  });
});
