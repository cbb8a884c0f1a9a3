import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/socket';
import { callStart, mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import {
  cancelTicket,
  chooseService,
  endCall,
  finishVisit,
  startVisit,
  takeTicket,
} from './journey';
import { kioskStore } from './kiosk-store';

vi.mock('../lib/socket', () => ({ command: vi.fn() }));

const state = () => kioskStore.getState();
const created = { ok: true, data: { ticket: ticket() } } as const;
const timedOut = { ok: false, error: { code: 'TIMEOUT', message: 'timeout' } } as const;

describe('the visitor journey', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'attract' });
  });

  it('goes from the attract screen to the services, then to consent for one service', () => {
    startVisit();
    expect(state().phase).toBe('service');

    chooseService('svc-job');
    expect(state()).toMatchObject({ phase: 'consent', serviceId: 'svc-job' });
  });

  it('takes a ticket in the visitor’s language and shows it', async () => {
    resetKiosk({ phase: 'consent', serviceId: 'svc-job', language: 'en' });
    mockedCommand().mockResolvedValue(created);

    await takeTicket();

    expect(command).toHaveBeenCalledWith('ticket:create', {
      clientId: expect.any(String),
      serviceId: 'svc-job',
      language: 'en',
    });
    expect(state()).toMatchObject({ phase: 'waiting', ticket: { number: 'B-014' }, busy: false });
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
    resetKiosk({ phase: 'thanks', language: 'en', textSize: 'large', contrast: 'high' });

    finishVisit();

    expect(state()).toMatchObject({ phase: 'attract', language: 'id', textSize: 'normal' });
    expect(document.documentElement.dataset).toMatchObject({
      textSize: 'normal',
      contrast: 'normal',
    });
    expect(document.documentElement.lang).toBe('id');
  });
});
