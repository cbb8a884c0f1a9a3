import {
  languageSkill,
  requiredSkills,
  serviceSkill,
  type Language,
  type Need,
} from '@loket/shared';
import type { FreeAgent, QueuedTicket } from '../../src/core/routing.js';

/** A waiting ticket for the core's tests, described by its service, language and needs. */
export interface TicketSpec extends Partial<Omit<QueuedTicket, 'id' | 'queuedAt' | 'requires'>> {
  language?: Language;
  needs?: Need[];
}

/** A waiting ticket: service `s1` in Indonesian with no needs unless `spec` says otherwise. */
export function queuedTicket(id: string, queuedAt: number, spec: TicketSpec = {}): QueuedTicket {
  const { language = 'id', needs = [], serviceId = 's1', ...rest } = spec;
  return {
    id,
    serviceId,
    requires: requiredSkills({ serviceId, language, needs }),
    priority: 'normal',
    queuedAt,
    assignedAgentId: null,
    ...rest,
  };
}

/** What an agent can do, as the core's tests describe it. */
export interface AgentSpec {
  services?: readonly string[];
  languages?: readonly Language[];
  /** Other skills, e.g. `bisindo`. */
  other?: readonly string[];
}

/** An agent's skills: services `s1`, `s2` in both languages unless `spec` says otherwise. */
export function skillsOf({
  services = ['s1', 's2'],
  languages = ['id', 'en'],
  other = [],
}: AgentSpec = {}): ReadonlySet<string> {
  return new Set([...services.map(serviceSkill), ...languages.map(languageSkill), ...other]);
}

/** A free agent with the skills `spec` describes. */
export function freeAgent(id: string, idleSince: number, spec: AgentSpec = {}): FreeAgent {
  return { id, idleSince, skills: skillsOf(spec) };
}
