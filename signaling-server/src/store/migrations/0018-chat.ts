import type { Kysely, Migration } from 'kysely';

/**
 * The text conversation of each visit between the visitor and the officer, kept with its ticket
 * as long as the office keeps visit summaries; and each office's quick replies (null: the
 * default ones).
 */
export const chat: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('chat_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'bigint', (c) => c.notNull())
      .addColumn('read_at', 'bigint')
      .addUniqueConstraint('chat_messages_client', ['ticket_id', 'author', 'client_id'])
      .execute();
    await db.schema
      .createIndex('chat_messages_ticket_sent')
      .on('chat_messages')
      .columns(['ticket_id', 'sent_at'])
      .execute();
    await db.schema
      .createIndex('chat_messages_office_sent')
      .on('chat_messages')
      .columns(['office_id', 'sent_at'])
      .execute();
    await db.schema.alterTable('offices').addColumn('chat_quick_replies', 'text').execute();
  },
};
