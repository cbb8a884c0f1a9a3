import type * as Media from '@loket/shared/media';
import {
  IDLE_CALL,
  setupCall,
  type CallController,
  type CallQuality,
  type CallSnapshot,
} from '@loket/shared/media';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endActiveCall } from '../lib/active-call';
import { openCamera } from '../lib/camera';
import { deliverSignal } from '../lib/signal-relay';
import { command } from '../lib/commands';
import { applyCallEnded } from '../store/server-events';
import { kioskStore } from '../store/kiosk-store';
import { callStart, mockedCommand, resetKiosk, ticket } from '../test/fixtures';
import CallScreen from './CallScreen';

vi.mock('../lib/commands', () => ({ command: vi.fn(async () => ({ ok: true, data: null })) }));
vi.mock('@loket/shared/media', async (importOriginal) => ({
  ...(await importOriginal<typeof Media>()),
  setupCall: vi.fn(),
}));

/** A call that records what the screen asks of it and lets the test change what it shows. */
function fakeCall(callId: string) {
  let snapshot: CallSnapshot = { ...IDLE_CALL, callId };
  const listeners = new Set<() => void>();
  const show = (change: Partial<CallSnapshot>) => {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  };
  const controller = {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setMuted: vi.fn((kind: 'audio' | 'video', muted: boolean) =>
      show({ muted: { ...snapshot.muted, [kind]: muted } }),
    ),
    switchDevice: vi.fn(async () => {}),
    startScreenShare: vi.fn(async () => {}),
    stopScreenShare: vi.fn(),
    leave: vi.fn(() => show({ state: 'ended' })),
  } satisfies CallController;
  return { controller, show };
}

const stream = () => ({}) as MediaStream;

describe('CallScreen', () => {
  let fake: ReturnType<typeof fakeCall>;

  beforeEach(() => {
    vi.mocked(setupCall)
      .mockReset()
      .mockImplementation(({ call }) => {
        fake = fakeCall(call.callId);
        return fake.controller;
      });
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

    act(() => fake.show({ state: 'connected', local: stream(), remote: stream() }));
    expect(screen.getByText('Terhubung')).toBeInTheDocument();
  });

  it('joins with the visitor’s camera, or without it, saying so', () => {
    render(<CallScreen />);
    const [options] = vi.mocked(setupCall).mock.calls.at(-1)!;
    expect(options).toMatchObject({ call: { callId: 'call-1' }, local: openCamera });
    // Receive-only without a camera: the visitor still sees and hears the officer.
    expect(options.onLocalFailed).toBeUndefined();

    act(() => fake.show({ cameraFailed: true }));
    expect(screen.getByText(/Kamera dan mikrofon Anda tidak dapat dibuka/)).toBeVisible();
  });

  it('joins a call once, however often the screen mounts', () => {
    render(<CallScreen />).unmount();
    render(<CallScreen />);
    expect(setupCall).toHaveBeenCalledOnce();
  });

  it('sends signals over the socket and hands it the officer’s, even those sent early', async () => {
    const offer = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } } as const;
    deliverSignal({ callId: 'call-1', signal: offer });
    render(<CallScreen />);

    const { signals } = vi.mocked(setupCall).mock.calls.at(-1)![0];
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
    expect(fake.controller.setMuted).toHaveBeenCalledWith('audio', true);
    expect(screen.getByText(/Mikrofon Anda mati/)).toBeInTheDocument();
  });

  it('ends the call after confirmation and thanks the visitor', async () => {
    render(<CallScreen />);

    await userEvent.click(screen.getByRole('button', { name: 'Akhiri panggilan' }));
    const dialog = screen.getByRole('dialog', { name: 'Akhiri panggilan?' });
    expect(command).not.toHaveBeenCalledWith('call:end', expect.anything());
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, akhiri' }));

    expect(command).toHaveBeenCalledWith('call:end', { callId: 'call-1' });
    expect(kioskStore.getState().phase).toBe('thanks');
    expect(fake.controller.leave).toHaveBeenCalled();
  });

  it('leaves the media when the officer ends the call', () => {
    render(<CallScreen />);

    act(() => applyCallEnded({ callId: 'call-1', reason: 'ended_by_agent' }));

    expect(fake.controller.leave).toHaveBeenCalled();
    expect(kioskStore.getState().phase).toBe('thanks');
  });

  it('shows the officer’s shared screen large while they share it, beside the officer', () => {
    render(<CallScreen />);
    expect(screen.queryByLabelText('Layar yang dibagikan petugas')).not.toBeInTheDocument();

    act(() => fake.show({ screen: stream() }));
    expect(screen.getByLabelText('Layar yang dibagikan petugas')).toBeInTheDocument();
    expect(screen.getByLabelText('Video petugas')).toBeInTheDocument();

    act(() => fake.show({ screen: null }));
    expect(screen.queryByLabelText('Layar yang dibagikan petugas')).not.toBeInTheDocument();
  });

  it('shows the signal in words for the worse of both sides, announcing only falls and recovery', () => {
    render(<CallScreen />);
    const shown = () => document.querySelector('.signal');
    const announced = () => screen.getAllByRole('status').map((region) => region.textContent);
    const quality = (local: CallQuality, remote: CallQuality) =>
      act(() => fake.show({ quality: { local, remote } }));
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
