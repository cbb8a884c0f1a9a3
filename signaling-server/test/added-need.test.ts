import { randomUUID } from 'node:crypto';
import { NEED_LIST, Needs, type Need } from '@loket/shared';
import { afterEach, expect, test, vi } from 'vitest';
import { findTicket } from '../src/store/repositories/tickets.js';
import { addSkills, findUserByUsername } from '../src/store/repositories/users.js';
import { nextEvent, startServer, type TestServer } from './harness.js';
import type * as NeedList from '../../shared/src/domain/need-list.js';

// An office adds a need to the list — nothing else: hard of hearing, served only by officers
// who can caption. Routing, storage and the contract must follow from the list alone.
vi.mock('../../shared/src/domain/need-list.js', async (importOriginal) => {
  const original = await importOriginal<typeof NeedList>();
  const added = { id: 'hard_of_hearing', requires: ['captions'], priority: false, signing: false };
  return { ...original, NEED_LIST: [...original.NEED_LIST, added] };
});

// Not a need of the list the types know: the list this test runs with has it.
const HARD_OF_HEARING = 'hard_of_hearing' as Need;

let server: TestServer;
afterEach(() => server.close());

test('a need added to the list is taken, stored, routed by its skill and shown on the offer', async () => {
  expect(NEED_LIST.map((need) => need.id)).toContain(HARD_OF_HEARING);
  expect(Needs.safeParse([HARD_OF_HEARING]).success).toBe(true);

  server = await startServer();
  // Budi can caption (given the skill as an administrator would); Sari, who serves everything,
  // cannot.
  const budi = await findUserByUsername(server.db, 'petugas2');
  await addSkills(server.db, budi!.id, ['captions']);
  const sari = await server.agent(await server.login('petugas1'));
  const captioner = await server.agent(await server.login('petugas2'));
  let wrong = false;
  sari.on('offer:new', () => (wrong = true));
  await sari.emitWithAck('agent:setStatus', { status: 'available' });
  await captioner.emitWithAck('agent:setStatus', { status: 'available' });

  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.code);
  const serviceId = boot.data.services[0]!.id;
  const availability = await kiosk.emitWithAck('service:availability', {
    serviceId,
    language: 'id',
    needs: [HARD_OF_HEARING],
  });
  expect(availability).toMatchObject({
    ok: true,
    data: { available: true, onDuty: expect.arrayContaining([HARD_OF_HEARING]) },
  });

  const offered = nextEvent(captioner, 'offer:new');
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId,
    language: 'id',
    needs: [HARD_OF_HEARING, 'elderly'],
  });
  if (!created.ok) throw new Error(created.error.code);
  expect(created.data.ticket.needs).toEqual(['elderly', HARD_OF_HEARING]);

  expect(await offered).toMatchObject({ needs: ['elderly', HARD_OF_HEARING] });
  expect(wrong).toBe(false);
  const stored = await findTicket(server.db, created.data.ticket.id);
  expect(stored).toMatchObject({ needs: `elderly,${HARD_OF_HEARING}`, priority: 'priority' });
});
