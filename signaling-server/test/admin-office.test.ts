import { randomUUID } from 'node:crypto';
import {
  restRoutes,
  type AdminHours,
  type AdminOffice,
  type AdminService,
  type AdminServices,
  type RestRoute,
} from '@loket/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nextEvent, startServer, type TestServer } from './harness.js';

/** The smallest images of each type taken: a 1×1 PNG, a JPEG's header, a WebP's header. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString(
  'base64',
);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
]).toString('base64');

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login('admin');
});
afterAll(() => server.close());

async function call<T = unknown>(route: RestRoute, body?: unknown, cookie = admin) {
  const response = await fetch(`${server.url}${route.path}`, {
    method: route.method,
    headers: { 'content-type': 'application/json', cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    json: (await response.json()) as T & { error?: { code: string } },
  };
}

const newService = (letter: string) => ({
  letter,
  name: { id: `Layanan ${letter}`, en: `Service ${letter}` },
  description: { id: 'Uraian singkat', en: 'A short description' },
  icon: 'globe',
  requirements: [{ id: 'KTP asli', en: 'Your identity card' }],
  skills: ['bisindo'],
});

/** A local date in Jakarta `days` from today. */
function jakartaDate(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function auditActions(action: string) {
  return server.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
}

describe('the admin routes refuse everyone but an administrator', () => {
  test.each(['petugas1', 'koordinator'])(
    '%s is refused 403 and the attempt is audited',
    async (who) => {
      const cookie = await server.login(who);
      const before = (await auditActions('admin.forbidden')).length;
      for (const route of [
        restRoutes.adminOffice,
        restRoutes.adminServices,
        restRoutes.adminHours,
      ]) {
        const { status, json } = await call(route, undefined, cookie);
        expect(status).toBe(403);
        expect(json.error?.code).toBe('FORBIDDEN');
      }
      const { status } = await call(restRoutes.createService, newService('Q'), cookie);
      expect(status).toBe(403);
      const logo = await call(restRoutes.setOfficeLogo, { version: 1, image: PNG }, cookie);
      expect(logo.status).toBe(403);
      expect((await auditActions('admin.forbidden')).length).toBe(before + 5);
    },
  );

  test('a visitor without a session is told to sign in', async () => {
    const { status } = await call(restRoutes.adminOffice, undefined, '');
    expect(status).toBe(401);
  });
});

describe('the office', () => {
  test('an administrator renames the office, and its kiosks show the new name at once', async () => {
    const kiosk = await server.kiosk();
    const { json: office } = await call<AdminOffice>(restRoutes.adminOffice);
    expect(office.timeZone).toBe('Asia/Jakarta');
    const changed = nextEvent(kiosk, 'office:changed');
    const channels = [
      ...office.channels,
      {
        kind: 'service_center',
        label: { id: 'Pusat layanan', en: 'Service center' },
        value: 'Jl. Gatot Subroto 51',
        url: 'https://maps.example/loket',
      },
    ];
    const { status, json } = await call<AdminOffice>(restRoutes.updateOffice, {
      ...office,
      name: { id: 'Kantor Baru', en: 'New Office' },
      retention: { ...office.retention, summaryDays: 14 },
      channels,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ name: { id: 'Kantor Baru' }, version: office.version + 1 });
    expect(json.channels).toHaveLength(channels.length);
    expect((await changed).office).toMatchObject({
      name: { id: 'Kantor Baru', en: 'New Office' },
      retention: { summaryDays: 14 },
    });
    expect(await auditActions('admin.office.updated')).toHaveLength(1);
  });

  test('a change made from an older reading is refused CHANGED_ELSEWHERE and changes nothing', async () => {
    const { json: office } = await call<AdminOffice>(restRoutes.adminOffice);
    await call(restRoutes.updateOffice, { ...office, name: { id: 'Satu', en: 'One' } });
    const { status, json } = await call(restRoutes.updateOffice, {
      ...office,
      name: { id: 'Dua', en: 'Two' },
    });
    expect(status).toBe(409);
    expect(json.error?.code).toBe('CHANGED_ELSEWHERE');
    const { json: now } = await call<AdminOffice>(restRoutes.adminOffice);
    expect(now.name.id).toBe('Satu');
  });

  test.each([
    { what: 'an unknown time zone', change: { timeZone: 'Mars/Olympus' } },
    { what: 'an empty name', change: { name: { id: ' ', en: 'x' } } },
    {
      what: 'a retention of 0 days',
      change: { retention: { callbackDays: 0, commentDays: 1, summaryDays: 1 } },
    },
  ])('$what is refused BAD_REQUEST', async ({ change }) => {
    const { json: office } = await call<AdminOffice>(restRoutes.adminOffice);
    const { status } = await call(restRoutes.updateOffice, { ...office, ...change });
    expect(status).toBe(400);
  });
});

describe("the office's logo, colour and consent text", () => {
  const officeNow = async () => (await call<AdminOffice>(restRoutes.adminOffice)).json;
  const logos = () => server.db.selectFrom('office_logos').selectAll().execute();

  test('an uploaded logo reaches running kiosks at once and is served publicly with caching headers', async () => {
    const kiosk = await server.kiosk();
    const office = await officeNow();
    const changed = nextEvent(kiosk, 'office:changed');
    const { status, json } = await call<AdminOffice>(restRoutes.setOfficeLogo, {
      version: office.version,
      image: PNG,
    });
    expect(status).toBe(200);
    expect(json.version).toBe(office.version + 1);
    expect(json.logoUrl).toMatch(new RegExp(`^/api/offices/${office.id}/logo\\?v=\\w+$`));
    expect((await changed).office.brand.logoUrl).toBe(json.logoUrl);

    const served = await fetch(`${server.url}${json.logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).toString('base64')).toBe(PNG);
    const etag = served.headers.get('etag')!;
    const again = await fetch(`${server.url}/api/offices/${office.id}/logo`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(await auditActions('admin.office.logo.set')).toHaveLength(1);
  });

  test('a JPEG and a WebP are taken, read from their bytes', async () => {
    for (const [image, type] of [
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const { json } = await call<AdminOffice>(restRoutes.setOfficeLogo, {
        version: (await officeNow()).version,
        image,
      });
      const served = await fetch(`${server.url}${json.logoUrl}`);
      expect(served.headers.get('content-type')).toBe(type);
    }
  });

  test.each([
    {
      what: 'a logo over 256 KB',
      image: Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(256 * 1024)]).toString(
        'base64',
      ),
      status: 413,
      code: 'TOO_LARGE',
    },
    {
      what: 'a text file named .png',
      image: Buffer.from('just words, not a picture\n').toString('base64'),
      status: 415,
      code: 'NOT_AN_IMAGE',
    },
    {
      what: 'an SVG',
      image: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
      status: 415,
      code: 'NOT_AN_IMAGE',
    },
  ])('$what is refused $code and nothing is saved', async ({ image, status, code }) => {
    const office = await officeNow();
    const before = await logos();
    const answer = await call(restRoutes.setOfficeLogo, { version: office.version, image });
    expect(answer.status).toBe(status);
    expect(answer.json.error?.code).toBe(code);
    expect(await officeNow()).toEqual(office);
    expect(await logos()).toEqual(before);
  });

  test('a body far past the limit is refused TOO_LARGE before it is read', async () => {
    const office = await officeNow();
    const { status, json } = await call(restRoutes.setOfficeLogo, {
      version: office.version,
      image: 'A'.repeat(1_200_000),
    });
    expect(status).toBe(413);
    expect(json.error?.code).toBe('TOO_LARGE');
  });

  test('a logo set from an older reading is refused CHANGED_ELSEWHERE, and a removed logo is no longer served', async () => {
    const office = await officeNow();
    const stale = await call(restRoutes.setOfficeLogo, {
      version: office.version - 1,
      image: PNG,
    });
    expect(stale.json.error?.code).toBe('CHANGED_ELSEWHERE');
    const { json } = await call<AdminOffice>(restRoutes.setOfficeLogo, {
      version: office.version,
      image: null,
    });
    expect(json.logoUrl).toBeNull();
    expect(await logos()).toEqual([]);
    expect((await fetch(`${server.url}/api/offices/${office.id}/logo`)).status).toBe(404);
  });

  test('a readable colour and the consent text reach running kiosks with the office', async () => {
    const kiosk = await server.kiosk();
    const office = await officeNow();
    const changed = nextEvent(kiosk, 'office:changed');
    const consentText = {
      id: 'Data dikelola PPID, disimpan 30 hari.',
      en: 'PPID keeps it 30 days.',
    };
    const { status, json } = await call<AdminOffice>(restRoutes.updateOffice, {
      ...office,
      brandColor: '#7a1f3d',
      consentText,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ brandColor: '#7a1f3d', consentText });
    expect((await changed).office).toMatchObject({ brand: { color: '#7a1f3d' }, consentText });
    const bootstrap = await kiosk.emitWithAck('kiosk:bootstrap', {});
    expect(bootstrap.ok && bootstrap.data.office.consentText).toEqual(consentText);
  });

  test.each([
    { what: 'a colour white text is hard to read on', brandColor: '#ffcc00' },
    { what: 'a colour that is not #rrggbb', brandColor: 'red' },
  ])('$what is refused BAD_REQUEST and changes nothing', async ({ brandColor }) => {
    const office = await officeNow();
    const { status } = await call(restRoutes.updateOffice, { ...office, brandColor });
    expect(status).toBe(400);
    expect(await officeNow()).toEqual(office);
  });
});

describe('services', () => {
  test('an administrator adds a service, and kiosks list it at once', async () => {
    const kiosk = await server.kiosk();
    const changed = nextEvent(kiosk, 'office:changed');
    const { status, json } = await call<AdminService>(restRoutes.createService, newService('D'));
    expect(status).toBe(200);
    expect(json).toMatchObject({ letter: 'D', active: true, version: 1, skills: ['bisindo'] });
    expect((await changed).services.map((service) => service.letter)).toContain('D');
    expect((await auditActions('admin.service.created')).at(-1)?.subject_id).toBe(json.id);
  });

  test('a letter another service already has is refused DUPLICATE', async () => {
    const { status, json } = await call(restRoutes.createService, newService('A'));
    expect(status).toBe(409);
    expect(json.error?.code).toBe('DUPLICATE');
    const { json: list } = await call<AdminServices>(restRoutes.adminServices);
    expect(list.services.filter((service) => service.letter === 'A')).toHaveLength(1);
  });

  test('a renamed service shows on a running kiosk, and a stale rename is refused', async () => {
    const kiosk = await server.kiosk();
    const { json: list } = await call<AdminServices>(restRoutes.adminServices);
    const service = list.services[0]!;
    const changed = nextEvent(kiosk, 'office:changed');
    const { status, json } = await call<AdminService>(restRoutes.updateService, {
      ...service,
      name: { id: 'Informasi Publik', en: 'Public information' },
    });
    expect(status).toBe(200);
    expect(json.version).toBe(service.version + 1);
    const told = await changed;
    expect(told.services.find((s) => s.id === service.id)?.name.en).toBe('Public information');
    const stale = await call(restRoutes.updateService, { ...service, letter: 'Z' });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe('CHANGED_ELSEWHERE');
    const renamedToTaken = await call(restRoutes.updateService, { ...json, letter: 'B' });
    expect(renamedToTaken.json.error?.code).toBe('DUPLICATE');
  });

  test('the live services are put in a new order', async () => {
    const { json: list } = await call<AdminServices>(restRoutes.adminServices);
    const ids = list.services
      .filter((s) => s.active)
      .map((s) => s.id)
      .reverse();
    const { status, json } = await call<AdminServices>(restRoutes.reorderServices, { ids });
    expect(status).toBe(200);
    expect(json.services.filter((s) => s.active).map((s) => s.id)).toEqual(ids);
    const partial = await call(restRoutes.reorderServices, { ids: ids.slice(1) });
    expect(partial.json.error?.code).toBe('CHANGED_ELSEWHERE');
  });

  test('a retired service takes no new ticket, and the ticket waiting for it is still served', async () => {
    const agent = await server.agent(await server.login('petugas1'));
    await agent.emitWithAck('agent:setStatus', { status: 'away' });
    const { json: list } = await call<AdminServices>(restRoutes.adminServices);
    const service = list.services.find((s) => s.letter === 'C')!;
    const kiosk = await server.kiosk();
    const taken = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: service.id,
      language: 'id',
    });
    expect(taken.ok).toBe(true);

    const retired = await call<AdminService>(restRoutes.retireService, {
      id: service.id,
      version: service.version,
    });
    expect(retired.json).toMatchObject({ active: false, waiting: 1 });
    const again = await call(restRoutes.retireService, {
      id: service.id,
      version: service.version,
    });
    expect(again.json.error?.code).toBe('CHANGED_ELSEWHERE');

    const other = await server.kiosk(await server.enrolKiosk());
    const refused = await other.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: service.id,
      language: 'id',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const offer = nextEvent(agent, 'offer:new');
    await agent.emitWithAck('agent:setStatus', { status: 'available' });
    expect((await offer).ticketId).toBe(taken.ok ? taken.data.ticket.id : '');
    const lettered = await call(restRoutes.createService, newService('C'));
    expect(lettered.json.error?.code).toBe('DUPLICATE');
  });
});

describe('service hours', () => {
  const weekdays = (periods: { open: string; close: string }[]) => [
    [],
    ...Array.from({ length: 5 }, () => periods),
    [],
  ];

  test('an administrator sets a week with a break, a holiday and a closure, and sees a preview', async () => {
    const { json: hours } = await call<AdminHours>(restRoutes.adminHours);
    expect(hours.preview).toEqual({ open: true, until: '24:00' });
    const { status, json } = await call<AdminHours>(restRoutes.updateHours, {
      version: hours.version,
      weekly: weekdays([
        { open: '08:00', close: '12:00' },
        { open: '13:00', close: '16:00' },
      ]),
      holidays: [jakartaDate(30)],
      closures: [{ date: jakartaDate(1), from: '10:00', to: '11:00' }],
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ version: hours.version + 1, holidays: [jakartaDate(30)] });
    expect(json.preview.open ? json.preview.until : json.preview.opens?.time).toMatch(
      /^(08|12|13|16):00$/,
    );
    expect(await auditActions('admin.hours.updated')).toHaveLength(1);
  });

  test.each([
    {
      what: 'overlapping periods',
      weekly: weekdays([
        { open: '08:00', close: '12:00' },
        { open: '11:00', close: '16:00' },
      ]),
    },
    {
      what: 'a period that ends before it starts',
      weekly: weekdays([{ open: '16:00', close: '08:00' }]),
    },
  ])('$what are refused BAD_REQUEST', async ({ weekly }) => {
    const { json: hours } = await call<AdminHours>(restRoutes.adminHours);
    const { status } = await call(restRoutes.updateHours, { ...hours, weekly });
    expect(status).toBe(400);
    const { json: after } = await call<AdminHours>(restRoutes.adminHours);
    expect(after.version).toBe(hours.version);
  });

  test('a holiday in the past is refused PAST_DATE', async () => {
    const { json: hours } = await call<AdminHours>(restRoutes.adminHours);
    const { status, json } = await call(restRoutes.updateHours, {
      ...hours,
      holidays: [jakartaDate(-1)],
    });
    expect(status).toBe(400);
    expect(json.error?.code).toBe('PAST_DATE');
  });

  test('closed hours apply to kiosks at once', async () => {
    const { json: hours } = await call<AdminHours>(restRoutes.adminHours);
    const closed = await call<AdminHours>(restRoutes.updateHours, {
      ...hours,
      weekly: Array.from({ length: 7 }, () => []),
    });
    expect(closed.json.preview).toEqual({ open: false, opens: null });
    const kiosk = await server.kiosk(await server.enrolKiosk());
    const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
    if (!boot.ok) throw new Error('no bootstrap');
    const refused = await kiosk.emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId: boot.data.services[0]!.id,
      language: 'id',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OUTSIDE_HOURS' } });
    const stale = await call(restRoutes.updateHours, hours);
    expect(stale.json.error?.code).toBe('CHANGED_ELSEWHERE');
  });
});
