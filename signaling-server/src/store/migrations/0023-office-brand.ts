import type { Kysely, Migration } from 'kysely';

/**
 * The office's look on the kiosk's attract screen (a colour and a logo) and its own words on the
 * consent screen. The logo's bytes live in their own table, so reading the office (which kiosks
 * do all day) never carries them; the office keeps only the logo's hash, which names its version.
 */
export const officeBrand: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('offices').addColumn('brand_color', 'text').execute();
    await db.schema.alterTable('offices').addColumn('logo_hash', 'text').execute();
    await db.schema.alterTable('offices').addColumn('consent_text_id', 'text').execute();
    await db.schema.alterTable('offices').addColumn('consent_text_en', 'text').execute();
    await db.schema
      .createTable('office_logos')
      .addColumn('office_id', 'text', (c) => c.primaryKey().references('offices.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('image', 'text', (c) => c.notNull())
      .execute();
  },
};
