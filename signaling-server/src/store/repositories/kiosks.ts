import { sql, type ExpressionBuilder, type NotNull } from 'kysely';
import type { Db } from '../database.js';
import { groupedReads, paddedToPowerOfTwo } from '../grouped-reads.js';
import { prepared } from '../prepared.js';
import { CATALOGUE_VERSION_ROW } from './offices.js';
import type { TicketStatus } from '@loket/shared';
import type { Database, KioskPairingRow, KioskRow } from '../schema.js';
import { writtenLimit } from '../written-limit.js';

/** A kiosk as enrolment makes it: no pending credential, not revoked, first media generation. */
export type NewKiosk = Omit<
  KioskRow,
  | 'pending_token_hash'
  | 'revoked_at'
  | 'media_generation'
  | 'health'
  | 'health_at'
  | 'out_of_service_at'
  | 'version'
>;

/** The kiosk a credential hash names, as the handshake needs it. */
export interface CredentialHolder {
  id: string;
  office_id: string;
  /** Whether the hash is the kiosk's pending credential rather than its current one. */
  pending: boolean;
}

/**
 * The unrevoked kiosk that holds this credential hash, current or pending. A credential that
 * names its kiosk (`kioskId`) is checked against that kiosk's row, read by its primary key; one
 * made before credentials named their kiosk is looked for among every kiosk's hashes, which no
 * index holds (see `kioskOfCredential`). Every kiosk connection asks, and the handshakes asking
 * together are answered by one statement.
 */
export async function findKioskByCredential(
  db: Db,
  tokenHash: string,
  kioskId: string | null,
): Promise<CredentialHolder | undefined> {
  const kiosk = await (kioskId === null
    ? credentialHolders(db, tokenHash)
    : credentialsOfKiosks(db, kioskId));
  if (!kiosk || kiosk.revoked_at !== null) return undefined;
  const holder = { id: kiosk.id, office_id: kiosk.office_id };
  // Hashes are compared, never secrets: how long a comparison takes tells nothing about a
  // credential that hashes to the stored value.
  if (kiosk.token_hash === tokenHash) return { ...holder, pending: false };
  if (kiosk.pending_token_hash === tokenHash) return { ...holder, pending: true };
  return undefined;
}

type KioskCredentials = Awaited<ReturnType<typeof kiosksByCredentialQuery>>['rows'][number];

/**
 * How far apart the statements reading handshakes' credentials start (see `Pacing`). After a
 * restart each statement answered within a millisecond or two, so each read two kiosks' on
 * average; 25 ms apart, they read some fourteen.
 */
const HANDSHAKE_SPACING_MS = 25;

const credentialsOfKiosks = groupedReads(
  async (db: Db, ids: readonly string[]) => {
    const rows = (await kiosksByIdQuery(db, paddedToPowerOfTwo(ids))).rows;
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id): KioskCredentials | undefined => byId.get(id));
  },
  { spacingMs: HANDSHAKE_SPACING_MS },
);

const credentialHolders = groupedReads(
  async (db: Db, hashes: readonly string[]) => {
    const holders = new Map<string, KioskCredentials>();
    for (const row of (await kiosksByCredentialQuery(db, paddedToPowerOfTwo(hashes))).rows) {
      if (row.pending_token_hash !== null) holders.set(row.pending_token_hash, row);
      holders.set(row.token_hash, row);
    }
    return hashes.map((hash) => holders.get(hash));
  },
  { spacingMs: HANDSHAKE_SPACING_MS },
);

/** Only the columns the handshake needs: SQLite's driver spends more on a whole row than on finding it. */
const credentialColumns = [
  'id',
  'office_id',
  'revoked_at',
  'token_hash',
  'pending_token_hash',
] as const;

/** The credentials of these kiosks, by their primary key. */
export const kiosksById = (db: Db, ids: readonly string[]) =>
  db.selectFrom('kiosks').select(credentialColumns).where('id', 'in', ids);

/** The kiosks whose current or pending credential has one of these hashes, revoked or not. */
const kiosksByCredential = (db: Db, hashes: readonly string[]) =>
  db
    .selectFrom('kiosks')
    .select(credentialColumns)
    .where((eb) => eb.or([eb('token_hash', 'in', hashes), eb('pending_token_hash', 'in', hashes)]));

