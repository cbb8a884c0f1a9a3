import { NEED_IDS } from '@loket/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../src/core/routing.js';
import { randomIds } from '../src/ids.js';
import {
  loadOfficeQueue,
  loadOfficeStaff,
  queueFacts,
  tellLine,
  ticketFacts,
  type ToldFacts,
} from '../src/queue/office-queue.js';
import { WaitingLine } from '../src/store/waiting-line.js';
import { SkillBook } from '../src/store/skill-book.js';
import type { AgentRow, TicketRow } from '../src/store/schema.js';
import { prng } from './support/prng.js';
import { seedOffice, type SeededOffice } from './support/seed-office.js';
import { ticketRow } from './support/ticket-row.js';
import { openDemoDatabase, testDialect, type TestDatabase } from './test-database.js';

let store: TestDatabase;
let office: SeededOffice;
beforeAll(async () => {
  store = await openDemoDatabase();
  office = await seedOffice(store.db, { services: 3, kiosks: 4, agents: 8 });
});
afterAll(() => store?.dispose());

const STATUSES: AgentRow['status'][] = [
  'available',
  'busy',
  'offered',
  'wrap_up',
  'away',
  'offline',
];

/** A random queue and staff: classes, needs, assignees and clashing queue times all occur. */
async function randomOffice(seed: number): Promise<TicketRow[]> {
  const random = prng(seed);
  const { db } = store;
  await db.deleteFrom('tickets').execute();
  await db.deleteFrom('agents').execute();
  const agents = office.agents.filter(() => random.chance(0.7));
  for (const agent of agents) {
    await db
      .insertInto('agents')
      .values({
        user_id: agent.id,
        office_id: office.officeId,
        status: random.pick(STATUSES),
        status_since: 0,
        idle_since: random.int(0, 1000),
        missed_offers: 0,
      })
      .execute();
  }
  const base = 1_000_000_000;
  const tickets: TicketRow[] = Array.from({ length: random.int(0, 60) }, () =>
    ticketRow({
      id: randomIds(),
      office_id: office.officeId,
      service_id: random.pick(office.serviceIds),
      kiosk_id: random.pick(office.kiosks).id,
      queued_at: base + random.int(0, 40) * 60_000,
      language: random.pick(['id', 'en'] as const),
      status: random.chance(0.85) ? 'waiting' : random.pick(['offered', 'done'] as const),
      needs: random.chance(0.3) ? random.pick(NEED_IDS) : '',
      priority: random.chance(0.6) ? 'normal' : random.pick(['priority', 'transfer'] as const),
      assigned_agent_id: random.chance(0.1) ? random.pick(office.agents).id : null,
    }),
  );
  if (tickets.length > 0) await db.insertInto('tickets').values(tickets).execute();
  return tickets.filter((ticket) => ticket.status === 'waiting');
}

test(`one ticket's counted place and wait equal those worked out from the whole queue, on random queues (${testDialect})`, async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const waiting = await randomOffice(seed);
    const skills = new SkillBook();
    // Tickets written here move no line's version: each queue is a new instance's to read.
    const line = new WaitingLine(store.db, DEFAULT_POLICY.priorityAgingMs);
    const whole = queueFacts(await loadOfficeQueue(store.db, skills, office.officeId));
    const staff = await loadOfficeStaff(store.db, skills, office.officeId);
    for (const ticket of waiting) {
      const counted = await ticketFacts(store.db, line, staff, ticket);
      expect({ seed, ticket: ticket.id, ...counted }).toEqual({
        seed,
        ticket: ticket.id,
        ...whole.get(ticket.id),
      });
    }
  }
}, 30_000);

test(`every place and wait worked out from the line held in memory equals those from the whole queue, on random queues (${testDialect})`, async () => {
  for (let seed = 1; seed <= 40; seed++) {
    await randomOffice(seed);
    const skills = new SkillBook();
    const line = new WaitingLine(store.db, DEFAULT_POLICY.priorityAgingMs);
    const whole = queueFacts(await loadOfficeQueue(store.db, skills, office.officeId));
    const staff = await loadOfficeStaff(store.db, skills, office.officeId);
    const told = new Map<string, ToldFacts>();

    const moved = tellLine(await line.places(store.db, office.officeId), staff, told, 1);

    const facts = new Map([...told].map(([id, { position, wait }]) => [id, { position, wait }]));
    expect({ seed, facts }).toEqual({ seed, facts: whole });
    expect(moved.sort()).toEqual([...whole.keys()].sort());
  }
}, 30_000);

test('a telling answers only the tickets whose place or wait moved, and forgets those that left', async () => {
  await randomOffice(7);
  const line = new WaitingLine(store.db, DEFAULT_POLICY.priorityAgingMs);
  const staff = await loadOfficeStaff(store.db, new SkillBook(), office.officeId);
  const [first, ...rest] = await line.places(store.db, office.officeId);
  if (!first) throw new Error('seed 7 makes a queue');
  const told = new Map<string, ToldFacts>();
  tellLine([first, ...rest], staff, told, 1);
  const before = new Map([...told].map(([id, facts]) => [id, { ...facts }]));

  const moved = tellLine(rest, staff, told, 2);

  const kept = rest.map((place) => place.ticket.id).filter((id) => !moved.includes(id));
  expect(kept.length).toBeGreaterThan(0);
  expect(moved.length).toBeGreaterThan(0);
  for (const id of kept) expect({ ...told.get(id), telling: 1 }).toEqual(before.get(id));
  for (const id of moved) expect({ ...told.get(id), telling: 1 }).not.toEqual(before.get(id));
  const sameService = rest.filter((place) => place.ticket.service_id === first.ticket.service_id);
  expect(sameService.every((place) => moved.includes(place.ticket.id))).toBe(true);
  expect(told.has(first.ticket.id)).toBe(false);
  expect(told.size).toBe(rest.length);
});
