import type { DeviceChecks, KioskHealthReport } from '@loket/shared';
import { describe, expect, it, vi } from 'vitest';
import { KioskCare } from './kiosk-care';

const CHECKED: DeviceChecks = { camera: 'ok', microphone: 'ok', speaker: 'missing' };

function care() {
  let now = 1_000;
  const sent: KioskHealthReport[] = [];
  const deps = {
    version: '0.1.0',
    send: vi.fn(async (report: KioskHealthReport) => {
      sent.push(report);
      now += 15;
      return { ok: true as const, data: null };
    }),
    checkDevices: vi.fn(async () => CHECKED),
    reload: vi.fn(),
    now: () => now,
    downlink: () => 8.5,
  };
  return { care: new KioskCare(deps), deps, sent, advance: (ms: number) => (now += ms) };
}

describe('kiosk care', () => {
  it('reports its devices as untested until the first check, then what the check found', async () => {
    const { care: kiosk, sent } = care();
    await kiosk.beat();
    expect(sent[0]).toEqual({
      version: '0.1.0',
      devices: { camera: 'untested', microphone: 'untested', speaker: 'untested' },
      roundTripMs: null,
      downlinkMbps: 8.5,
      lastVisitAt: null,
    });
    await kiosk.checkDevices();
    expect(sent[1]).toMatchObject({ devices: CHECKED, roundTripMs: 15 });
  });

  it('waits for the visitor at the kiosk to finish before reloading', () => {
    const { care: kiosk, deps } = care();
    kiosk.phaseChanged('attract');
    kiosk.phaseChanged('service');
    kiosk.reload();
    expect(deps.reload).not.toHaveBeenCalled();
    kiosk.phaseChanged('consent');
    expect(deps.reload).not.toHaveBeenCalled();
    kiosk.phaseChanged('attract');
    expect(deps.reload).toHaveBeenCalledOnce();
  });

  it('reloads at once when nobody is at the kiosk', () => {
    const { care: kiosk, deps } = care();
    kiosk.phaseChanged('attract');
    kiosk.reload();
    expect(deps.reload).toHaveBeenCalledOnce();
  });

  it('checks its devices after every visit and reports when the visit ended', async () => {
    const { care: kiosk, deps, sent, advance } = care();
    kiosk.phaseChanged('waiting');
    await kiosk.checkDevices();
    expect(deps.checkDevices).not.toHaveBeenCalled();
    kiosk.phaseChanged('call');
    kiosk.phaseChanged('thanks');
    advance(500);
    kiosk.phaseChanged('attract');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(deps.checkDevices).toHaveBeenCalledOnce();
    expect(sent[0]).toMatchObject({ devices: CHECKED, lastVisitAt: 1_500 });
  });

  it('does not count a visitor who turned back at the service list as a visit', () => {
    const { care: kiosk, deps } = care();
    kiosk.phaseChanged('attract');
    kiosk.phaseChanged('service');
    kiosk.phaseChanged('attract');
    expect(deps.checkDevices).not.toHaveBeenCalled();
    expect(kiosk.report().lastVisitAt).toBeNull();
  });
});
