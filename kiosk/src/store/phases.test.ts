import { afterEach, describe, expect, it, vi } from 'vitest';
import { callStart, resetKiosk } from '../test/fixtures';
import { changePhase, kioskStore } from './kiosk-store';
import { mayFollow, PHASES, type Phase } from './phases';

const phases = Object.keys(PHASES) as Phase[];

describe('the journey table', () => {
  it.each<{ phase: Phase; resumable: boolean; timesOut: boolean; takesTicket: boolean }>([
    { phase: 'starting', resumable: true, timesOut: false, takesTicket: false },
    { phase: 'unenrolled', resumable: false, timesOut: false, takesTicket: false },
    { phase: 'attract', resumable: false, timesOut: false, takesTicket: false },
    { phase: 'service', resumable: false, timesOut: true, takesTicket: false },
    { phase: 'consent', resumable: true, timesOut: true, takesTicket: true },
    { phase: 'unavailable', resumable: false, timesOut: true, takesTicket: false },
    { phase: 'callback', resumable: false, timesOut: true, takesTicket: false },
    { phase: 'callbackSent', resumable: false, timesOut: false, takesTicket: false },
    { phase: 'waiting', resumable: true, timesOut: false, takesTicket: false },
    { phase: 'call', resumable: true, timesOut: false, takesTicket: false },
    { phase: 'thanks', resumable: false, timesOut: false, takesTicket: false },
  ])(
    'on $phase, a reconnect resumes the visit: $resumable; the screen times out: $timesOut; a ticket is taken: $takesTicket',
    ({ phase, ...flags }) => {
      expect(PHASES[phase]).toMatchObject(flags);
    },
  );

  it.each(phases.filter((phase) => PHASES[phase].takesTicket))(
    '%s, where the ticket is taken, survives a reconnect and leads to waiting',
    (phase) => {
      expect(PHASES[phase]).toMatchObject({
        resumable: true,
        next: expect.arrayContaining(['waiting']),
      });
    },
  );

  it('reaches every phase from a kiosk switched on', () => {
    const reached: Phase[] = ['starting'];
    // The loop also visits the phases it adds on the way.
    for (const from of reached) {
      for (const to of phases) if (mayFollow(from, to) && !reached.includes(to)) reached.push(to);
    }
    expect([...reached].sort()).toEqual([...phases].sort());
  });

  it.each<{ from: Phase; to: Phase; allowed: boolean }>([
    { from: 'attract', to: 'service', allowed: true },
    { from: 'call', to: 'call', allowed: true },
    { from: 'thanks', to: 'attract', allowed: true },
    { from: 'waiting', to: 'unenrolled', allowed: true },
    { from: 'unenrolled', to: 'attract', allowed: true },
    { from: 'attract', to: 'call', allowed: false },
    { from: 'service', to: 'waiting', allowed: false },
    { from: 'waiting', to: 'consent', allowed: false },
    { from: 'thanks', to: 'call', allowed: false },
    { from: 'callbackSent', to: 'callback', allowed: false },
    { from: 'unenrolled', to: 'service', allowed: false },
  ])('going from $from to $to is allowed: $allowed', ({ from, to, allowed }) => {
    expect(mayFollow(from, to)).toBe(allowed);
  });
});

describe('a change of phase', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is refused and reported when the table does not allow it', () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    resetKiosk({ phase: 'attract' });

    changePhase('call', { call: callStart() });

    expect(kioskStore.getState()).toMatchObject({ phase: 'attract', call: null });
    expect(reported).toHaveBeenCalledWith(expect.stringMatching(/from attract to call/));
  });

  it('applies its change with the phase when the table allows it', () => {
    const reported = vi.spyOn(console, 'error');
    resetKiosk({ phase: 'waiting' });

    changePhase('call', { call: callStart() });

    expect(kioskStore.getState()).toMatchObject({ phase: 'call', call: { callId: 'call-1' } });
    expect(reported).not.toHaveBeenCalled();
  });
});
