import type { Kysely, Migration } from 'kysely';

/**
 * Kiosk care: each kiosk's latest health report (JSON, as the shared contract shapes it) and when
 * it arrived, and since when a manager has had it out of service.
 */
export const kioskHealth: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('kiosks').addColumn('health', 'text').execute();
    await db.schema.alterTable('kiosks').addColumn('health_at', 'bigint').execute();
    await db.schema.alterTable('kiosks').addColumn('out_of_service_at', 'bigint').execute();
  },
};
