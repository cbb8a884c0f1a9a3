import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { languageSkill, serviceSkill, type Channel, type Role } from '@loket/shared';
import type { ServiceHours } from '../core/service-hours.js';
import { hashPassword } from '../auth/password.js';
import { newKioskCredential } from '../auth/kiosk-credentials.js';
import { hashToken } from '../auth/tokens.js';
import type { Clock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import type { Db } from '../store/database.js';
import { insertKiosk } from '../store/repositories/kiosks.js';
import { hasAnyOffice } from '../store/repositories/offices.js';
import { addSkills, insertUser } from '../store/repositories/users.js';

/** The demo sign-ins, kept beside the database so every start can print them again. */
export interface DemoCredentials {
  kioskToken: string;
  users: { username: string; password: string; role: Role; displayName: string }[];
}

const SERVICES = [
  {
    letter: 'A',
    icon: 'info',
    name: ['Informasi publik (PPID)', 'Public information (PPID)'],
    description: [
      'Permohonan informasi dan dokumen publik',
      'Requests for public information and documents',
    ],
    requirements: [
      ['KTP asli', 'Your identity card (KTP)'],
      ['Formulir permohonan informasi', 'The information request form'],
    ],
  },
  {
    letter: 'B',
    icon: 'complaint',
    name: ['Pengaduan', 'Complaints'],
    description: ['Sampaikan keluhan atas layanan', 'Tell us about a problem with a service'],
    requirements: [
      ['KTP asli', 'Your identity card (KTP)'],
      ['Bukti pendukung pengaduan', 'Evidence supporting the complaint'],
    ],
  },
  {
    letter: 'C',
    icon: 'job',
    name: ['Penempatan kerja', 'Job placement'],
    description: [
      'Lowongan, pencari kerja, dan kartu kuning',
      'Vacancies, job seekers and job cards',
    ],
    requirements: [
      ['KTP asli', 'Your identity card (KTP)'],
      ['Pas foto 3×4 (2 lembar)', 'Two 3×4 passport photos'],
      ['Fotokopi ijazah terakhir', 'A copy of your latest diploma'],
    ],
  },
] as const;

// Sari signs BISINDO and serves every service; Budi serves the first two in Indonesian only.
const PEOPLE = [
  {
    username: 'petugas1',
    displayName: 'Sari Wulandari',
    role: 'agent',
    languages: ['id', 'en'],
    skills: ['bisindo'],
    services: ['A', 'B', 'C'],
  },
  {
    username: 'petugas2',
    displayName: 'Budi Santoso',
    role: 'agent',
    languages: ['id'],
    skills: [],
    services: ['A', 'B'],
  },
  {
    username: 'koordinator',
    displayName: 'Dewi Lestari',
    role: 'manager',
    languages: [],
    skills: [],
    services: [],
  },
  {
    username: 'admin',
    displayName: 'Rina Marlina',
    role: 'admin',
    languages: [],
    skills: [],
    services: [],
  },
] as const;

// The ministry's other channels (product brief), shown when the kiosk cannot serve.
const CHANNELS: Channel[] = [
  {
    kind: 'web',
    label: { id: 'Situs PPID', en: 'PPID website' },
    value: 'ppid.kemnaker.go.id',
    url: 'https://ppid.kemnaker.go.id',
  },
  {
    kind: 'whatsapp',
    label: { id: 'WhatsApp', en: 'WhatsApp' },
    value: '0811-9521-150',
    url: 'https://wa.me/628119521150',
  },
  {
    kind: 'email',
    label: { id: 'Surel', en: 'E-mail' },
    value: 'ppid@kemnaker.go.id',
    url: 'mailto:ppid@kemnaker.go.id',
  },
  {
    kind: 'phone',
    label: { id: 'Pusat panggilan', en: 'Call center' },
    value: '1500630',
    url: 'tel:1500630',
  },
];

// The demo office serves around the clock, so it can be tried at any hour.
const ALWAYS_OPEN: ServiceHours = {
  timeZone: 'Asia/Jakarta',
  weekly: Array.from({ length: 7 }, () => [{ open: '00:00', close: '24:00' }]),
  holidays: [],
};

const password = () => randomBytes(9).toString('base64url');

/**
 * Fills an empty database with one office, three services, one enrolled kiosk, two agents, a
 * manager and an administrator, and writes their sign-ins to `credentialsFile`. Does nothing to a database that
 * already has an office.
 */
export async function seedDemoData(
  db: Db,
  deps: { clock: Clock; ids: IdFactory; credentialsFile: string },
): Promise<boolean> {
  if (await hasAnyOffice(db)) return false;
  const now = deps.clock();
  const officeId = deps.ids();
  const kioskId = deps.ids();
  const credentials: DemoCredentials = { kioskToken: newKioskCredential(kioskId), users: [] };
  const hashed = await Promise.all(
    PEOPLE.map(async (person) => {
      const secret = password();
      credentials.users.push({
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        password: secret,
      });
      return { person, hash: await hashPassword(secret) };
    }),
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('offices')
      .values({
        id: officeId,
        name_id: 'Kementerian Ketenagakerjaan — Pelayanan Terpadu Satu Atap',
        name_en: 'Ministry of Manpower — One-Stop Service',
        time_zone: 'Asia/Jakarta',
        created_at: now,
        hours: JSON.stringify(ALWAYS_OPEN),
        channels: JSON.stringify(CHANNELS),
        summary_retention_days: 30,
        version: 1,
        hours_version: 1,
        dispositions_version: 1,
        quick_replies_version: 1,
      })
      .execute();
    const serviceIds = new Map<string, string>();
    for (const [index, service] of SERVICES.entries()) {
      serviceIds.set(service.letter, deps.ids());
      await trx
        .insertInto('services')
        .values({
          id: serviceIds.get(service.letter)!,
          office_id: officeId,
          letter: service.letter,
          name_id: service.name[0],
          name_en: service.name[1],
          description_id: service.description[0],
          description_en: service.description[1],
          icon: service.icon,
          sort_order: index,
          active: 1,
          avg_handle_ms: null,
          requirements: JSON.stringify(service.requirements.map(([id, en]) => ({ id, en }))),
          version: 1,
          skills: '[]',
        })
        .execute();
    }
    await insertKiosk(trx, {
      id: kioskId,
      office_id: officeId,
      name: 'Kios lobi 1',
      token_hash: hashToken(credentials.kioskToken),
      created_at: now,
      last_seen_at: null,
    });
    for (const { person, hash } of hashed) {
      const userId = deps.ids();
      await insertUser(trx, {
        id: userId,
        office_id: officeId,
        username: person.username,
        display_name: person.displayName,
        role: person.role,
        password_hash: hash,
        created_at: now,
      });
      await addSkills(trx, userId, [
        ...person.services.map((letter) => serviceSkill(serviceIds.get(letter)!)),
        ...person.languages.map(languageSkill),
        ...person.skills,
      ]);
    }
  });
  fs.mkdirSync(path.dirname(deps.credentialsFile), { recursive: true });
  fs.writeFileSync(deps.credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return true;
}

/** The demo sign-ins written when the demo data was made, if the file is still there. */
export function readDemoCredentials(file: string): DemoCredentials | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCredentials;
  } catch {
    return null;
  }
}
