import type { Caption, EventHandlers, kioskContract } from '@loket/shared';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockedCommand, resetKiosk } from '../test/fixtures';
import { loadCaptionStrip } from './load-caption-strip';

vi.mock('../lib/commands', () => ({ command: vi.fn() }));
let heard: EventHandlers<typeof kioskContract.events> = {};
vi.mock('./caption-events', () => ({
  listenToCaptions: (handlers: typeof heard) => {
    heard = handlers;
    return () => (heard = {});
  },
}));

const caption = (change: Partial<Caption>): Caption => ({
  callId: 'c-1',
  ticketId: 't-1',
  from: 'agent',
  text: 'Selamat',
  final: false,
  provider: 'typed',
  at: 1,
  ...change,
});

let CaptionStrip: Awaited<ReturnType<typeof loadCaptionStrip>>['default'];
let providers: string[];
let troubles: unknown[];

describe('the kiosk’s captions', () => {
  beforeAll(async () => {
    CaptionStrip = (await loadCaptionStrip()).default;
  });
  beforeEach(() => {
    resetKiosk({ phase: 'call' });
    providers = ['typed'];
    troubles = [];
    mockedCommand().mockReset();
    mockedCommand().mockImplementation(async (event) =>
      event === 'caption:sources'
        ? { ok: true, data: { providers, troubles } }
        : { ok: true, data: null },
    );
  });
  afterEach(() => void vi.unstubAllGlobals());

  it('shows the officer’s typed line as it grows, as text, and only this call’s', async () => {
    render(<CaptionStrip callId="c-1" language="id" muted={false} />);
    const log = screen.getByRole('log', { name: 'Teks langsung' });
    act(() => heard.caption?.(caption({})));
    expect(within(log).getByText('Selamat')).toBeInTheDocument();
    act(() => heard.caption?.(caption({ text: '<i>Selamat pagi</i>', final: true })));
    act(() => heard.caption?.(caption({ callId: 'c-2', text: 'panggilan lain' })));
    expect(within(log).getByText('<i>Selamat pagi</i>')).toBeInTheDocument();
    expect(log.querySelector('i')).toBeNull();
    expect(within(log).queryByText('Selamat')).toBeNull();
    expect(within(log).queryByText('panggilan lain')).toBeNull();
  });

  it('says honestly that captions from speech are unavailable where the browser has no recognition', async () => {
    providers = ['typed', 'browser'];
    vi.stubGlobal('SpeechRecognition', undefined);
    vi.stubGlobal('webkitSpeechRecognition', undefined);
    render(<CaptionStrip callId="c-1" language="id" muted={false} />);
    expect(
      await screen.findByText('Teks dari ucapan tidak tersedia di perangkat ini.'),
    ).toBeInTheDocument();
    expect(mockedCommand()).toHaveBeenCalledWith('caption:trouble', {
      callId: 'c-1',
      provider: 'browser',
      trouble: 'unsupported',
    });
  });

  it('says so too when the officer’s side reported it before the call screen opened', async () => {
    providers = ['typed', 'browser'];
    troubles = [{ callId: 'c-1', from: 'agent', provider: 'browser', trouble: 'network', at: 1 }];
    render(<CaptionStrip callId="c-1" language="id" muted />);
    expect(
      await screen.findByText('Teks dari ucapan petugas tidak tersedia; petugas dapat mengetik.'),
    ).toBeInTheDocument();
  });

  it('says when the office’s recogniser fails, without blaming the device', () => {
    render(<CaptionStrip callId="c-1" language="en" muted={false} />);
    act(() =>
      heard['caption:status']?.({
        callId: 'c-1',
        from: 'agent',
        provider: 'onprem',
        trouble: 'timeout',
        at: 1,
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Teks dari ucapan sedang tidak tersedia; petugas dapat mengetik.',
    );
    // The recogniser answers again: its captions are available once more.
    act(() => heard.caption?.(caption({ provider: 'onprem', final: true })));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  describe('speech to the office’s recogniser', () => {
    /** The Web Audio graph jsdom lacks: the test plays the microphone's samples into it. */
    let play: ((samples: Float32Array) => void) | null;
    const microphone = { kind: 'audio' } as MediaStreamTrack;
    const local = { getAudioTracks: () => [microphone] } as unknown as MediaStream;
    beforeEach(() => {
      play = null;
      providers = ['typed', 'onprem'];
      vi.stubGlobal('MediaStream', class {});
      vi.stubGlobal(
        'AudioContext',
        class {
          sampleRate = 48_000;
          destination = {};
          createMediaStreamSource = () => ({
            connect: () => undefined,
            disconnect: () => undefined,
          });
          createScriptProcessor = () => {
            const node = {
              onaudioprocess: null as ((event: unknown) => void) | null,
              connect: () => undefined,
              disconnect: () => undefined,
            };
            play = (samples) =>
              node.onaudioprocess?.({ inputBuffer: { getChannelData: () => samples } });
            return node;
          };
          close = () => Promise.resolve();
        },
      );
    });

    it('sends the visitor’s utterance, in the call’s language, once the microphone is quiet', async () => {
      render(<CaptionStrip callId="c-1" language="id" muted={false} local={local} />);
      await vi.waitFor(() => expect(play).not.toBeNull());
      const speech = Float32Array.from({ length: 48_000 }, (_, i) => 0.3 * Math.sin(i / 20));
      act(() => play?.(speech));
      act(() => play?.(new Float32Array(48_000)));
      const pieces = mockedCommand()
        .mock.calls.filter(([event]) => event === 'caption:audio')
        .map(([, piece]) => piece as { callId: string; language: string; last: boolean });
      expect(pieces.at(-1)).toMatchObject({ callId: 'c-1', language: 'id', last: true });
    });

    it('listens to nothing while the visitor has muted the microphone', async () => {
      render(<CaptionStrip callId="c-1" language="id" muted local={local} />);
      await vi.waitFor(() =>
        expect(mockedCommand()).toHaveBeenCalledWith('caption:sources', { callId: 'c-1' }),
      );
      await act(async () => undefined);
      expect(play).toBeNull();
    });
  });

  it.each([
    { name: 'the office does not offer browser recognition', offered: ['typed'], muted: false },
    { name: 'the visitor muted the microphone', offered: ['typed', 'browser'], muted: true },
  ])('listens to no microphone when $name', async ({ offered, muted }) => {
    providers = offered;
    const Recognition = vi.fn();
    vi.stubGlobal('webkitSpeechRecognition', Recognition);
    render(<CaptionStrip callId="c-1" language="id" muted={muted} />);
    await vi.waitFor(() =>
      expect(mockedCommand()).toHaveBeenCalledWith('caption:sources', { callId: 'c-1' }),
    );
    await act(async () => undefined);
    expect(Recognition).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
