import type { CommandOutcome, DeviceChecks, KioskHealthReport } from '@loket/shared';
import type { Phase } from '../store/phases';

/** Phases with no visitor at the kiosk: a reload or a device check disturbs nobody. */
const UNATTENDED: readonly Phase[] = ['starting', 'unenrolled', 'replaced', 'attract'];
/** Phases of a visit under way; leaving one for an unattended phase ends the visit. */
const VISIT: readonly Phase[] = ['waiting', 'call', 'thanks', 'callbackSent'];

const UNTESTED: DeviceChecks = { camera: 'untested', microphone: 'untested', speaker: 'untested' };

/** What kiosk care works with, so that it can be driven by hand in a test. */
export interface KioskCareDeps {
  version: string;
  /** Sends a heartbeat; answers once the server has it (or could not be reached). */
  send(report: KioskHealthReport): Promise<CommandOutcome<null>>;
  checkDevices(): Promise<DeviceChecks>;
  reload(): void;
  now(): number;
  /** The browser's downlink estimate, Mbit/s, where it gives one. */
  downlink(): number | null;
}

/**
 * Keeps the office informed about this kiosk and does what a manager asks of it from afar: a
 * heartbeat with the app's version, its device checks and the network; a device check on start,
 * after every visit and on request; a reload. Both wait until no visitor is at the kiosk.
 */
export class KioskCare {
  #devices: DeviceChecks = UNTESTED;
  #roundTripMs: number | null = null;
  #lastVisitAt: number | null = null;
  #phase: Phase = 'starting';
  #checkWanted = false;
  #reloadWanted = false;
  #checking: Promise<void> | null = null;

  constructor(private readonly deps: KioskCareDeps) {}

  /** What the next heartbeat says. */
  report(): KioskHealthReport {
    return {
      version: this.deps.version,
      devices: this.#devices,
      roundTripMs: this.#roundTripMs,
      downlinkMbps: this.deps.downlink(),
      lastVisitAt: this.#lastVisitAt,
    };
  }

  /** Sends a heartbeat now, timing its round trip for the next one. */
  async beat(): Promise<void> {
    const started = this.deps.now();
    const answer = await this.deps.send(this.report());
    if (answer.ok) this.#roundTripMs = Math.max(0, Math.round(this.deps.now() - started));
  }

  /** Checks the devices (now, or once the visitor at the kiosk is done) and reports. */
  async checkDevices(): Promise<void> {
    if (!UNATTENDED.includes(this.#phase)) {
      this.#checkWanted = true;
      return;
    }
    this.#checkWanted = false;
    this.#checking ??= this.deps
      .checkDevices()
      .then((devices) => {
        this.#devices = devices;
      })
      .finally(() => {
        this.#checking = null;
      });
    await this.#checking;
    await this.beat();
  }

  /** Reloads the app now, or once the visitor at the kiosk is done. */
  reload(): void {
    if (UNATTENDED.includes(this.#phase)) this.deps.reload();
    else this.#reloadWanted = true;
  }

  /** The kiosk moved to `phase`: a visit that ends is timed, and waiting requests are carried out. */
  phaseChanged(phase: Phase): void {
    const from = this.#phase;
    this.#phase = phase;
    if (!UNATTENDED.includes(phase)) return;
    if (VISIT.includes(from)) {
      this.#lastVisitAt = this.deps.now();
      this.#checkWanted = true;
    }
    if (this.#reloadWanted) this.deps.reload();
    else if (this.#checkWanted) void this.checkDevices();
  }
}
