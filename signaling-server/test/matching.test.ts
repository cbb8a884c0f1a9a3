import { afterEach, describe, expect, test } from 'vitest';
import { Dispatcher } from '../src/queue/dispatcher.js';
import { watchQueries, type QueryKind } from '../src/store/query-timing.js';
import { nextEvent, startServer, takeTicket, type TestServer } from './harness.js';

let server: TestServer;
afterEach(() => server.close());

/** Puts every officer of the office in `status` behind the server's back. */
async function setOfficers(status: 'busy' | 'available') {
  await server.db
    .updateTable('agents')
    .set({ status, status_since: Date.now() })
    .where('office_id', '=', server.officeId)
    .execute();
}

describe('matching', () => {
  test('a matching that offers two tickets to two officers writes the tickets, the officers and the audit entries in one statement each', async () => {
    server = await startServer();
    const officers = await Promise.all(
      ['petugas1', 'petugas2'].map(async (name) => {
        const officer = await server.agent(await server.login(name));
        await officer.emitWithAck('agent:bootstrap', {});
        return officer;
      }),
    );
    // Both officers at work but not free while the tickets are taken, so one matching offers both.
    await setOfficers('busy');
    const tickets = [
      await takeTicket(await server.kiosk()),
      await takeTicket(await server.kiosk(await server.enrolKiosk())),
    ];
    await setOfficers('available');
    const writes: QueryKind[] = [];
    const unwatch = watchQueries(server.db, (kind) => {
      if (kind === 'update' || kind === 'insert') writes.push(kind);
    });
    const offers = Promise.all(officers.map((officer) => nextEvent(officer, 'offer:new')));
    server.app.ctx.requestDispatch(server.officeId);
    const offered = await offers;
    unwatch();

    expect(offered.map((offer) => offer.ticketId).sort()).toEqual(
      tickets.map((ticket) => ticket.id).sort(),
    );
    // The tickets, the officers, the audit entries, and the line's new version (an upsert).
    expect(writes.sort()).toEqual(['insert', 'insert', 'update', 'update']);
    const rows = await server.db
      .selectFrom('tickets')
      .select(['status', 'offered_agent_id'])
      .execute();
    const agents = await server.db.selectFrom('agents').select(['user_id', 'status']).execute();
    expect(rows.map((row) => row.status)).toEqual(['offered', 'offered']);
    expect(new Set(rows.map((row) => row.offered_agent_id))).toEqual(
      new Set(agents.map((agent) => agent.user_id)),
    );
    expect(agents.map((agent) => agent.status)).toEqual(['offered', 'offered']);
    const audited = await server.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('action', '=', 'offer.made')
      .execute();
    expect(audited.map((row) => row.subject_id).sort()).toEqual(
      tickets.map((ticket) => ticket.id).sort(),
    );
  });

  test('matchings asked for before the next one begins are that one matching', async () => {
    server = await startServer();
    const dispatcher = new Dispatcher(server.app.ctx);
    const first = dispatcher.dispatch(server.officeId);
    expect(dispatcher.dispatch(server.officeId)).toBe(first);
    expect(dispatcher.dispatch(server.officeId)).toBe(first);
    await first;
    const later = dispatcher.dispatch(server.officeId);
    expect(later).not.toBe(first);
    await later;
    await dispatcher.settle();
  });
});
