import type * as Media from '@loket/shared/media';
import type { CallSession } from '@loket/shared/media';
import { createCallSession } from '@loket/shared/media';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endActiveCall } from '../lib/active-call';
import { deliverSignal } from '../lib/signal-relay';
import { command } from '../lib/socket';
import { applyCallEnded } from '../store/server-events';
import { kioskStore } from '../store/kiosk-store';
import { callStart, mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import CallScreen from './CallScreen';

vi.mock('../lib/socket', () => ({ command: vi.fn(async () => ({ ok: true, data: null })) }));
vi.mock('@loket/shared/media', async (importOriginal) => ({
  ...(await importOriginal<typeof Media>()),
  createCallSession: vi.fn(),
}));

/** A call session that records what the screen asks of it and lets the test play its events. */
function fakeSession() {
  const listeners = new Map<string, (value: unknown) => void>();
  const session = {
    state: 'connecting' as const,
    quality: { local: 'unknown', remote: 'unknown' } as const,
    join: vi.fn(async () => {}),
    setMuted: vi.fn(),
    leave: vi.fn(),
    on: vi.fn((event: string, listener: (value: unknown) => void) => {
      listeners.set(event, listener);
      return () => {};
    }),
  };
  const emit = (event: string, value: unknown) => listeners.get(event)?.(value);
  return { session, emit, setState: (state: string) => emit('state', state) };
}

describe('CallScreen', () => {
  let fake: ReturnType<typeof fakeSession>;

  beforeEach(() => {
    // jsdom has no media: the camera fails to open and the visitor joins receive-only.
    vi.stubGlobal(
      'MediaStream',
      class {
        getTracks = () => [];
      },
    );
    fake = fakeSession();
    vi.mocked(createCallSession).mockReturnValue(fake.session as unknown as CallSession);
    mockedCommand().mockClear();
    resetKiosk({ phase: 'call', ticket: ticket({ status: 'in_call' }), call: callStart() });
  });
  afterEach(endActiveCall);

  it('shows both videos, the connection state and who the officer is', async () => {
    render(<CallScreen />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Sedang terhubung dengan petugas' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Video petugas')).toBeInTheDocument();
    expect(screen.getByLabelText('Video Anda')).toBeInTheDocument();
    expect(screen.getByText('Petugas: Sari')).toBeInTheDocument();
    expect(screen.getByText('Menyambungkan…')).toBeInTheDocument();

    act(() => fake.setState('connected'));
    expect(screen.getByText('Terhubung')).toBeInTheDocument();
    expect(await screen.findByText(/Kamera dan mikrofon Anda tidak dapat dibuka/)).toBeVisible();
  });

  it('sends signals over the socket and hands it the officer’s, even those sent early', async () => {
    const offer = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } } as const;
    deliverSignal({ callId: 'call-1', signal: offer });
    render(<CallScreen />);
    await vi.waitFor(() => expect(fake.session.join).toHaveBeenCalled());

    const { signals } = vi.mocked(createCallSession).mock.calls.at(-1)![0];
    const received = vi.fn();
    signals.subscribe(received);
    signals.send({ kind: 'candidate', candidate: null });

    expect(received).toHaveBeenCalledWith(offer);
    expect(command).toHaveBeenCalledWith('call:signal', {
      callId: 'call-1',
      signal: { kind: 'candidate', candidate: null },
    });
  });

  it('mutes the microphone with a toggle button', async () => {
    render(<CallScreen />);
    const mute = screen.getByRole('button', { name: 'Matikan mikrofon' });

    await userEvent.click(mute);

    expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(fake.session.setMuted).toHaveBeenCalledWith('audio', true);
  });

  it('ends the call after confirmation and thanks the visitor', async () => {
    render(<CallScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Akhiri panggilan' }));
    const dialog = screen.getByRole('dialog', { name: 'Akhiri panggilan?' });
    expect(command).not.toHaveBeenCalledWith('call:end', expect.anything());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, akhiri' }));

    expect(command).toHaveBeenCalledWith('call:end', { callId: 'call-1' });
    expect(kioskStore.getState().phase).toBe('thanks');
    expect(fake.session.leave).toHaveBeenCalled();
  });

  it('leaves the media when the officer ends the call', () => {
    render(<CallScreen />);

    act(() => applyCallEnded({ callId: 'call-1', reason: 'ended_by_agent' }));

    expect(fake.session.leave).toHaveBeenCalled();
    expect(kioskStore.getState().phase).toBe('thanks');
  });

  it('shows the officer’s shared screen large while they share it, beside the officer', () => {
    render(<CallScreen />);
    expect(screen.queryByLabelText('Layar yang dibagikan petugas')).not.toBeInTheDocument();

    act(() => fake.emit('remoteScreen', new MediaStream()));
    expect(screen.getByLabelText('Layar yang dibagikan petugas')).toBeInTheDocument();
    expect(screen.getByLabelText('Video petugas')).toBeInTheDocument();

    act(() => fake.emit('remoteScreen', null));
    expect(screen.queryByLabelText('Layar yang dibagikan petugas')).not.toBeInTheDocument();
  });

  it('shows the signal in words for the worse of both sides, announcing only falls and recovery', () => {
    render(<CallScreen />);
    const shown = () => document.querySelector('.signal');
    const announced = () => screen.getAllByRole('status').map((region) => region.textContent);
    const quality = (local: string, remote: string) =>
      act(() => fake.emit('quality', { local, remote }));
    expect(shown()).toHaveTextContent('Memeriksa sinyal…');
    expect(shown()).not.toHaveAttribute('role');

    quality('good', 'good');
    expect(shown()).toHaveTextContent('Sinyal bagus');
    quality('good', 'fair');
    expect(shown()).toHaveTextContent('Sinyal cukup');
    expect(announced()).not.toContain('Sinyal bagus');
    expect(announced()).not.toContain('Sinyal cukup');

    quality('good', 'poor');
    expect(shown()).toHaveClass('signal--poor');
    expect(announced()).toContain('Sinyal lemah');

    quality('lost', 'poor');
    expect(shown()).toHaveClass('signal--lost');
    expect(announced()).toContain('Sinyal putus');

    quality('good', 'good');
    expect(shown()).toHaveTextContent('Sinyal bagus');
    expect(announced()).toContain('Sinyal bagus');

    quality('good', 'fair');
    expect(announced()).not.toContain('Sinyal bagus');
    expect(announced()).not.toContain('Sinyal cukup');
  });
});
