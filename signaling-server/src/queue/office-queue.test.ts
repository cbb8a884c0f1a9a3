import { languageSkill, serviceSkill, type AgentStatus } from '@loket/shared';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDemoDatabase, type TestDatabase } from '../../test/test-database.js';
import { ensureAgent, moveAgent } from '../store/repositories/agents.js';
import { listServices } from '../store/repositories/offices.js';
import { findUserByUsername } from '../store/repositories/users.js';
import { loadSkilledAgents, serviceSkillsOf } from './office-queue.js';
import { SkillBook } from '../store/skill-book.js';

let store: TestDatabase;
beforeEach(async () => {
  store = await openDemoDatabase();
});
afterEach(async () => {
  await store.dispose();
});

/** Signs a demo user in as an agent in `status`; returns their id and office. */
async function agentIn(username: string, status: AgentStatus) {
  const user = await findUserByUsername(store.db, username);
  if (!user) throw new Error(`no demo user ${username}`);
  await ensureAgent(store.db, user, 1);
  if (status !== 'offline') await moveAgent(store.db, user.id, 'offline', { status, at: 2 });
  return user;
}

const servicesOf = async (officeId: string) =>
  (await listServices(store.db, officeId)).map((service) => service.id);

describe('skilled agents of an office', () => {
  test('each signed-in agent comes with every service, language and sign skill they hold', async () => {
    const sari = await agentIn('petugas1', 'available');
    const budi = await agentIn('petugas2', 'away');
    const services = (await listServices(store.db, sari.office_id)).map((s) => s.id);

    const agents = await loadSkilledAgents(store.db, new SkillBook(), sari.office_id);

    const byId = new Map(agents.map((a) => [a.skills.id, a]));
    expect(byId.get(sari.id)?.status).toBe('available');
    expect(byId.get(sari.id)?.skills.skills).toEqual(
      new Set([...services.map(serviceSkill), 'language:id', 'language:en', 'bisindo']),
    );
    expect(byId.get(budi.id)?.status).toBe('away');
    expect(byId.get(budi.id)?.skills.skills).toEqual(
      new Set([...services.slice(0, 2).map(serviceSkill), 'language:id']),
    );
  });

  test('offline agents are left out, and an agent skilled for nothing serves nothing', async () => {
    const sari = await agentIn('petugas1', 'offline');
    const dewi = await agentIn('koordinator', 'available');

    const agents = await loadSkilledAgents(store.db, new SkillBook(), sari.office_id);

    expect(agents.map((a) => a.skills.id)).toEqual([dewi.id]);
    expect(agents[0]?.skills.skills).toEqual(new Set());
  });
});

describe('skills kept in memory', () => {
  test('a change to skills made elsewhere (another server, by hand) is seen by the next read', async () => {
    const budi = await agentIn('petugas2', 'available');
    const services = (await listServices(store.db, budi.office_id)).map((s) => s.id);
    const book = new SkillBook();
    await loadSkilledAgents(store.db, book, budi.office_id);

    const elsewhere = store.connect();
    await elsewhere.deleteFrom('agent_skills').where('user_id', '=', budi.id).execute();
    await elsewhere
      .insertInto('agent_skills')
      .values(
        [serviceSkill(services[2]!), languageSkill('en'), 'bisindo'].map((skill) => ({
          user_id: budi.id,
          skill,
        })),
      )
      .execute();
    await elsewhere.destroy();
    const [agent] = await loadSkilledAgents(store.db, book, budi.office_id);

    expect(agent?.skills.skills).toEqual(
      new Set([serviceSkill(services[2]!), 'language:en', 'bisindo']),
    );
  });

  test('an agent who signs in after skills were read comes with their skills', async () => {
    const sari = await agentIn('petugas1', 'available');
    const book = new SkillBook();
    await loadSkilledAgents(store.db, book, sari.office_id);

    const budi = await agentIn('petugas2', 'available');
    const agents = await loadSkilledAgents(store.db, book, sari.office_id);

    const skills = agents.find((a) => a.skills.id === budi.id)?.skills.skills;
    expect([...(skills ?? [])].sort()).toEqual(
      [...(await servicesOf(budi.office_id)).slice(0, 2).map(serviceSkill), 'language:id'].sort(),
    );
  });
});

describe("a service's skills", () => {
  test('a service read again after its skills changed asks for the new skills', async () => {
    const sari = await agentIn('petugas1', 'available');
    const [service] = await listServices(store.db, sari.office_id);
    if (!service) throw new Error('the demo office has no service');
    const asked = serviceSkillsOf({ ...service, skills: JSON.stringify(['lang:en']) });

    const changed = serviceSkillsOf({ ...service, skills: JSON.stringify(['lang:id']) });

    expect(asked).toEqual(['lang:en']);
    expect(changed).toEqual(['lang:id']);
    expect(serviceSkillsOf({ ...service, skills: '[42]' })).toEqual([]);
  });
});
