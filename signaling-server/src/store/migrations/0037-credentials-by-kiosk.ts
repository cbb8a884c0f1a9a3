import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * A kiosk's credential names its kiosk (see `kioskOfCredential`), so no index of credential hashes
 * is needed any longer, and each connection's new credential is written to the kiosk's row alone.
 * SQLite cannot drop the uniqueness `token_hash` was created with, so the table is made again
 * without it, as SQLite's documentation describes: with foreign keys off, in one transaction, and
 * checked before the commit.
 */
export const credentialsByKiosk: Migration = {
  async up(db: Kysely<unknown>) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`alter table kiosks drop constraint kiosks_token_hash_key`.execute(db);
      await sql`drop index kiosks_pending_token_hash`.execute(db);
      return;
    }
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql`begin`.execute(db);
      await sql`create table kiosks_rebuilt (
        id text primary key,
        office_id text not null references offices (id),
        name text not null,
        token_hash text not null,
        created_at bigint not null,
        last_seen_at bigint,
        pending_token_hash text,
        revoked_at bigint,
        media_generation integer default 0 not null,
        health text,
        health_at bigint,
        out_of_service_at bigint,
        version integer default 1 not null
      )`.execute(db);
      const columns = sql.raw(
        'id, office_id, name, token_hash, created_at, last_seen_at, pending_token_hash, ' +
          'revoked_at, media_generation, health, health_at, out_of_service_at, version',
      );
      await sql`insert into kiosks_rebuilt (${columns}) select ${columns} from kiosks`.execute(db);
      await sql`drop table kiosks`.execute(db);
      await sql`alter table kiosks_rebuilt rename to kiosks`.execute(db);
      await sql`create index kiosks_revoked on kiosks (revoked_at)`.execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('kiosks rebuilt with broken references');
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  },
};
