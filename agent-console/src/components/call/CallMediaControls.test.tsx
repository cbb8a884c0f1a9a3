import type * as Media from '@loket/shared/media';
import { IDLE_CALL, setupCall, type CallController, type CallSnapshot } from '@loket/shared/media';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { followStoreCall } from '../../lib/call-media';
import { consoleStore } from '../../store';
import { FakeSocket } from '../../test/fake-socket';
import { callStart } from '../../test/fixtures';
import { resetStore } from '../../test/reset-store';
import { PageMessages } from '../PageMessages';
import { CallStateText } from './CallStateText';
import { ConnectionQuality } from './ConnectionQuality';
import { DevicePicker } from './DevicePicker';
import { ScreenShareButton } from './ScreenShareButton';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('../../lib/agent-socket', () => ({ agentSocket: () => socket.current }));
vi.mock('@loket/shared/media', async (importOriginal) => ({
  ...(await importOriginal<typeof Media>()),
  setupCall: vi.fn(),
}));

/** A camera or microphone track that says which device it comes from. */
function fakeTrack(kind: 'audio' | 'video', deviceId: string) {
  return { kind, deviceId, enabled: true, stop: vi.fn(), getSettings: () => ({ deviceId }) };
}

/** The agent's stream, whose tracks a device switch replaces in place, as the sessions do. */
const local = { tracks: [fakeTrack('video', 'cam-1'), fakeTrack('audio', 'mic-1')] };
const localStream = { getTracks: () => local.tracks } as unknown as MediaStream;

/** A call that records what the controls ask of it and lets the test change what it shows. */
function fakeCall(callId: string) {
  let snapshot: CallSnapshot = { ...IDLE_CALL, callId, local: localStream };
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
    setMuted: vi.fn(),
    switchDevice: vi.fn(async (kind: 'audio' | 'video', deviceId: string) => {
      local.tracks = local.tracks.map((t) => (t.kind === kind ? fakeTrack(kind, deviceId) : t));
      show({});
    }),
    startScreenShare: vi.fn(async () => show({ localScreen: {} as MediaStream })),
    stopScreenShare: vi.fn(() => show({ localScreen: null })),
    leave: vi.fn(),
  } satisfies CallController;
  return { controller, show };
}

let fake: ReturnType<typeof fakeCall>;

beforeEach(async () => {
  resetStore();
  socket.current = new FakeSocket();
  local.tracks = [fakeTrack('video', 'cam-1'), fakeTrack('audio', 'mic-1')];
  vi.mocked(setupCall).mockImplementation(({ call }) => {
    fake = fakeCall(call.callId);
    return fake.controller;
  });
  vi.stubGlobal('navigator', {
    ...navigator,
    mediaDevices: {
      enumerateDevices: async () => [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Kamera laptop' },
        { kind: 'videoinput', deviceId: 'cam-2', label: 'Kamera meja' },
        { kind: 'audioinput', deviceId: 'mic-1', label: '' },
        { kind: 'audiooutput', deviceId: 'spk-1', label: 'Speaker' },
      ],
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    },
  });
  followStoreCall();
  consoleStore.getState().callStarted(callStart());
});
afterAll(() => {
  resetStore();
  vi.unstubAllGlobals();
});

describe('sharing the screen', () => {
  test('the button shares the screen, then offers to stop sharing', async () => {
    const user = userEvent.setup();
    render(<ScreenShareButton />);
    await user.click(screen.getByRole('button', { name: 'Bagikan layar' }));
    expect(fake.controller.startScreenShare).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Berhenti berbagi layar' }));
    expect(fake.controller.stopScreenShare).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Bagikan layar' })).toBeInTheDocument();
  });

  test('a share stopped with the browser’s own control turns the button back', async () => {
    render(<ScreenShareButton />);
    act(() => fake.show({ localScreen: {} as MediaStream }));
    expect(screen.getByRole('button', { name: 'Berhenti berbagi layar' })).toBeInTheDocument();
    act(() => fake.show({ localScreen: null }));
    expect(screen.getByRole('button', { name: 'Bagikan layar' })).toBeInTheDocument();
  });

  test('choosing no screen in the browser’s dialog is no error', async () => {
    fake.controller.startScreenShare.mockRejectedValueOnce(
      new DOMException('no', 'NotAllowedError'),
    );
    const user = userEvent.setup();
    render(<ScreenShareButton />);
    const button = screen.getByRole('button', { name: 'Bagikan layar' });
    await user.click(button);
    // Enabled again once the refusal has been handled.
    await vi.waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(consoleStore.getState().error).toBeNull();
    expect(button).toHaveTextContent('Bagikan layar');
  });

  test('a share that fails is reported as such, and the call goes on', async () => {
    fake.controller.startScreenShare.mockRejectedValueOnce(new Error('publish failed'));
    const user = userEvent.setup();
    render(
      <>
        <ScreenShareButton />
        <PageMessages />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Bagikan layar' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Layar tidak dapat dibagikan. Panggilan tetap berlangsung; coba lagi.',
      ),
    );
    expect(fake.controller.leave).not.toHaveBeenCalled();
    expect(consoleStore.getState().call).not.toBeNull();
  });
});

