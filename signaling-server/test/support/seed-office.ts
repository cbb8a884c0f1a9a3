import { languageSkill, serviceSkill, type Language } from '@loket/shared';
import { hashPassword } from '../../src/auth/password.js';
import { newKioskCredential } from '../../src/auth/kiosk-credentials.js';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import { randomIds } from '../../src/ids.js';
import type { Db } from '../../src/store/database.js';
import { SESSION_COOKIE } from '../../src/auth/session-cookie.js';

/** A seeded agent: skills and a ready session cookie (no sign-in round trip needed). */
export interface SeededAgent {
  id: string;
  username: string;
  cookie: string;
  serviceIds: string[];
  languages: Language[];
  signLanguage: boolean;
}

/** The skills a seeded agent holds, as the store keeps them. */
export function seededSkills(agent: Omit<SeededAgent, 'id' | 'username' | 'cookie'>): Set<string> {
  return new Set([
    ...agent.serviceIds.map(serviceSkill),
    ...agent.languages.map(languageSkill),
    ...(agent.signLanguage ? ['bisindo'] : []),
  ]);
}

/** A seeded kiosk and its device token. */
export interface SeededKiosk {
  id: string;
  token: string;
}

/** What a seeded office holds, for the simulated clients. */
export interface SeededOffice {
  officeId: string;
  serviceIds: string[];
  kiosks: SeededKiosk[];
  agents: SeededAgent[];
}

/** How an agent is skilled: `index` picks a spread of services, languages and signing. */
export type SkillPlan = (
  index: number,
  serviceIds: readonly string[],
) => Omit<SeededAgent, 'id' | 'username' | 'cookie'>;

/**
 * Varied skills: every (service, language, signing) combination has several agents. One in five
 * signs BISINDO; a third speak both languages, a third only Indonesian, a third only English.
 */
export const variedSkills: SkillPlan = (index, serviceIds) => {
  const languages: Language[][] = [['id', 'en'], ['id'], ['en']];
  const count = serviceIds.length;
  const services =
    index % 4 === 0
      ? [...serviceIds]
      : [serviceIds[index % count]!, serviceIds[(index + 1 + (index % 2)) % count]!];
  return {
    serviceIds: [...new Set(services)],
    languages: languages[index % 3]!,
    signLanguage: index % 5 === 0,
  };
};

/** Every agent serves every service in both languages and signs: any officer can take any ticket. */
export const allRounders: SkillPlan = (_index, serviceIds) => ({
  serviceIds: [...serviceIds],
  languages: ['id', 'en'],
  signLanguage: true,
});

/**
 * Fills a migrated, empty database with one always-open office, `services` services, `kiosks`
 * enrolled kiosks and `agents` agents with sessions. One password hash is made and shared by all
 * agents (the scrypt cost is paid once).
 */
export async function seedOffice(
  db: Db,
  counts: { services: number; kiosks: number; agents: number },
  skills: SkillPlan = variedSkills,
): Promise<SeededOffice> {
  const now = Date.now();
  const officeId = randomIds();
  const passwordHash = await hashPassword('history-check-password');
  const serviceIds = Array.from({ length: counts.services }, () => randomIds());
  const kiosks = Array.from({ length: counts.kiosks }, () => {
    const id = randomIds();
    return { id, token: newKioskCredential(id) };
  });
  const agents: SeededAgent[] = Array.from({ length: counts.agents }, (_, index) => ({
    id: randomIds(),
    username: `agent${index}`,
    cookie: '',
    ...skills(index, serviceIds),
  }));
  const chunks = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / 50) }, (_, i) => rows.slice(i * 50, i * 50 + 50));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('offices')
      .values({
        id: officeId,
        name_id: 'Kantor uji',
        name_en: 'Test office',
        time_zone: 'Asia/Jakarta',
        created_at: now,
        hours: null,
        channels: '[]',
        summary_retention_days: 30,
        version: 1,
        hours_version: 1,
        dispositions_version: 1,
        quick_replies_version: 1,
      })
      .execute();
    await trx
      .insertInto('services')
      .values(
        serviceIds.map((id, index) => ({
          id,
          office_id: officeId,
          letter: String.fromCharCode(65 + index),
          name_id: `Layanan ${index}`,
          name_en: `Service ${index}`,
          description_id: '',
          description_en: '',
          icon: 'info',
          sort_order: index,
          active: 1,
          avg_handle_ms: null,
          requirements: '[]',
          version: 1,
          skills: '[]',
        })),
      )
      .execute();
    for (const chunk of chunks(kiosks)) {
      await trx
        .insertInto('kiosks')
        .values(
          chunk.map((kiosk, index) => ({
            id: kiosk.id,
            office_id: officeId,
            name: `kiosk ${index}`,
            token_hash: hashToken(kiosk.token),
            pending_token_hash: null,
            created_at: now,
            last_seen_at: null,
            revoked_at: null,
            media_generation: 0,
            version: 1,
          })),
        )
        .execute();
    }
    for (const chunk of chunks(agents)) {
      await trx
        .insertInto('users')
        .values(
          chunk.map((agent) => ({
            id: agent.id,
            office_id: officeId,
            username: agent.username,
            display_name: agent.username,
            role: 'agent' as const,
            password_hash: passwordHash,
            created_at: now,
            version: 1,
            must_change_password: 0,
          })),
        )
        .execute();
    }
    const skillRows = agents.flatMap((agent) =>
      [...seededSkills(agent)].map((skill) => ({ user_id: agent.id, skill })),
    );
    for (const chunk of chunks(skillRows)) {
      await trx.insertInto('agent_skills').values(chunk).execute();
    }
    for (const agent of agents) {
      const token = newToken();
      agent.cookie = `${SESSION_COOKIE}=${token}`;
      await trx
        .insertInto('sessions')
        .values({
          token_hash: hashToken(token),
          user_id: agent.id,
          created_at: now,
          expires_at: now + 24 * 3600 * 1000,
        })
        .execute();
    }
  });
  return { officeId, serviceIds, kiosks, agents };
}
