import type { Caption } from '@loket/shared';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeSocket } from '../../test/fake-socket';
import { consoleStore } from '../../store';
import { resetStore } from '../../test/reset-store';
import { CaptionLine } from './CaptionLine';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/agent-socket', () => ({ agentSocket: () => socket.current }));

const sent = (event: string) =>
  socket.current!.emitWithAck.mock.calls.filter(([name]) => name === event).map(([, p]) => p);

let providers: string[];
let troubles: unknown[];
beforeEach(() => {
  resetStore();
  providers = ['typed'];
  troubles = [];
  socket.current = new FakeSocket();
  socket.current.emitWithAck.mockImplementation(async (event) =>
    event === 'caption:sources'
      ? { ok: true, data: { providers, troubles } }
      : { ok: true, data: null },
  );
});

afterEach(() => void vi.unstubAllGlobals());

describe('the officer’s caption line', () => {
  test('is sent unfinished as it is typed and final on Enter, then cleared', async () => {
    const user = userEvent.setup();
    render(<CaptionLine callId="c-1" language="id" />);
    const field = screen.getByRole('textbox', { name: 'Baris teks' });
    await user.type(field, 'Halo');
    expect(sent('caption:send')[0]).toEqual({
      callId: 'c-1',
      text: 'H',
      final: false,
      provider: 'typed',
    });
    await user.type(field, '{Enter}');
    expect(sent('caption:send').at(-1)).toEqual({
      callId: 'c-1',
      text: 'Halo',
      final: true,
      provider: 'typed',
    });
    expect(field).toHaveValue('');
  });

  test('shows each side’s latest line as text, and the sources the office offers', async () => {
    providers = ['typed', 'browser'];
    vi.stubGlobal('webkitSpeechRecognition', undefined);
    render(<CaptionLine callId="c-1" language="id" />);
    const caption = (change: Partial<Caption>): Caption => ({
      callId: 'c-1',
      ticketId: 't-1',
      from: 'kiosk',
      text: '<b>Saya mau</b>',
      final: false,
      provider: 'browser',
      at: 1,
      ...change,
    });
    act(() => socket.current!.serverEmit('caption', caption({})));
    act(() => socket.current!.serverEmit('caption', caption({ callId: 'other', text: 'bukan' })));
    const log = screen.getByRole('log', { name: 'Teks langsung panggilan' });
    expect(within(log).getByText('<b>Saya mau</b>', { exact: false })).toBeInTheDocument();
    expect(log.querySelector('b')).toBeNull();
    expect(within(log).queryByText(/bukan/)).toBeNull();
    expect(
      await screen.findByText('Sumber teks: baris ketikan Anda, pengenalan suara peramban'),
    ).toBeInTheDocument();
  });

  test('says honestly that captions from speech are unavailable, on either side', async () => {
    providers = ['typed', 'browser'];
    vi.stubGlobal('webkitSpeechRecognition', undefined);
    vi.stubGlobal('SpeechRecognition', undefined);
    render(<CaptionLine callId="c-1" language="en" />);
    await vi.waitFor(() =>
      expect(sent('caption:trouble')).toEqual([
        { callId: 'c-1', provider: 'browser', trouble: 'unsupported' },
      ]),
    );
    act(() =>
      socket.current!.serverEmit('caption:status', {
        callId: 'c-1',
        from: 'kiosk',
        provider: 'browser',
        trouble: 'network',
        at: 1,
      }),
    );
    expect(screen.getAllByRole('status').at(-1)).toHaveTextContent(
      'Teks dari ucapan pengunjung tidak tersedia di perangkatnya.',
    );
  });

  test('says so too when the kiosk reported it before the call view opened', async () => {
    providers = ['typed', 'browser'];
    troubles = [{ callId: 'c-1', from: 'kiosk', provider: 'browser', trouble: 'network', at: 1 }];
    consoleStore.setState({ micMuted: true });
    render(<CaptionLine callId="c-1" language="id" />);
    expect(
      await screen.findByText('Teks dari ucapan pengunjung tidak tersedia di perangkatnya.'),
    ).toBeInTheDocument();
  });

  test('listens to no microphone while the officer has it muted', async () => {
    providers = ['typed', 'browser'];
    const Recognition = vi.fn();
    vi.stubGlobal('webkitSpeechRecognition', Recognition);
    consoleStore.setState({ micMuted: true });
    render(<CaptionLine callId="c-1" language="id" />);
    await vi.waitFor(() => expect(sent('caption:sources')).toEqual([{ callId: 'c-1' }]));
    await act(async () => undefined);
    expect(Recognition).not.toHaveBeenCalled();
  });
});

describe('the officer’s speech and the office’s recogniser', () => {
  test('its trouble is said until its captions come back', async () => {
    providers = ['typed', 'onprem'];
    render(<CaptionLine callId="c-1" language="id" />);
    const status = screen.getAllByRole('status').at(-1)!;
    act(() =>
      socket.current!.serverEmit('caption:status', {
        callId: 'c-1',
        from: 'kiosk',
        provider: 'onprem',
        trouble: 'timeout',
        at: 1,
      }),
    );
    expect(status).not.toBeEmptyDOMElement();
    act(() =>
      socket.current!.serverEmit('caption', {
        callId: 'c-1',
        ticketId: 't-1',
        from: 'kiosk',
        text: 'Saya mau membuat KTP',
        final: true,
        provider: 'onprem',
        at: 2,
      }),
    );
    expect(status).toBeEmptyDOMElement();
  });
});
