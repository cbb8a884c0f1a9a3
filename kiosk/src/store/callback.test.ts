import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../lib/commands';
import { mockedCommand, NO_ANSWER, resetKiosk } from '../test/fixtures';
import { backToUnavailable, requestCallback, showCallbackForm } from './callback';
import { kioskStore } from './kiosk-store';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));

const state = () => kioskStore.getState();
const unavailable = { reason: 'no_agent', nextOpening: null } as const;

describe('the call-back request', () => {
  beforeEach(() => {
    mockedCommand().mockReset();
    resetKiosk({ phase: 'callback', serviceId: 'svc-job', unavailable });
  });

  it('sends the number with the visitor’s consent, then confirms it', async () => {
    resetKiosk({ phase: 'callback', serviceId: 'svc-job', language: 'en', unavailable });
    mockedCommand().mockResolvedValue({
      ok: true,
      data: { callbackId: 'cb-1', phone: '+6281234567890' },
    });

    await requestCallback('+6281234567890');

    expect(command).toHaveBeenCalledWith('callback:request', {
      clientId: expect.any(String),
      serviceId: 'svc-job',
      language: 'en',
      phone: '+6281234567890',
      consent: true,
    });
    expect(state()).toMatchObject({
      phase: 'callbackSent',
      callbackPhone: '+6281234567890',
      busy: false,
    });
  });

  it('keeps the form and the request id when the server does not answer', async () => {
    mockedCommand().mockResolvedValue(NO_ANSWER);

    await requestCallback('+6281234567890');
    await requestCallback('+6281234567890');

    const [first, second] = mockedCommand().mock.calls;
    expect(second?.[1]).toEqual(first?.[1]);
    expect(state()).toMatchObject({ phase: 'callback', error: 'TIMEOUT', busy: false });
  });

  it('goes back and forth between the reasons and the form with a fresh request id', () => {
    resetKiosk({ phase: 'unavailable', serviceId: 'svc-job', unavailable, clientId: 'spent' });

    showCallbackForm();
    expect(state()).toMatchObject({ phase: 'callback', clientId: null });

    backToUnavailable();
    expect(state()).toMatchObject({ phase: 'unavailable', unavailable });
  });
});
