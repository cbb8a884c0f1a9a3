import type { QueueSnapshot } from '@loket/shared';
import { listAgents } from '../store/repositories/agents.js';
import { listTickets } from '../store/repositories/tickets.js';
import { findActiveCallOf } from '../store/repositories/calls.js';
import { findOffice, listServices } from '../store/repositories/offices.js';
import { todaysCounters } from './counters.js';
import type { ServiceContext } from '../context/context.js';
import { agentView, needsOf } from './views.js';

/** The live queue of an office as a manager sees it; the feed numbers it. */
export async function queueSnapshot(
  ctx: ServiceContext,
  officeId: string,
): Promise<Omit<QueueSnapshot, 'seq'>> {
  const tickets = await listTickets(ctx.db, officeId, ['waiting', 'offered', 'in_call']);
  const agents = await listAgents(ctx.db, officeId);
  const services = new Map((await listServices(ctx.db, officeId)).map((row) => [row.id, row]));
  const rows = await Promise.all(
    tickets.map(async (ticket) => {
      const call =
        ticket.status === 'in_call'
          ? await findActiveCallOf(ctx.db, { kioskId: ticket.kiosk_id })
          : undefined;
      return {
        id: ticket.id,
        number: ticket.number,
        serviceId: ticket.service_id,
        serviceName: {
          id: services.get(ticket.service_id)?.name_id ?? ticket.service_id,
          en: services.get(ticket.service_id)?.name_en ?? ticket.service_id,
        },
        language: ticket.language,
        needs: needsOf(ticket),
        status: ticket.status,
        createdAt: ticket.created_at,
        agentId: call?.agent_id ?? ticket.offered_agent_id,
      };
    }),
  );
  const office = await findOffice(ctx.db, officeId);
  const now = ctx.clock();
  const counters = await todaysCounters(
    ctx.db,
    officeId,
    office?.time_zone ?? 'Asia/Jakarta',
    now,
    ctx.settings.serviceLevel,
  );
  return { at: now, tickets: rows, agents: agents.map(agentView), counters };
}
