import { languageSkill, Language, serviceSkill, type SkillChoice } from '@loket/shared';
import type { ServiceRow } from '../store/schema.js';

/** The names of the languages an officer may serve in, as skills. */
export const LANGUAGE_NAMES: Record<Language, { id: string; en: string }> = {
  id: { id: 'Bahasa Indonesia', en: 'Indonesian' },
  en: { id: 'Bahasa Inggris', en: 'English' },
};

/** The names of skills needs require; a skill the office defines is named by itself. */
export const NAMED_SKILLS: Record<string, { id: string; en: string }> = {
  bisindo: { id: 'BISINDO (bahasa isyarat)', en: 'BISINDO (sign language)' },
};

/**
 * An officer's skills with what each is and its name: services (in the office's order), then
 * languages, then the rest. A service skill of a service no longer offered is left out.
 */
export function namedSkills(skills: readonly string[], services: ServiceRow[]): SkillChoice[] {
  const held = new Set(skills);
  const named: SkillChoice[] = [
    ...services
      .filter((service) => held.has(serviceSkill(service.id)))
      .map((service) => ({
        skill: serviceSkill(service.id),
        kind: 'service' as const,
        name: { id: service.name_id, en: service.name_en },
      })),
    ...Language.options
      .filter((language) => held.has(languageSkill(language)))
      .map((language) => ({
        skill: languageSkill(language),
        kind: 'language' as const,
        name: LANGUAGE_NAMES[language],
      })),
  ];
  for (const skill of [...held].sort()) {
    if (skill.startsWith('service:') || skill.startsWith('language:')) continue;
    named.push({ skill, kind: 'other', name: NAMED_SKILLS[skill] ?? { id: skill, en: skill } });
  }
  return named;
}
