import { describe, expect, test } from 'vitest';
import { CreateTicket } from '../events/kiosk.js';
import { NEED_LIST } from './need-list.js';
import {
  givesPriority,
  knownNeeds,
  needsSigningVideo,
  PRIORITY_NEEDS,
  ROUTING_NEEDS,
} from './need-rules.js';
import { Needs, type Need } from './needs.js';
import { requiredSkills } from './skills.js';

describe('the needs a visitor can declare', () => {
  test('routing needs and priority needs follow from the list', () => {
    expect(ROUTING_NEEDS).toEqual(['sign_language']);
    expect(PRIORITY_NEEDS).toEqual(['disability', 'elderly', 'pregnant']);
  });

  test.each<{ needs: Need[]; skills: string[]; priority: boolean; signing: boolean }>([
    { needs: [], skills: ['service:s-1', 'language:id'], priority: false, signing: false },
    {
      needs: ['sign_language'],
      skills: ['service:s-1', 'language:id', 'bisindo'],
      priority: false,
      signing: true,
    },
    { needs: ['elderly'], skills: ['service:s-1', 'language:id'], priority: true, signing: false },
    {
      needs: ['pregnant', 'sign_language'],
      skills: ['service:s-1', 'language:id', 'bisindo'],
      priority: true,
      signing: true,
    },
  ])('$needs asks for $skills', ({ needs, skills, priority, signing }) => {
    expect(requiredSkills({ serviceId: 's-1', language: 'id', needs })).toEqual(skills);
    expect(givesPriority(needs)).toBe(priority);
    expect(needsSigningVideo(needs)).toBe(signing);
  });

  test('the contract takes each need of the list once, and nothing else', () => {
    const all = NEED_LIST.map((need) => need.id);
    expect(Needs.safeParse(all).success).toBe(true);
    expect(Needs.safeParse([...all, 'elderly']).success).toBe(false);
    expect(Needs.safeParse(['elderly', 'elderly']).success).toBe(false);
    expect(Needs.safeParse(['vip']).success).toBe(false);
    const ticket = { clientId: crypto.randomUUID(), serviceId: 's-1', language: 'id' };
    expect(CreateTicket.safeParse({ ...ticket, needs: ['sign_language'] }).success).toBe(true);
    expect(CreateTicket.safeParse({ ...ticket, signLanguage: true }).data).toMatchObject({
      needs: [],
    });
  });

  test('stored needs are read in the list’s order, unknown ones left out', () => {
    expect(knownNeeds(['pregnant', 'retired', 'sign_language'])).toEqual([
      'sign_language',
      'pregnant',
    ]);
  });
});
