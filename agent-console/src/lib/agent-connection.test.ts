import { beforeEach, describe, expect, test, vi } from 'vitest';
import { consoleStore } from '../store';
import { answerWith, FakeSocket } from '../test/fake-socket';
import {
  agentUser,
  agentView,
  bootstrap,
  callStart,
  offerView,
  officeCatalogue,
  services,
} from '../test/fixtures';
import { resetStore } from '../test/reset-store';
import { startAgentConnection, takeConsoleBack } from './agent-connection';

const socket = vi.hoisted(() => ({ current: null as FakeSocket | null }));
vi.mock('./agent-socket', () => ({
  connectAgentSocket: () => socket.current,
  agentSocket: () => socket.current,
  disconnectAgentSocket: () => socket.current?.disconnect(),
}));

function fake(): FakeSocket {
  if (!socket.current) throw new Error('no socket');
  return socket.current;
}

const state = () => consoleStore.getState();

beforeEach(() => {
  resetStore();
  state().signedIn(agentUser);
  socket.current = new FakeSocket();
});

describe('agent connection', () => {
  test('every connect bootstraps and restores offer and call', async () => {
    answerWith(fake(), {
      'agent:bootstrap': {
        ok: true,
        data: bootstrap({ agent: agentView({ status: 'busy' }), call: callStart() }),
      },
    });
    startAgentConnection();
    fake().serverEmit('connect');
    await vi.waitFor(() => expect(state().call?.callId).toBe('c-1'));
    expect(state()).toMatchObject({ connection: 'connected', agent: { status: 'busy' } });
    expect(fake().emitWithAck).toHaveBeenCalledWith('agent:bootstrap', {});
  });

  test('server facts reach the store: offer, withdrawal, agent, call end', () => {
    startAgentConnection();
    fake().serverEmit('offer:new', offerView());
    expect(state().offer?.ticketNumber).toBe('B-014');
    fake().serverEmit('offer:withdrawn', { ticketId: 't-14', reason: 'expired' });
    expect(state()).toMatchObject({ offer: null, notice: { key: 'offerExpired' } });
    fake().serverEmit('agent:updated', agentView({ status: 'away' }));
    expect(state().agent?.status).toBe('away');
    state().callStarted(callStart());
    fake().serverEmit('call:ended', { callId: 'c-1', reason: 'ended_by_visitor' });
    expect(state()).toMatchObject({ call: null, notice: { key: 'callEndedByVisitor' } });
  });

  test('a service an administrator renames or retires changes in the console at once', () => {
    startAgentConnection();
    state().bootstrapped(bootstrap());
    const renamed = { ...services[0]!, name: { id: 'Informasi', en: 'Information' } };
    fake().serverEmit('office:changed', officeCatalogue([renamed]));
    expect(state().services).toEqual([renamed]);
  });

  test.each([
    { event: 'offer:new', payload: { ticketId: 42 } },
    { event: 'agent:updated', payload: { ...agentView(), status: 'asleep' } },
    { event: 'call:ended', payload: { callId: 'c-1', reason: 'bored' } },
  ])('a $event that breaks the contract is dropped, and the page says so', ({ event, payload }) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startAgentConnection();
    state().callStarted(callStart());
    fake().serverEmit(event, payload);
    expect(state()).toMatchObject({
      offer: null,
      agent: null,
      call: { callId: 'c-1' },
      error: 'BAD_RESPONSE',
    });
    expect(console.warn).toHaveBeenCalledWith(
      `Dropped a malformed ${event} from the server`,
      expect.anything(),
    );
  });

  test.each([
    { event: 'disconnect', args: ['transport close'], expected: { connection: 'disconnected' } },
    {
      event: 'connect_error',
      args: [new Error('xhr poll')],
      expected: { connection: 'disconnected' },
    },
    {
      event: 'connect_error',
      args: [new Error('UNAUTHENTICATED')],
      expected: { sessionStatus: 'signedOut', sessionExpired: true, user: null },
    },
    { event: 'connect_error', args: [new Error('FORBIDDEN')], expected: { error: 'FORBIDDEN' } },
  ])('$event $args.0 updates the session', ({ event, args, expected }) => {
    startAgentConnection();
    fake().serverEmit(event, ...args);
    expect(state()).toMatchObject(expected);
  });

  test('after a server-side disconnect it asks to reconnect once', () => {
    startAgentConnection();
    fake().serverEmit('disconnect', 'io server disconnect');
    expect(fake().connect).toHaveBeenCalledTimes(1);
  });

  test('a console opened elsewhere takes over: this one drops offer and call and stays closed until taken back', () => {
    startAgentConnection();
    fake().serverEmit('connect');
    state().callStarted(callStart());
    fake().serverEmit('offer:new', offerView());
    fake().serverEmit('agent:replaced', {});
    fake().serverEmit('disconnect', 'io server disconnect');
    expect(state()).toMatchObject({ connection: 'replaced', offer: null, call: null });
    expect(fake().connect).not.toHaveBeenCalled();
    expect(fake().disconnect).toHaveBeenCalled();
    takeConsoleBack();
    expect(state().connection).toBe('connecting');
    expect(fake().connect).toHaveBeenCalledTimes(1);
  });

  test('stopping removes listeners before disconnecting', () => {
    const stop = startAgentConnection();
    stop();
    expect(fake().disconnect).toHaveBeenCalled();
    expect(fake().listeners.size).toBe(0);
  });
});