// Every kiosk connection runs these, so they are compiled once (see `prepared`).
const kiosksByIdQuery = prepared(kiosksById);
const kiosksByCredentialQuery = prepared(kiosksByCredential);
const writeArrivalsQuery = prepared(
  (
    db: Db,
    ids: readonly string[],
    hashes: readonly string[],
    presented: readonly string[],
    at: number,
  ) =>
    db
      .updateTable('kiosks')
      // Each kiosk's row is joined to its own values, where a `case` naming every kiosk of the
      // group made each row's update cost as much as the whole group.
      .from(
        sql<{ column1: string; column2: string; column3: string }>`(values ${sql.join(
          ids.map((id, i) => sql`(${id}, ${hashes[i]!}, ${presented[i]!})`),
        )})`.as('arrival'),
      )
      .set({
        // Both read the row as it was: the pending credential presented becomes the current one
        // while the next is written in its place.
        token_hash: sql<string>`case when kiosks.pending_token_hash = arrival.column3 then kiosks.pending_token_hash else kiosks.token_hash end`,
        pending_token_hash: sql<string>`arrival.column2`,
        last_seen_at: at,
      })
      .whereRef('kiosks.id', '=', sql<string>`arrival.column1`)
      .returning((eb) => ['kiosks.id', ...standingColumns(eb)]),
);
const findKioskQuery = prepared((db: Db, id: string) =>
  db.selectFrom('kiosks').selectAll().where('id', '=', id),
);
const outOfServiceQuery = prepared((db: Db, id: string) =>
  db.selectFrom('kiosks').select('out_of_service_at').where('id', '=', id),
);