describe('choosing camera and microphone', () => {
  test('labelled lists show the devices in use, and choosing one switches to it', async () => {
    const user = userEvent.setup();
    render(<DevicePicker />);
    const camera = screen.getByRole('combobox', { name: 'Kamera' });
    await screen.findByRole('option', { name: 'Kamera meja' });
    expect(camera).toHaveValue('cam-1');
    expect(screen.getByRole('combobox', { name: 'Mikrofon' })).toHaveValue('mic-1');
    expect(screen.getByRole('option', { name: 'Perangkat 1' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Speaker' })).not.toBeInTheDocument();

    await user.selectOptions(camera, 'Kamera meja');

    expect(fake.controller.switchDevice).toHaveBeenCalledWith('video', 'cam-2');
    await vi.waitFor(() => expect(camera).toHaveValue('cam-2'));
  });

  test('a device that cannot be opened is reported and the list keeps the one in use', async () => {
    fake.controller.switchDevice.mockRejectedValueOnce(new Error('busy'));
    const user = userEvent.setup();
    render(
      <>
        <DevicePicker />
        <PageMessages />
      </>,
    );
    const camera = screen.getByRole('combobox', { name: 'Kamera' });
    await screen.findByRole('option', { name: 'Kamera meja' });
    await user.selectOptions(camera, 'Kamera meja');
    await vi.waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Perangkat itu tidak dapat dipakai. Panggilan tetap berlangsung dengan perangkat sebelumnya.',
      ),
    );
    expect(consoleStore.getState().error).toBe('DEVICE_SWITCH_FAILED');
    expect(camera).toHaveValue('cam-1');
  });

  test('a switch cut short by the end of the call is not reported as a failure', async () => {
    let fail = () => {};
    fake.controller.switchDevice.mockImplementationOnce(
      () => new Promise<void>((_resolve, reject) => (fail = () => reject(new Error('ended')))),
    );
    const user = userEvent.setup();
    render(<DevicePicker />);
    await screen.findByRole('option', { name: 'Kamera meja' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kamera' }), 'Kamera meja');

    const { callId } = consoleStore.getState().call!;
    act(() => consoleStore.getState().callEnded({ callId, reason: 'ended_by_visitor' }));
    await act(async () => fail());

    expect(fake.controller.leave).toHaveBeenCalled();
    expect(consoleStore.getState().error).toBeNull();
  });

  test('while a switch runs both lists show it is busy and take no other choice', async () => {
    let finish = () => {};
    fake.controller.switchDevice.mockImplementationOnce(
      (kind, deviceId) =>
        new Promise<void>((resolve) => {
          finish = () => {
            local.tracks = local.tracks.map((t) =>
              t.kind === kind ? fakeTrack(kind, deviceId) : t,
            );
            fake.show({});
            resolve();
          };
        }),
    );
    const user = userEvent.setup();
    render(<DevicePicker />);
    const camera = screen.getByRole('combobox', { name: 'Kamera' });
    const microphone = screen.getByRole('combobox', { name: 'Mikrofon' });
    await screen.findByRole('option', { name: 'Kamera meja' });

    await user.selectOptions(camera, 'Kamera meja');
    expect(camera).toHaveAttribute('aria-disabled', 'true');
    expect(microphone).toHaveAttribute('aria-disabled', 'true');
    expect(camera).toHaveValue('cam-2');
    expect(camera).toHaveFocus();
    await user.selectOptions(camera, 'Kamera laptop');
    expect(fake.controller.switchDevice).toHaveBeenCalledOnce();

    act(() => finish());
    await vi.waitFor(() => expect(camera).not.toHaveAttribute('aria-disabled'));
    expect(camera).toHaveValue('cam-2');
    expect(microphone).not.toHaveAttribute('aria-disabled');
  });

  test('a device in use that the browser does not list is still named', async () => {
    local.tracks = [fakeTrack('video', 'cam-9'), fakeTrack('audio', 'mic-1')];
    render(<DevicePicker />);
    await screen.findByRole('option', { name: 'Kamera meja' });
    const camera = screen.getByRole('combobox', { name: 'Kamera' });
    expect(camera).toHaveValue('cam-9');
    expect(screen.getByRole('option', { name: 'Perangkat saat ini' })).toHaveProperty(
      'selected',
      true,
    );
  });
});

describe('connection quality', () => {
  test('both links are told in words; only a fall to poor and the recovery are announced', () => {
    render(<ConnectionQuality />);
    const [ownAnnounced, visitorAnnounced] = screen.getAllByRole('status');
    expect(screen.getByText('Koneksi Anda: sedang diperiksa…')).not.toHaveAttribute('role');
    expect(screen.getByText('Koneksi pengunjung: sedang diperiksa…')).toBeInTheDocument();
    expect(ownAnnounced).toBeEmptyDOMElement();
    expect(visitorAnnounced).toBeEmptyDOMElement();

    act(() => fake.show({ quality: { local: 'good', remote: 'poor' } }));
    expect(screen.getByText('Koneksi Anda: baik')).not.toHaveAttribute('role');
    expect(ownAnnounced).toBeEmptyDOMElement();
    expect(visitorAnnounced).toHaveTextContent('Koneksi pengunjung: lemah');

    act(() => fake.show({ quality: { local: 'fair', remote: 'good' } }));
    expect(screen.getByText('Koneksi Anda: cukup')).toBeInTheDocument();
    expect(ownAnnounced).toBeEmptyDOMElement();
    expect(visitorAnnounced).toHaveTextContent('Koneksi pengunjung: baik');

    act(() => fake.show({ quality: { local: 'good', remote: 'fair' } }));
    expect(ownAnnounced).toBeEmptyDOMElement();
    expect(visitorAnnounced).toBeEmptyDOMElement();
  });
});

describe('connection state', () => {
  test('is told in words as the call connects and reconnects', () => {
    render(<CallStateText />);
    expect(screen.getByRole('status')).toHaveTextContent('Menghubungkan…');
    act(() => fake.show({ state: 'reconnecting' }));
    expect(screen.getByRole('status')).toHaveTextContent('Sambungan terganggu');
  });
});
