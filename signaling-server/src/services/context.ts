import type { IceServer } from '@loket/shared';
import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/database.js';
import type { Notifier } from './notifier.js';

/** What every use case works with. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
  notifier: Notifier;
  settings: { offerTimeoutMs: number; iceServers: IceServer[] };
  /** Asks for the office's queue to be matched again soon (coalesced). */
  requestDispatch(officeId: string): void;
}

/** Who is acting: an enrolled kiosk or a signed-in user. */
export type { SocketActor as Actor } from '@loket/shared';
