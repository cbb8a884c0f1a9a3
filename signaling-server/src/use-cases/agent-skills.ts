import type { AgentSkills } from '@loket/shared';
import { namedSkills } from '../read-models/skill-names.js';
import type { Db } from '../store/database.js';
import { listServices } from '../store/repositories/offices.js';

/** An officer's skills as their console shows them: each with what it is and its name. */
export async function agentSkillsOf(
  db: Db,
  officeId: string,
  userId: string,
): Promise<AgentSkills> {
  const [services, rows] = await Promise.all([
    listServices(db, officeId),
    db.selectFrom('agent_skills').select('skill').where('user_id', '=', userId).execute(),
  ]);
  return {
    skills: namedSkills(
      rows.map((row) => row.skill),
      services,
    ),
  };
}
