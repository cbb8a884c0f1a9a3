import { describe, expect, test } from 'vitest';
import type { TicketRow } from '../src/store/schema.js';
import {
  checkExclusion,
  checkRouting,
  checkSurvivedKill,
  type OrderedAudit,
} from './support/history-check.js';
import type { SeededAgent } from './support/seed-office.js';

// The history check's own checkers must catch what they claim to: each is fed a small made-up
// history with one planted violation.

let order = 0;
const row = (action: string, subject: string, at: number, details = {}): OrderedAudit => ({
  id: `audit-${++order}`,
  order,
  at,
  office_id: 'o',
  actor_type: 'system',
  actor_id: null,
  action,
  subject_id: subject,
  details,
});

const agent = (id: string, signLanguage = false): SeededAgent => ({
  id,
  username: id,
  cookie: '',
  serviceIds: ['s'],
  languages: ['id'],
  signLanguage,
});

const ticket = (id: string, queuedAt: number, sign = false): TicketRow => ({
  id,
  office_id: 'o',
  service_id: 's',
  kiosk_id: `k-${id}`,
  client_id: id,
  number: id,
  language: 'id',
  status: 'done',
  needs: sign ? 'sign_language' : '',
  priority: 'normal',
  assigned_agent_id: null,
  created_at: queuedAt,
  queued_at: queuedAt,
  updated_at: queuedAt,
  offered_agent_id: null,
  offer_expires_at: null,
  visit_token: null,
  consented_at: null,
  summary_token: null,
  visitor_note: null,
  earlier_ticket_id: null,
  earlier_consented_at: null,
  earlier_attempts: 0,
});

const created = (id: string, at: number) =>
  row('ticket.created', id, at, { serviceId: 's', priority: 'normal' });

describe('history checkers', () => {
  test('a ticket offered to a second agent while the first still holds it is caught', () => {
    const audit = [
      created('t1', 1),
      row('offer.made', 't1', 2, { agentId: 'a1' }),
      row('offer.made', 't1', 3, { agentId: 'a2' }),
      row('offer.declined', 't1', 4, { agentId: 'a2' }),
    ];
    const found = checkExclusion(audit, []);
    expect(found.map((v) => v.property)).toContain('no ticket in two hands at once');
  });

  test('an agent offered a ticket during a call is caught; a restart closes offers', () => {
    const audit = [
      row('offer.made', 't1', 10, { agentId: 'a1' }),
      row('offer.accepted', 't1', 11, { callId: 'c1' }),
      row('offer.made', 't2', 15, { agentId: 'a1' }),
      row('call.ended', 'c1', 20, { ticketId: 't1', outcome: 'end' }),
      row('offer.made', 't3', 30, { agentId: 'a2' }),
    ];
    const restart = { killAt: 40, order: order + 0.5 };
    const after = row('offer.made', 't3', 50, { agentId: 'a3' });
    const found = checkExclusion([...audit, after], [restart]);
    expect(found.map((v) => v.property)).toEqual(['no agent holds two tickets at once']);
  });

  test('a later ticket offered before an earlier one of the same class and skills is caught', () => {
    const audit = [
      created('t1', 1),
      created('t2', 2),
      row('offer.made', 't2', 3, { agentId: 'a1' }),
    ];
    const found = checkRouting({
      audit,
      tickets: [ticket('t1', 1), ticket('t2', 2)],
      agents: [agent('a1')],
      restarts: [],
      transfers: new Map(),
      slackMs: 0,
    });
    expect(found.map((v) => v.property)).toEqual(['FIFO within a priority class and skill set']);
  });

  test('a BISINDO ticket offered to an agent who does not sign is caught', () => {
    const found = checkRouting({
      audit: [created('t1', 1), row('offer.made', 't1', 2, { agentId: 'a1' })],
      tickets: [ticket('t1', 1, true)],
      agents: [agent('a1', false)],
      restarts: [],
      transfers: new Map(),
      slackMs: 0,
    });
    expect(found.map((v) => v.message)).toEqual([expect.stringContaining('who lacks bisindo')]);
  });

  test('a ticket missing or moved backwards after the restart is caught', () => {
    const done = ticket('t1', 1);
    const found = checkSurvivedKill(
      [done, ticket('t2', 2)],
      [{ ...done, status: 'waiting' }],
      ['t3'],
      new Set(['t3']),
    );
    expect(found).toHaveLength(3);
  });
});
