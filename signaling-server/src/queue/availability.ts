import {
  Channel,
  DEFAULT_SHORT_FORM,
  needOf,
  requiredSkills,
  ROUTING_NEEDS,
  SkmElement,
  type Availability,
  type TicketNeeds,
} from '@loket/shared';
import { z } from 'zod';
import { hoursState, type ServiceHours } from '../core/service-hours.js';
import type { OfficeRow } from '../store/schema.js';
import type { SkilledAgent } from './office-queue.js';

const Interval = z.object({
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
});
const Hours = z.object({
  timeZone: z.string(),
  weekly: z.array(z.array(Interval)).length(7),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  closures: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })).optional(),
});

/** An office's service hours; an office without a stored schedule is always open. */
export function hoursOf(office: OfficeRow): ServiceHours | null {
  if (office.hours === null) return null;
  return Hours.parse(JSON.parse(office.hours));
}

/** An office's other channels, as configured. */
export function channelsOf(office: OfficeRow): Channel[] {
  const parsed = z.array(Channel).safeParse(JSON.parse(office.channels));
  return parsed.success ? parsed.data : [];
}

/** The SKM elements of the office's short survey form: its own choice, or the default. */
export function surveyElementsOf(office: OfficeRow): SkmElement[] {
  if (office.survey_elements === null) return [...DEFAULT_SHORT_FORM];
  const parsed = z.array(SkmElement).min(1).safeParse(JSON.parse(office.survey_elements));
  return parsed.success ? parsed.data : [...DEFAULT_SHORT_FORM];
}

/**
 * Whether a ticket can be taken now: the office is within its hours and somebody who could serve
 * it is signed in (an agent on a break counts: the ticket waits for them). Who is on duty for a
 * need (a signer…) counts only agents whose console is there: not those in `absent`, whose console
 * closed mid-call and who may not come back.
 */
export function availability(
  office: OfficeRow,
  request: TicketNeeds,
  now: number,
  agents: readonly SkilledAgent[],
  absent: ReadonlySet<string> = new Set(),
): Availability {
  const atWork = agents.filter((a) => a.status !== 'offline');
  const present = atWork.filter((a) => !absent.has(a.skills.id));
  const holds = (skills: readonly string[], among = atWork) =>
    among.some((a) => skills.every((skill) => a.skills.skills.has(skill)));
  const onDuty = ROUTING_NEEDS.filter((need) => holds(needOf(need).requires, present));
  const hours = hoursOf(office);
  const state = hours ? hoursState(hours, now) : null;
  if (state && !state.open) {
    return {
      available: false,
      reason: 'outside_hours',
      nextOpening: state.nextOpening,
      onDuty,
    };
  }
  const staffed = holds(requiredSkills(request));
  return { available: staffed, reason: staffed ? null : 'no_agent', nextOpening: null, onDuty };
}
