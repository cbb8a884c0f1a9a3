import { restRoutes, type Person, type RestRoute } from '@loket/shared';
import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { callInProgress } from './support/calls.js';

let server: TestServer;
afterEach(() => server.close());

const FIRST_PASSWORD = 'a first password';

async function call(route: RestRoute, cookie: string, body: unknown = {}) {
  const response = await fetch(`${server.url}${route.path}`, {
    method: route.method,
    headers: { 'content-type': 'application/json', cookie },
    ...(route.method === 'GET' ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads what it asked
    json: (text ? JSON.parse(text) : null) as any,
  };
}

/** The demo office's administrator, signed in. */
async function withAdmin() {
  server = await startServer();
  return server.login('admin');
}

async function person(admin: string, username: string): Promise<Person> {
  const { json } = await call(restRoutes.adminPeople, admin);
  const found = restRoutes.adminPeople.response
    .parse(json)
    .people.find((one) => one.username === username);
  if (!found) throw new Error(`no ${username}`);
  return found;
}

async function auditActions(subjectId: string | null) {
  const rows = await server.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'subject_id'])
    .where('office_id', '=', server.officeId)
    .execute();
  return rows.filter((row) => subjectId === null || row.subject_id === subjectId);
}

describe('administering people', () => {
  test('a manager calling an administration route is refused 403 and the attempt is audited', async () => {
    await withAdmin();
    const manager = await server.login('koordinator');
    const { status, json } = await call(restRoutes.adminPeople, manager);
    expect(status).toBe(403);
    expect(json.error.code).toBe('FORBIDDEN');
    expect((await call(restRoutes.adminKiosks, manager)).status).toBe(403);
    const refused = (await auditActions(null)).filter((row) => row.action === 'admin.forbidden');
    expect(refused).toHaveLength(2);
  });

  test('a new officer must choose their own password before anything else', async () => {
    const admin = await withAdmin();
    const created = await call(restRoutes.adminCreatePerson, admin, {
      username: 'petugas9',
      displayName: 'Rina Kusuma',
      role: 'agent',
      password: FIRST_PASSWORD,
      skills: ['language:id'],
    });
    expect(created.status).toBe(200);
    expect(created.json.person).toMatchObject({ mustChangePassword: true, active: true });
    const duplicate = await call(restRoutes.adminCreatePerson, admin, {
      username: 'petugas9',
      displayName: 'Lain',
      role: 'agent',
      password: FIRST_PASSWORD,
      skills: [],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe('DUPLICATE');

    const officer = await server.login('petugas9', FIRST_PASSWORD);
    expect((await call(restRoutes.me, officer)).json.user.mustChangePassword).toBe(true);
    await expect(server.agent(officer)).rejects.toThrow();
    const changed = await call(restRoutes.changePassword, officer, {
      currentPassword: FIRST_PASSWORD,
      newPassword: 'my very own password',
    });
    expect(changed.status).toBe(200);
    expect(changed.json.user.mustChangePassword).toBe(false);
    const socket = await server.agent(officer);
    expect(socket.connected).toBe(true);
    expect((await auditActions(created.json.person.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(['admin.person.created', 'user.password_changed']),
    );
  });

  test('giving a service skill shows at once what the officer can now serve; a stale version is refused', async () => {
    const admin = await withAdmin();
    const budi = await person(admin, 'petugas2');
    const { skills } = restRoutes.adminPeople.response.parse(
      (await call(restRoutes.adminPeople, admin)).json,
    );
    const services = skills.filter((choice) => choice.kind === 'service').map((c) => c.skill);
    const updated = await call(restRoutes.adminUpdatePerson, admin, {
      id: budi.id,
      version: budi.version,
      displayName: 'Budi S.',
      role: 'agent',
      skills: [...services, 'language:id'],
    });
    expect(updated.status).toBe(200);
    expect(updated.json.person.canServe).toHaveLength(services.length);
    expect(updated.json.person.version).toBe(budi.version + 1);
    const stale = await call(restRoutes.adminUpdatePerson, admin, {
      id: budi.id,
      version: budi.version,
      displayName: 'Budi lama',
      role: 'agent',
      skills: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CHANGED_ELSEWHERE');
    expect((await person(admin, 'petugas2')).displayName).toBe('Budi S.');
    expect((await auditActions(budi.id)).map((row) => row.action)).toContain(
      'admin.person.updated',
    );
  });

  test('an administrator cannot deactivate themselves nor, as the last one, give up the role', async () => {
    const admin = await withAdmin();
    const me = await person(admin, 'admin');
    const deactivate = await call(restRoutes.adminSetPersonActive, admin, {
      id: me.id,
      version: me.version,
      active: false,
    });
    expect(deactivate.json.error.code).toBe('INVALID_STATE');
    const demote = await call(restRoutes.adminUpdatePerson, admin, {
      id: me.id,
      version: me.version,
      displayName: me.displayName,
      role: 'manager',
      skills: [],
    });
    expect(demote.status).toBe(409);
    expect(demote.json.error.code).toBe('INVALID_STATE');
    expect((await person(admin, 'admin')).role).toBe('admin');
  });

  test('a deactivated manager is signed out at once and cannot sign in again until reactivated', async () => {
    const admin = await withAdmin();
    const manager = await server.login('koordinator');
    const socket = await server.manager(manager);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const dewi = await person(admin, 'koordinator');
    const off = await call(restRoutes.adminSetPersonActive, admin, {
      id: dewi.id,
      version: dewi.version,
      active: false,
    });
    expect(off.json.person.active).toBe(false);
    await closed;
    expect((await call(restRoutes.me, manager)).status).toBe(401);
    await expect(server.login('koordinator')).rejects.toThrow('401');
    await call(restRoutes.adminSetPersonActive, admin, {
      id: dewi.id,
      version: off.json.person.version,
      active: true,
    });
    expect(await server.login('koordinator')).toMatch(/=/);
  });

  test('an officer in a call keeps at least one service and is not deactivated mid-call', async () => {
    const admin = await withAdmin();
    await callInProgress(server);
    const sari = await person(admin, 'petugas1');
    expect(sari.inCall).toBe(true);
    const noServices = await call(restRoutes.adminUpdatePerson, admin, {
      id: sari.id,
      version: sari.version,
      displayName: sari.displayName,
      role: 'agent',
      skills: sari.skills.filter((skill) => !skill.startsWith('service:')),
    });
    expect(noServices.json.error.code).toBe('INVALID_STATE');
    const off = await call(restRoutes.adminSetPersonActive, admin, {
      id: sari.id,
      version: sari.version,
      active: false,
    });
    expect(off.json.error.code).toBe('INVALID_STATE');
    expect((await person(admin, 'petugas1')).skills).toEqual(sari.skills);
  });

  test('a reset password signs the person out and must be changed at the next sign-in', async () => {
    const admin = await withAdmin();
    const budiCookie = await server.login('petugas2');
    const budi = await person(admin, 'petugas2');
    const reset = await call(restRoutes.adminResetPassword, admin, {
      id: budi.id,
      version: budi.version,
      password: FIRST_PASSWORD,
    });
    expect(reset.json.person.mustChangePassword).toBe(true);
    expect((await call(restRoutes.me, budiCookie)).status).toBe(401);
    const again = await server.login('petugas2', FIRST_PASSWORD);
    expect((await call(restRoutes.me, again)).json.user.mustChangePassword).toBe(true);
  });
});

describe('administering kiosks', () => {
  test('an enrolled kiosk pairs with its one-time code, once', async () => {
    const admin = await withAdmin();
    const enrolled = await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios lantai 2' });
    expect(enrolled.status).toBe(200);
    const { code, kiosk } = restRoutes.adminEnrolKiosk.response.parse(enrolled.json);
    const pair = () => call(restRoutes.pairKiosk, '', { code });
    const paired = await pair();
    expect(paired.status).toBe(200);
    expect((await pair()).status).toBe(404);
    const socket = await server.kiosk(paired.json.credential);
    expect(socket.connected).toBe(true);
    const listed = restRoutes.adminKiosks.response.parse(
      (await call(restRoutes.adminKiosks, admin)).json,
    );
    expect(listed.kiosks.find((one) => one.id === kiosk.id)).toMatchObject({ online: true });
    const duplicate = await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios lantai 2' });
    expect(duplicate.json.error.code).toBe('DUPLICATE');
  });

  test('renaming to another kiosk’s name is refused, and a stale version too', async () => {
    const admin = await withAdmin();
    const first = (await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios A' })).json.kiosk;
    await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios B' });
    const taken = await call(restRoutes.adminRenameKiosk, admin, {
      id: first.id,
      version: first.version,
      name: 'Kios B',
    });
    expect(taken.json.error.code).toBe('DUPLICATE');
    const renamed = await call(restRoutes.adminRenameKiosk, admin, {
      id: first.id,
      version: first.version,
      name: 'Kios C',
    });
    expect(renamed.json.kiosk.name).toBe('Kios C');
    const stale = await call(restRoutes.adminRenameKiosk, admin, {
      id: first.id,
      version: first.version,
      name: 'Kios D',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CHANGED_ELSEWHERE');
    expect((await auditActions(first.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(['admin.kiosk.enrolled', 'admin.kiosk.renamed']),
    );
  });

  test('a revoked kiosk is disconnected and cannot connect again', async () => {
    const admin = await withAdmin();
    const { json } = await call(restRoutes.adminEnrolKiosk, admin, { name: 'Kios cabut' });
    const { credential } = (await call(restRoutes.pairKiosk, '', { code: json.code })).json;
    const socket = await server.kiosk(credential);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const revoked = await call(restRoutes.adminRevokeKiosk, admin, {
      id: json.kiosk.id,
      version: json.kiosk.version,
    });
    expect(revoked.json.kiosk.revokedAt).not.toBeNull();
    await closed;
    await expect(server.kiosk(credential)).rejects.toThrow();
    expect((await auditActions(json.kiosk.id)).map((row) => row.action)).toContain(
      'admin.kiosk.revoked',
    );
  });
});