/** The kiosk of this office with this name, if any. */
export function findKioskByName(
  db: Db,
  officeId: string,
  name: string,
): Promise<KioskRow | undefined> {
  return db
    .selectFrom('kiosks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** Every kiosk, by office and name. */
export function listKiosks(db: Db): Promise<KioskRow[]> {
  return db.selectFrom('kiosks').selectAll().orderBy('office_id').orderBy('name').execute();
}

/** Enrols a kiosk. */
export async function insertKiosk(db: Db, kiosk: NewKiosk): Promise<void> {
  await db
    .insertInto('kiosks')
    .values({
      ...kiosk,
      pending_token_hash: null,
      revoked_at: null,
      media_generation: 0,
      health: null,
      health_at: null,
      out_of_service_at: null,
      version: 1,
    })
    .execute();
}

/**
 * Sets a kiosk's credentials (current and pending) and lifts any revocation; whoever held the
 * kiosk before is another holder, so its media generation moves on.
 */
export async function setKioskCredentials(
  db: Db,
  id: string,
  credentials: { token_hash: string; pending_token_hash: string | null },
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set((eb) => ({
      ...credentials,
      revoked_at: null,
      media_generation: eb('media_generation', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** A kiosk that connected: the credential it is handed, and the pending one it connected with. */
export interface KioskArrival {
  id: string;
  /** The hash of the credential handed to it for its next connection. */
  tokenHash: string;
  /** The hash of its pending credential when it connected with that one, else null. */
  presentedPending: string | null;
}

/**
 * Notes connected kiosks in one statement: each is handed a new pending credential in place of
 * any earlier one and noted as last seen `at`, and one that connected with its pending credential
 * has that made current, retiring the one before it (unless its pending credential changed
 * meanwhile). Each kiosk is named once. The same statement reads each kiosk's standing for its
 * bootstrap, by id: a kiosk whose row is gone has none.
 */
export async function writeKioskArrivals(
  db: Db,
  arrivals: readonly KioskArrival[],
  at: number,
): Promise<Map<string, KioskStanding>> {
  if (arrivals.length === 0) return new Map();
  const { rows } = await writeArrivalsQuery(
    db,
    arrivals.map((kiosk) => kiosk.id),
    arrivals.map((kiosk) => kiosk.tokenHash),
    // A kiosk that presented none binds '', which no credential's hash equals: a null would give
    // the statement another shape for each mix of kiosks that did and did not present one.
    arrivals.map((kiosk) => kiosk.presentedPending ?? ''),
    at,
  );
  return new Map(rows.map(({ id, ...standing }) => [id, standing]));
}

/**
 * Revokes a kiosk: both credentials are replaced by `voidHash` (which nobody holds) and its
 * pairing codes are dropped, so nothing it or anyone else holds lets it in again.
 */
export async function revokeKiosk(db: Db, id: string, at: number, voidHash: string): Promise<void> {
  await db
    .updateTable('kiosks')
    .set((eb) => ({
      token_hash: voidHash,
      pending_token_hash: null,
      revoked_at: at,
      media_generation: eb('media_generation', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('kiosk_pairings').where('kiosk_id', '=', id).execute();
}

/** Kiosks revoked at or after `since`, with when, for closing the sockets they still hold. */
export function listKiosksRevokedSince(
  db: Db,
  since: number,
): Promise<{ id: string; revoked_at: number }[]> {
  return db
    .selectFrom('kiosks')
    .select(['id', 'revoked_at'])
    .where('revoked_at', '>=', since)
    .$narrowType<{ revoked_at: NotNull }>()
    .execute();
}

/** The kiosk's current media generation; 0 for a kiosk that is not known. */
export async function findKioskMediaGeneration(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('kiosks')
    .select('media_generation')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.media_generation ?? 0;
}

/** Moves a kiosk's media generation on, so identities of the earlier one are refused. */
export async function advanceKioskMediaGeneration(db: Db, id: string): Promise<void> {
  await db
    .updateTable('kiosks')
    .set((eb) => ({ media_generation: eb('media_generation', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** A kiosk by id, revoked or not. */
export async function findKiosk(db: Db, id: string): Promise<KioskRow | undefined> {
  return (await findKioskQuery(db, id)).rows[0];
}

/** What a kiosk's bootstrap needs of the store besides the ticket it may hold. */
export interface KioskStanding {
  out_of_service_at: number | null;
  ticket_status: TicketStatus | null;
  catalogue_version: number | null;
}

/**
 * A kiosk's standing, as columns of a statement on its row: whether it is out of service, the
 * status of the ticket it still serves, if any, and the catalogue version (which says whether the
 * office's catalogue kept in memory is current). Most kiosks serve nobody most of the time, and
 * for them this is all there is to read.
 */
const standingColumns = (eb: ExpressionBuilder<Database, 'kiosks'>) =>
  [
    'kiosks.out_of_service_at',
    eb
      .selectFrom('tickets')
      .select('tickets.status')
      .whereRef('tickets.kiosk_id', '=', 'kiosks.id')
      // Written out, as in `activeTicketOf`, for the partial index of active tickets.
      .where(sql<boolean>`tickets.status in ('waiting', 'offered', 'in_call')`)
      .orderBy('tickets.created_at', 'desc')
      .limit(writtenLimit(1))
      .as('ticket_status'),
    eb
      .selectFrom('catalogue_version')
      .select('catalogue_version.version')
      .where('catalogue_version.id', '=', CATALOGUE_VERSION_ROW)
      .as('catalogue_version'),
  ] as const;

/** A kiosk's standing, read alone (see `standingColumns`). */
export const kioskStandingOf = (db: Db, id: string) =>
  db.selectFrom('kiosks').select(standingColumns).where('kiosks.id', '=', id);

const kioskStandingQuery = prepared(kioskStandingOf);

/** A kiosk's standing as its bootstrap reads it; undefined for no kiosk. */
export async function findKioskStanding(db: Db, id: string): Promise<KioskStanding | undefined> {
  return (await kioskStandingQuery(db, id)).rows[0];
}

/** When a manager took the kiosk out of service: null while it serves, undefined for no kiosk. */
export async function findOutOfService(db: Db, id: string): Promise<number | null | undefined> {
  return (await outOfServiceQuery(db, id)).rows[0]?.out_of_service_at;
}

/** The office's kiosks that are not revoked, by name. */
export function listOfficeKiosks(db: Db, officeId: string): Promise<KioskRow[]> {
  return db
    .selectFrom('kiosks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Stores a kiosk's health report (JSON) as its latest; the kiosk was seen then too. */
export async function recordKioskHealth(
  db: Db,
  id: string,
  health: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('kiosks')
    .set({ health, health_at: at, last_seen_at: at })
    .where('id', '=', id)
    .execute();
}

/** Takes a kiosk out of service since `since`, or (null) puts it back. */
export async function setKioskOutOfService(
  db: Db,
  id: string,
  since: number | null,
): Promise<void> {
  await db.updateTable('kiosks').set({ out_of_service_at: since }).where('id', '=', id).execute();
}

/** Stores a pairing code (its hash) for a kiosk, replacing the kiosk's earlier codes. */
export async function insertPairing(db: Db, pairing: KioskPairingRow): Promise<void> {
  await db.deleteFrom('kiosk_pairings').where('kiosk_id', '=', pairing.kiosk_id).execute();
  await db.insertInto('kiosk_pairings').values(pairing).execute();
}

/**
 * Uses up a pairing code: the kiosk it pairs if it is known and not expired at `now`, deleting
 * it so it works once. An expired or unknown code finds nothing and changes nothing.
 */
export async function takePairing(
  db: Db,
  codeHash: string,
  now: number,
): Promise<string | undefined> {
  const pairing = await db
    .selectFrom('kiosk_pairings')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!pairing) return undefined;
  await db.deleteFrom('kiosk_pairings').where('code_hash', '=', codeHash).execute();
  return pairing.kiosk_id;
}
