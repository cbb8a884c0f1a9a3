import type { AgentSkills } from '../core/routing.js';
import type { Db } from './database.js';
import { listAgentSkills, readSkillsVersion, type AgentSkillsRow } from './repositories/agents.js';

function skillsOf(row: AgentSkillsRow): AgentSkills {
  return { skills: new Set(row.skills?.split(',')) };
}

/**
 * Agents' skills, kept in memory per office. They change rarely yet are read for every ticket and
 * every match, and reading them was most of the cost of reading an office's agents. Each use reads
 * the store's skills version (one row, which store triggers change with every change to skills,
 * whoever makes it) and reads the skills again only when it changed or an agent is new.
 */
export class SkillBook {
  readonly #offices = new Map<string, { version: number; byAgent: Map<string, AgentSkills> }>();

  /**
   * Skills of the office's agents, including at least every agent in `agentIds`; `current` is the
   * store's skills version when the caller has just read it along with something else.
   */
  async of(
    db: Db,
    officeId: string,
    agentIds: readonly string[],
    current?: number,
  ): Promise<ReadonlyMap<string, AgentSkills>> {
    // Read before the skills: a change committed in between leaves the skills newer than the
    // version they are kept under, so they are read again next time rather than kept stale.
    const version = current ?? (await readSkillsVersion(db));
    const held = this.#offices.get(officeId);
    if (held?.version === version && agentIds.every((id) => held.byAgent.has(id))) {
      return held.byAgent;
    }
    const rows = await listAgentSkills(db, officeId);
    const byAgent = new Map(rows.map((row) => [row.user_id, skillsOf(row)]));
    this.#offices.set(officeId, { version, byAgent });
    return byAgent;
  }
}
