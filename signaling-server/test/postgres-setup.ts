import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropTestDatabase } from './support/scratch-postgres.js';

const DEFAULT_URL = 'postgres://loket_test:loket_test@127.0.0.1:5432/postgres';

/**
 * Global setup of the `signaling-server-postgres` project: checks that PostgreSQL answers, hands
 * the tests its URL and a prefix for their databases, and drops those databases at the end.
 * When PostgreSQL does not answer, every test that needs it fails with the reason (the other
 * projects still run and count).
 */
export default async function setup(project: TestProject) {
  const url = process.env.LOKET_TEST_POSTGRES_URL || DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  const prefix = `loket_test_${randomBytes(4).toString('hex')}_`;
  project.provide('postgresAdminUrl', url);
  project.provide('postgresPrefix', prefix);
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUnreachable', '');
  } catch (error) {
    await client.end().catch(() => {});
    const reason =
      `The server tests on PostgreSQL cannot reach ${redact(url)}: ${(error as Error).message}. ` +
      'Start it with `export LOKET_TEST_POSTGRES_URL=$(scripts/postgres-for-tests.sh)` ' +
      '(`./loket test` does this), or leave this project out with LOKET_TEST_POSTGRES=skip.';
    process.stderr.write(`\n${reason}\n\n`);
    project.provide('postgresUnreachable', reason);
    return;
  }

  return async () => {
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1) order by datname like '%tpl%'",
      [prefix],
    );
    // Test copies first, then the templates they were made from.
    for (const { datname } of rows) {
      await dropTestDatabase((statement) => client.query(statement), datname);
    }
    await client.end();
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
