import { z } from 'zod';
import type { Language } from './language.js';
import { needOf } from './need-rules.js';
import type { Need } from './needs.js';

/**
 * Something an officer can do, which a ticket may require: a service (`service:<id>`), a language
 * (`language:<code>`), or a skill a need names (`bisindo`) or the office defines.
 */
export const Skill = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9_:.-]+$/i);

/** The skill of serving one service. */
export function serviceSkill(serviceId: string): string {
  return `service:${serviceId}`;
}

/** The skill of serving in one language. */
export function languageSkill(language: Language): string {
  return `language:${language}`;
}

/** What a ticket asks of whoever serves it. */
export interface TicketNeeds {
  serviceId: string;
  language: Language;
  needs: readonly Need[];
  /** What the office asks of whoever serves its service, beyond the service itself. */
  serviceSkills?: readonly string[];
}

/**
 * Every skill an officer must hold to be offered a ticket: its service, its language, what the
 * office asks for the service and what the visitor's needs require. Each skill once, in that order.
 */
export function requiredSkills({
  serviceId,
  language,
  needs,
  serviceSkills = [],
}: TicketNeeds): string[] {
  const skills = [serviceSkill(serviceId), languageSkill(language), ...serviceSkills];
  for (const need of needs) skills.push(...needOf(need).requires);
  return [...new Set(skills)];
}
