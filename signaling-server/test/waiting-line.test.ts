import { NEED_IDS } from '@loket/shared';
import pino from 'pino';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ServiceContext } from '../src/context/context.js';
import type { Notifier } from '../src/context/outbox.js';
import { noTelemetry } from '../src/context/telemetry.js';
import { inTransaction } from '../src/context/transaction.js';
import { DEFAULT_POLICY } from '../src/core/routing.js';
import { randomIds } from '../src/ids.js';
import { changeTicket } from '../src/queue/ticket-moves.js';
import { WaitingLine } from '../src/store/waiting-line.js';
import type { Db } from '../src/store/database.js';
import {
  countWaitingAhead,
  insertTicket,
  listTickets,
  type AheadGroup,
} from '../src/store/repositories/tickets.js';
import {
  bumpLineVersion,
  KEPT_LINE_CHANGES,
  listLineChanges,
  readLineVersion,
  recordLineChange,
} from '../src/store/repositories/waiting-line.js';
import type { TicketRow } from '../src/store/schema.js';
import { prng, type Prng } from './support/prng.js';
import { seedOffice, type SeededOffice } from './support/seed-office.js';
import { ticketRow } from './support/ticket-row.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

const AGING = DEFAULT_POLICY.priorityAgingMs;

let store: TestDatabase;
let office: SeededOffice;
/** Two server instances on one store, each with its own connection and its own line. */
let instances: ServiceContext[];
beforeEach(async () => {
  store = await openDemoDatabase();
  office = await seedOffice(store.db, { services: 3, kiosks: 6, agents: 4 });
  instances = [instanceOn(store.db), instanceOn(store.connect())];
});
afterEach(async () => {
  await instances[1]?.db.destroy();
  await store?.dispose();
});

const silent = new Proxy({}, { get: () => () => undefined }) as Notifier;

/** `shared`: the instance notes what each version of a line changed, as clustered ones do. */
function instanceOn(db: Db, shared = false): ServiceContext {
  return {
    db,
    line: new WaitingLine(db, AGING, shared),
    notifier: silent,
    telemetry: noTelemetry,
    requestDispatch: () => undefined,
    log: pino({ level: 'silent' }),
  } as Partial<ServiceContext> as ServiceContext;
}

function newTicket(random: Prng, index: number): TicketRow {
  return ticketRow({
    id: randomIds(),
    office_id: office.officeId,
    service_id: random.pick(office.serviceIds),
    kiosk_id: random.pick(office.kiosks).id,
    queued_at: 1_000_000_000 + random.int(0, 30) * 60_000,
    client_id: `c${index}`,
    language: random.pick(['id', 'en'] as const),
    needs: random.chance(0.3) ? random.pick(NEED_IDS) : '',
    priority: random.chance(0.7) ? 'normal' : 'priority',
    assigned_agent_id: random.chance(0.1) ? random.pick(office.agents).id : null,
  });
}

/** One change to the office's line as a use case makes it; some roll back. */
async function change(ctx: ServiceContext, random: Prng, index: number): Promise<void> {
  const active = await listTickets(ctx.db, office.officeId, ['waiting', 'offered']);
  const rollBack = random.chance(0.15);
  await inTransaction(ctx, async (trx, outbox) => {
    const ticket = active.length > 0 && random.chance(0.6) ? random.pick(active) : null;
    if (!ticket) {
      const made = newTicket(random, index);
      await insertTicket(trx, made);
      outbox.lineChanged(made);
    } else if (ticket.status === 'offered') {
      await changeTicket(trx, outbox, ticket, {
        status: 'waiting',
        priority: random.chance(0.5) ? 'transfer' : ticket.priority,
        service_id: random.pick(office.serviceIds),
        updated_at: index,
      });
    } else {
      await changeTicket(trx, outbox, ticket, {
        status: random.pick(['offered', 'cancelled', 'waiting'] as const),
        assigned_agent_id: random.chance(0.2) ? random.pick(office.agents).id : null,
        updated_at: index,
      });
    }
    if (rollBack) throw new Error('rolled back');
  }).catch((error: unknown) => {
    if (!rollBack) throw error;
  });
}

const sorted = (groups: AheadGroup[]) =>
  groups
    .map((g) => `${g.service_id}|${g.language}|${g.needs}|${g.assigned_agent_id}|${g.count}`)
    .sort();

/** Makes the two instances ones that share their store and note their lines' changes. */
async function sharing(): Promise<void> {
  await instances[1]?.db.destroy();
  instances = [instanceOn(store.db, true), instanceOn(store.connect(), true)];
}

test.each([
  ['reading a line again once another moved it', false],
  ['applying the changes another noted', true],
])(
  `each instance's line in memory counts the tickets ahead as the store does, while both change it and some changes roll back, %s (${testDialect})`,
  async (_, shared) => {
    if (shared) await sharing();
    for (let seed = 1; seed <= 6; seed++) {
      const random = prng(seed);
      for (let step = 0; step < 40; step++) {
        await change(random.pick(instances), random, seed * 1000 + step);
        const waiting = await listTickets(store.db, office.officeId, ['waiting']);
        for (const ticket of waiting) {
          const stored = sorted(await countWaitingAhead(store.db, ticket, AGING));
          for (const ctx of instances) {
            expect({ seed, step, ahead: sorted(await ctx.line.ahead(ctx.db, ticket)) }).toEqual({
              seed,
              step,
              ahead: stored,
            });
            const version = await readLineVersion(store.db, office.officeId);
            expect({
              seed,
              step,
              at: sorted((await ctx.line.aheadAt(ticket, version)) ?? []),
            }).toEqual({
              seed,
              step,
              at: stored,
            });
          }
        }
      }
    }
  },
  60_000,
);

