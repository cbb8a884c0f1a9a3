import type { Signal } from '@loket/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSignals, deliverSignal, subscribeSignals } from './signal-relay';

const offer: Signal = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } };
const candidate: Signal = { kind: 'candidate', candidate: null };

describe('signal relay', () => {
  afterEach(clearSignals);

  it('replays signals that arrived before the call subscribed, in order', () => {
    deliverSignal({ callId: 'c1', signal: offer });
    deliverSignal({ callId: 'c1', signal: candidate });
    const listener = vi.fn();

    subscribeSignals('c1', listener);

    expect(listener.mock.calls).toEqual([[offer], [candidate]]);
  });

  it('passes signals straight to a subscribed call and ignores other calls', () => {
    const listener = vi.fn();
    subscribeSignals('c1', listener);

    deliverSignal({ callId: 'c2', signal: offer });
    deliverSignal({ callId: 'c1', signal: candidate });

    expect(listener.mock.calls).toEqual([[candidate]]);
  });

  it('stops delivering after unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeSignals('c1', listener);

    unsubscribe();
    deliverSignal({ callId: 'c1', signal: offer });

    expect(listener).not.toHaveBeenCalled();
  });
});
