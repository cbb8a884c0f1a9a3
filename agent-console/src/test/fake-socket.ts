import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/**
 * A stand-in for a socket.io client socket: tests answer commands through `emitWithAck` and
 * play server events with `serverEmit`.
 */
export class FakeSocket {
  readonly listeners = new Map<string, Set<Listener>>();
  readonly emitWithAck = vi.fn<(event: string, payload: unknown) => Promise<unknown>>();
  readonly connect = vi.fn();
  readonly disconnect = vi.fn();

  timeout(): this {
    return this;
  }

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event?: string, listener?: Listener): this {
    if (!event) this.listeners.clear();
    else if (!listener) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener);
    return this;
  }

  /** Delivers an event as if the server (or socket.io itself) sent it. */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** Answers each command with the ack given for its event name. */
export function answerWith(socket: FakeSocket, acks: Record<string, unknown>): void {
  socket.emitWithAck.mockImplementation(async (event) => {
    if (!(event in acks)) throw new Error(`unexpected command ${event}`);
    return acks[event];
  });
}