test.each([
  ['', false],
  [', also where lines are shared and the version moved on without its change noted', true],
])(
  `a line is kept in memory until its version moves on, whoever moves it%s (${testDialect})`,
  async (_, shared) => {
    if (shared) await sharing();
    const [here] = instances;
    const random = prng(7);
    await insertTicket(store.db, { ...newTicket(random, 1), queued_at: 0 });
    const spot = { ...newTicket(random, 2), queued_at: 2_000_000_000 };
    const before = await here!.line.ahead(store.db, spot);
    // A ticket written past the line's version is not seen until the version moves.
    const late = { ...newTicket(random, 3), queued_at: 1 };
    await insertTicket(store.db, late);
    expect(await here!.line.ahead(store.db, spot)).toEqual(before);
    await bumpLineVersion(instances[1]!.db, office.officeId);
    const after = await here!.line.ahead(store.db, spot);
    const count = (groups: AheadGroup[]) => groups.reduce((sum, g) => sum + g.count, 0);
    expect(count(after)).toBe(count(before) + 1);
  },
);

test(`changes told out of the order they committed in are applied in version order (${testDialect})`, async () => {
  const [here] = instances;
  const random = prng(8);
  const spot = { ...newTicket(random, 1), queued_at: 2_000_000_000 };
  const total = async () =>
    (await here!.line.ahead(store.db, spot)).reduce((sum, g) => sum + g.count, 0);
  expect(await total()).toBe(0);
  // Two changes committed elsewhere in this instance: the store has their versions, and only
  // this instance's memory has the tickets, so a line read again would not count them.
  const first = newTicket(random, 2);
  const second = newTicket(random, 3);
  const one = await bumpLineVersion(store.db, office.officeId);
  const two = await bumpLineVersion(store.db, office.officeId);
  const told = (ticket: TicketRow) => new Map([[office.officeId, new Map([[ticket.id, ticket]])]]);
  here!.line.committed(new Map([[office.officeId, two]]), told(second));
  here!.line.committed(new Map([[office.officeId, one]]), told(first));
  expect(await total()).toBe(2);
});

test(`a line counts from memory only at the version read with the spot, and one behind is read again first (${testDialect})`, async () => {
  const [here] = instances;
  const random = prng(9);
  await insertTicket(store.db, { ...newTicket(random, 1), queued_at: 0 });
  const spot = { ...newTicket(random, 2), queued_at: 2_000_000_000 };
  const version = await readLineVersion(store.db, office.officeId);
  const count = (groups: AheadGroup[] | undefined) => groups?.reduce((sum, g) => sum + g.count, 0);
  // Not held yet: none, and the line is read for the next time.
  expect(await here!.line.aheadAt(spot, version)).toBeUndefined();
  expect(count(await here!.line.aheadAt(spot, version))).toBe(1);
  await insertTicket(store.db, { ...newTicket(random, 3), queued_at: 1 });
  const moved = await bumpLineVersion(instances[1]!.db, office.officeId);
  expect(await here!.line.aheadAt(spot, moved)).toBeUndefined();
  expect(count(await here!.line.aheadAt(spot, moved))).toBe(2);
  // A version older than the line held is not counted from memory either.
  expect(await here!.line.aheadAt(spot, version)).toBeUndefined();
});

test(`an instance whose line another moved on applies the changes the other noted, rather than reading the whole line again (${testDialect})`, async () => {
  await sharing();
  const [here, there] = instances;
  const random = prng(10);
  await insertTicket(store.db, { ...newTicket(random, 1), queued_at: 0 });
  const spot = { ...newTicket(random, 2), queued_at: 2_000_000_000 };
  const count = (groups: AheadGroup[]) => groups.reduce((sum, g) => sum + g.count, 0);
  expect(count(await here!.line.ahead(store.db, spot))).toBe(1);
  // Written past the line's version, this ticket is counted only by a line read again.
  await insertTicket(store.db, { ...newTicket(random, 3), queued_at: 1 });
  await inTransaction(there!, async (trx, outbox) => {
    const made = { ...newTicket(random, 4), queued_at: 2 };
    await insertTicket(trx, made);
    outbox.lineChanged(made);
  });
  expect(count(await here!.line.ahead(store.db, spot))).toBe(2);
  const version = await readLineVersion(store.db, office.officeId);
  expect(count((await here!.line.aheadAt(spot, version)) ?? [])).toBe(2);
  // Inside a transaction too: what it reads was noted by transactions already committed.
  await inTransaction(there!, async (trx, outbox) => {
    const made = { ...newTicket(random, 5), queued_at: 3 };
    await insertTicket(trx, made);
    outbox.lineChanged(made);
  });
  await inTransaction(here!, async (trx) => {
    expect(count(await here!.line.ahead(trx, spot))).toBe(3);
  });
});

test(`the changes of a line are kept for its latest ${KEPT_LINE_CHANGES} versions and no more (${testDialect})`, async () => {
  const versions = KEPT_LINE_CHANGES + 200;
  for (let version = 1; version <= versions; version++) {
    await recordLineChange(store.db, office.officeId, version, new Map());
  }
  const kept = await listLineChanges(store.db, office.officeId, 0, versions);
  expect(kept.at(-1)?.version).toBe(versions);
  expect(kept.length).toBeGreaterThanOrEqual(KEPT_LINE_CHANGES);
  expect(kept.length).toBeLessThan(KEPT_LINE_CHANGES + 64);
}, 60_000);
