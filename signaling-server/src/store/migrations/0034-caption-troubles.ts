import type { Kysely, Migration } from 'kysely';

/**
 * What each side of a call reported unavailable in its captions (its browser has no recognition,
 * its microphone was refused…), one row a side and provider: a screen that opens its captions
 * after the report is told too, whichever instance it asks. It says nothing about the visitor.
 */
export const captionTroubles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('caption_troubles')
      .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('from_side', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('trouble', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('caption_troubles_pk', ['call_id', 'from_side', 'provider'])
      .execute();
  },
};
