import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskStore } from '../store/kiosk-store';
import { bootstrap, callStart, mockedCommand, office, resetKiosk, ticket } from '../test/fixtures';
import { startConnection } from './connection';
import { readCredential, saveCredential } from './credential';
import { OFFICE_NAME_KEY, rememberedOfficeName } from './remembered-office';
import { connectSocket, type KioskSocket } from './socket';

vi.mock('./commands', () => ({ command: vi.fn() }));
vi.mock('./socket', () => ({ connectSocket: vi.fn() }));
// Heartbeats are kiosk care's business (kiosk-care.test.ts), not the connection's.
vi.mock('./heartbeat', () => ({
  kioskCare: { reload: vi.fn(), checkDevices: vi.fn() },
  startHeartbeat: vi.fn(),
}));
// So is the outage watch (outage-watch.test.ts).
vi.mock('./outage-watch', () => ({ watchForOutage: vi.fn() }));

/** Just enough of a socket.io socket to fire its events by hand. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  return {
    connected: true,
    active: true,
    connect: vi.fn(),
    on(event: string, handler: (...args: unknown[]) => void) {
      handlers.set(event, handler);
      return this;
    },
    fire(event: string, ...args: unknown[]) {
      handlers.get(event)?.(...args);
    },
  };
}

const state = () => kioskStore.getState();

describe('the connection', () => {
  let socket: ReturnType<typeof fakeSocket>;

  beforeEach(() => {
    localStorage.clear();
    socket = fakeSocket();
    vi.mocked(connectSocket).mockReturnValue(socket as unknown as KioskSocket);
    mockedCommand().mockReset();
    resetKiosk({ phase: 'starting', connection: 'connecting' });
    startConnection();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('bootstraps on connect and resumes a waiting ticket', async () => {
    mockedCommand().mockResolvedValue({ ok: true, data: bootstrap({ ticket: ticket() }) });

    socket.fire('connect');

    expect(mockedCommand()).toHaveBeenCalledWith('kiosk:bootstrap', {});
    await vi.waitFor(() => expect(state().phase).toBe('waiting'));
    expect(state().connection).toBe('online');
  });

  it('keeps the credential the bootstrap hands over for the next connection, and the one before', async () => {
    saveCredential('used-to-connect');
    mockedCommand().mockResolvedValue({ ok: true, data: bootstrap({ credential: 'handed-over' }) });

    socket.fire('connect');

    await vi.waitFor(() => expect(readCredential()).toBe('handed-over'));
    socket.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(readCredential()).toBe('used-to-connect');
  });

  it('keeps the credential it has when the bootstrap hands over none', async () => {
    saveCredential('used-to-connect');
    mockedCommand().mockResolvedValue({ ok: true, data: bootstrap({ credential: null }) });

    socket.fire('connect');

    await vi.waitFor(() => expect(state().connection).toBe('online'));
    await vi.waitFor(() => expect(mockedCommand()).toHaveBeenCalled());
    expect(readCredential()).toBe('used-to-connect');
  });

  it('presents the credential before a refused one once more before it shows the unenrolled screen', () => {
    saveCredential('held-by-the-server');
    saveCredential('replaced-on-the-server');
    socket.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(socket.connect).toHaveBeenCalledTimes(1);
    expect(readCredential()).toBe('held-by-the-server');
    expect(state().phase).toBe('starting');
    socket.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(socket.connect).toHaveBeenCalledTimes(1);
    expect(readCredential()).toBeNull();
    expect(state().phase).toBe('unenrolled');
  });

  it('shows the unenrolled screen when the server refuses the token', () => {
    socket.fire('connect_error', new Error('UNAUTHENTICATED'));

    expect(state().phase).toBe('unenrolled');
  });

  it("remembers the office's name from the bootstrap and forgets it when refused", async () => {
    localStorage.removeItem(OFFICE_NAME_KEY);
    mockedCommand().mockResolvedValue({ ok: true, data: bootstrap() });

    socket.fire('connect');
    await vi.waitFor(() => expect(state().phase).toBe('attract'));
    expect(rememberedOfficeName()).toEqual(office.name);

    socket.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(rememberedOfficeName()).toBeNull();
  });

  it('keeps the visitor where they are while the connection is down', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    socket.fire('disconnect', 'transport close');

    expect(state()).toMatchObject({ phase: 'waiting', connection: 'offline' });
    expect(socket.connect).not.toHaveBeenCalled();
  });

  it('tries again later when the server refuses the handshake for another reason', () => {
    vi.useFakeTimers();
    socket.active = false;

    socket.fire('connect_error', new Error('INTERNAL'));
    vi.advanceTimersByTime(5000);

    expect(state().connection).toBe('offline');
    expect(socket.connect).toHaveBeenCalled();
  });

  it('routes the server’s facts to the store', () => {
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    socket.fire('ticket:updated', ticket({ position: 1 }));
    expect(state().ticket?.position).toBe(1);

    socket.fire('call:started', callStart());
    expect(state().phase).toBe('call');

    socket.fire('call:ended', { callId: 'call-1', reason: 'ended_by_agent' });
    expect(state().phase).toBe('thanks');
  });

  it.each([
    { event: 'ticket:updated', payload: { ...ticket(), position: 'first' } },
    { event: 'call:started', payload: { ...callStart(), transport: 'carrier-pigeon' } },
    { event: 'office:message', payload: { text: 'only one language', at: 1 } },
  ])('drops a $event whose payload breaks the contract and says so', ({ event, payload }) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    resetKiosk({ phase: 'waiting', ticket: ticket() });

    socket.fire(event, payload);

    expect(state()).toMatchObject({
      phase: 'waiting',
      ticket: ticket(),
      officeMessage: null,
      error: 'BAD_RESPONSE',
    });
    expect(console.error).toHaveBeenCalledWith(
      `Dropped a malformed ${event} from the server`,
      expect.anything(),
    );
  });
});
