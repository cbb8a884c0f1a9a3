import type { CaptionProvider, IceServer } from '@loket/shared';
import type { Clock } from '../clock.js';
import type { ComplaintChannel } from '../complaints/channel.js';
import type { IdFactory } from '../ids.js';
import type { Logger } from '../log.js';
import type { MediaProvider } from '../media/provider.js';
import type { Db } from '../store/database.js';
import type { WaitingLine } from '../store/waiting-line.js';
import type { SkillBook } from '../store/skill-book.js';
import type { Notifier } from './outbox.js';
import type { Telemetry } from './telemetry.js';

/** What every use case works with. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
  notifier: Notifier;
  /** Counts offers, answers and calls for Prometheus (nothing without a metrics token). */
  telemetry: Telemetry;
  /** Agents' skills held in memory, checked against the store's skills version on each use. */
  skills: SkillBook;
  /** Each office's waiting line held in memory, checked against the line's version on each use. */
  line: WaitingLine;
  /** Carries call media: peer-to-peer or LiveKit, from the configuration. */
  media: MediaProvider;
  /** SP4N-LAPOR!, where managers forward complaints; null when it is not configured. */
  complaints: ComplaintChannel | null;
  settings: {
    offerTimeoutMs: number;
    iceServers: IceServer[];
    /** How long an agent stays in wrap-up after a call unless they end it sooner. */
    wrapUpMs: number;
    /** How long a kiosk or console may be gone before its ticket or call is given up. */
    reconnectGraceMs: number;
    /** Answered within `targetMs` for `goal` of visitors (20 s / 80 % by default). */
    serviceLevel: { targetMs: number; goal: number };
    /** How long a console sign-in lasts. */
    sessionTtlMs: number;
    /** The caption providers offered in calls (see `Captions`). */
    captionProviders: readonly CaptionProvider[];
  };
  /** Whether a kiosk or console has a socket open now (on any server instance). */
  presence: {
    kioskConnected(kioskId: string): Promise<boolean>;
    /** The kiosks of an office that have a socket open now. */
    kiosksConnected(officeId: string): Promise<Set<string>>;
    agentConnected(agentId: string): Promise<boolean>;
    /** Every kiosk and officer with a socket open now, on any instance. */
    everyone(): Promise<{ kioskIds: Set<string>; agentIds: Set<string> }>;
  };
  /**
   * Asks for the office's queue to be matched again soon (coalesced). Use cases do not call it:
   * a transaction whose outbox says the queue changed does.
   */
  requestDispatch(officeId: string): void;
  /** Whether new tickets are taken now, or refused as BUSY because the server is past capacity. */
  admission: {
    /** Null: take the ticket. Else the time (epoch ms) from which asking again makes sense. */
    refusal(now: number): number | null;
  };
}

/** Who is acting: an enrolled kiosk or a signed-in user. */
export type { SocketActor as Actor } from '@loket/shared';
