import { randomUUID } from 'node:crypto';
import { restRoutes, serviceSkill, type Person, type RestRoute } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';

let server: TestServer;
afterEach(() => server.close());

async function call(route: RestRoute, cookie: string, body?: unknown) {
  const response = await fetch(`${server.url}${route.path}`, {
    method: route.method,
    headers: { 'content-type': 'application/json', cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads what it asked
    json: (text ? JSON.parse(text) : null) as any,
  };
}

async function person(admin: string, username: string): Promise<Person> {
  const { json } = await call(restRoutes.adminPeople, admin);
  const found = restRoutes.adminPeople.response
    .parse(json)
    .people.find((one) => one.username === username);
  if (!found) throw new Error(`no ${username}`);
  return found;
}

async function availableOfficer(username: string) {
  const socket = await server.agent(await server.login(username));
  await socket.emitWithAck('agent:setStatus', { status: 'available' });
  return socket;
}

describe('administrative changes reach running consoles', () => {
  test('a renamed service and its checklist reach officers and managers at once, without a reload', async () => {
    server = await startServer();
    const admin = await server.login('admin');
    const officer = await server.agent(await server.login('petugas1'));
    const manager = await server.manager(await server.login('koordinator'));
    const { json: list } = await call(restRoutes.adminServices, admin);
    const service = list.services[0];
    const officerTold = nextEvent(officer, 'office:changed');
    const managerTold = nextEvent(manager, 'office:changed');
    const renamed = await call(restRoutes.updateService, admin, {
      ...service,
      name: { id: 'Informasi Publik', en: 'Public information' },
      requirements: [{ id: 'KTP asli', en: 'Original identity card' }],
    });
    expect(renamed.status).toBe(200);
    for (const told of [await officerTold, await managerTold]) {
      expect(told.services.find((s) => s.id === service.id)).toMatchObject({
        name: { en: 'Public information' },
        requirements: [{ en: 'Original identity card' }],
      });
    }
  });

  test('a service skill an administrator removes stops the very next offer', async () => {
    server = await startServer();
    const admin = await server.login('admin');
    // Budi waits longest, so with the skill he would be offered the ticket first.
    const budi = await availableOfficer('petugas2');
    const sari = await availableOfficer('petugas1');
    let wrong = false;
    budi.on('offer:new', () => (wrong = true));
    const kiosk = await server.kiosk();
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok) throw new Error(boot.error.code);
    const serviceA = boot.data.services.find((s) => s.letter === 'A')!;
    const before = await person(admin, 'petugas2');
    expect(before.skills).toContain(serviceSkill(serviceA.id));
    const updated = await call(restRoutes.adminUpdatePerson, admin, {
      id: before.id,
      version: before.version,
      displayName: before.displayName,
      role: before.role,
      skills: before.skills.filter((skill) => skill !== serviceSkill(serviceA.id)),
    });
    expect(updated.status).toBe(200);
    const offered = nextEvent(sari, 'offer:new');
    const created = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: serviceA.id,
      language: 'id',
    });
    expect(created).toMatchObject({ ok: true });
    expect(await offered).toMatchObject({ service: { id: serviceA.id } });
    expect(wrong).toBe(false);
  });

  test('an officer’s console reads their own skills, named, and follows an administrator’s change at once', async () => {
    server = await startServer();
    const admin = await server.login('admin');
    const officer = await server.agent(await server.login('petugas1'));
    const mine = await officer.emitWithAck('agent:skills', {});
    if (!mine.ok) throw new Error(mine.error.code);
    expect(mine.data.skills).toContainEqual({
      skill: 'bisindo',
      kind: 'other',
      name: { id: 'BISINDO (bahasa isyarat)', en: 'BISINDO (sign language)' },
    });
    expect(mine.data.skills.map((s) => s.kind)).toContain('service');
    const sari = await person(admin, 'petugas1');
    const told = nextEvent(officer, 'agent:skills');
    const updated = await call(restRoutes.adminUpdatePerson, admin, {
      id: sari.id,
      version: sari.version,
      displayName: sari.displayName,
      role: sari.role,
      skills: [...sari.skills.filter((skill) => skill !== 'bisindo'), 'braille'],
    });
    expect(updated.status).toBe(200);
    const { skills } = await told;
    expect(skills.map((s) => s.skill)).not.toContain('bisindo');
    expect(skills).toContainEqual({
      skill: 'braille',
      kind: 'other',
      name: { id: 'braille', en: 'braille' },
    });
  });

  test('another administrator’s kiosk list hears of every enrolment, rename and revocation', async () => {
    server = await startServer();
    const admin = await server.login('admin');
    const watching = await server.manager(await server.login('admin'));
    let told = nextEvent(watching, 'kiosks:changed');
    const enrolled = await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios lantai 2' });
    expect(enrolled.status).toBe(200);
    await told;
    const { kiosk } = enrolled.json;
    told = nextEvent(watching, 'kiosks:changed');
    const renamed = await call(restRoutes.adminRenameKiosk, admin, {
      id: kiosk.id,
      version: kiosk.version,
      name: 'Kios pintu timur',
    });
    expect(renamed.status).toBe(200);
    await told;
    told = nextEvent(watching, 'kiosks:changed');
    const revoked = await call(restRoutes.adminRevokeKiosk, admin, {
      id: kiosk.id,
      version: renamed.json.kiosk.version,
    });
    expect(revoked.status).toBe(200);
    await told;
  });

  test('a deactivated officer is signed out of their console at once', async () => {
    server = await startServer();
    const admin = await server.login('admin');
    const cookie = await server.login('petugas2');
    const socket = await availableOfficer('petugas2');
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const budi = await person(admin, 'petugas2');
    const off = await call(restRoutes.adminSetPersonActive, admin, {
      id: budi.id,
      version: budi.version,
      active: false,
    });
    expect(off.json.person.active).toBe(false);
    await closed;
    expect((await call(restRoutes.me, cookie)).status).toBe(401);
  });
});
