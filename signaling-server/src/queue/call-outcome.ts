import type { CallEndReason } from '@loket/shared';
import { nextHandleAverage } from '../core/eta.js';
import { ticketTransition } from '../core/ticket-machine.js';
import { audit, type AuditedBy } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import type { Outbox } from '../context/outbox.js';
import { ticketView } from '../read-models/views.js';
import type { Db } from '../store/database.js';
import { endCall as markEnded } from '../store/repositories/calls.js';
import { findService, setHandleAverage } from '../store/repositories/offices.js';
import { lockAgent } from '../store/repositories/agents.js';
import { lockTicket, type TicketChange } from '../store/repositories/tickets.js';
import { clearMediaGrace, setTimer } from '../store/repositories/timers.js';
import type { CallRow } from '../store/schema.js';
import { moveAgentBy } from './agent-moves.js';
import { changeTicket } from './ticket-moves.js';

/**
 * How a call ends for its ticket and agent: `end` (either party hung up: ticket done, agent to
 * wrap-up), `abandon` (the kiosk never came back: ticket abandoned, agent to wrap-up),
 * `requeue` (the console never came back: the visitor waits again at the front, agent offline)
 * or `return` (the media failed under both: the visitor waits again at the front, the agent,
 * still here, goes to wrap-up). An agent whose console is gone goes offline rather than to
 * wrap-up, whatever the outcome.
 */
export type CallOutcome =
  | { kind: 'end' }
  | { kind: 'abandon' }
  | { kind: 'requeue' }
  | { kind: 'return' }
  /** The agent moved the visitor: they wait at the front for another service or officer. */
  | { kind: 'transfer'; serviceId: string; agentId: string | null };

/** What an outcome that puts the visitor back in the queue changes of their ticket. */
function requeueChange(outcome: CallOutcome): Omit<TicketChange, 'updated_at'> {
  return {
    priority: 'transfer',
    offered_agent_id: null,
    ...(outcome.kind === 'transfer'
      ? { service_id: outcome.serviceId, assigned_agent_id: outcome.agentId }
      : {}),
  };
}

/** Ends a call inside a transaction; false when it had already ended. */
export async function finishCall(
  ctx: ServiceContext,
  trx: Db,
  outbox: Outbox,
  call: CallRow,
  outcome: CallOutcome,
  reason: CallEndReason,
  by: AuditedBy,
): Promise<boolean> {
  const now = ctx.clock();
  // Rows in the lock order of context/transaction.ts: ticket, agent, call, timers.
  const ticket = await lockTicket(trx, call.ticket_id);
  await lockAgent(trx, call.agent_id);
  if (!(await markEnded(trx, call.id, now, reason))) return false;
  const requeued =
    outcome.kind === 'requeue' || outcome.kind === 'return' || outcome.kind === 'transfer';
  const move = ticket && ticketTransition(ticket.status, requeued ? 'requeue' : outcome.kind);
  if (ticket && move?.ok) {
    const change = { status: move.next, updated_at: now, ...(requeued && requeueChange(outcome)) };
    const updated = await changeTicket(trx, outbox, ticket, change);
    if (!requeued) outbox.add((n) => n.ticketUpdated(ticket.kiosk_id, ticketView(updated, null)));
  }
  // An officer whose console is gone has no wrap-up to do, and no visitor may count on them.
  const agentGone =
    outcome.kind === 'requeue' || !(await ctx.presence.agentConnected(call.agent_id));
  if (agentGone) {
    await moveAgentBy(trx, outbox, call.agent_id, 'lose', now);
  } else {
    await moveAgentBy(trx, outbox, call.agent_id, 'endCall', now);
    await setTimer(trx, {
      id: ctx.ids(),
      office_id: call.office_id,
      kind: 'wrap_up_end',
      ref_id: call.agent_id,
      due_at: now + ctx.settings.wrapUpMs,
    });
  }
  await clearMediaGrace(trx, call.id);
  if (outcome.kind !== 'requeue') {
    const service = ticket && (await findService(trx, call.office_id, ticket.service_id));
    if (service) {
      const average = nextHandleAverage(service.avg_handle_ms, now - call.started_at);
      await setHandleAverage(trx, service.id, average);
      // Wait estimates of those still waiting follow the new average.
      outbox.queueChanged(call.office_id);
    }
  }
  await audit(ctx, trx, {
    officeId: call.office_id,
    by,
    action: 'call.ended',
    subjectId: call.id,
    details: { reason, outcome: outcome.kind, ticketId: call.ticket_id },
  });
  outbox.measure((t) =>
    t.callEnded(call.office_id, call.transport, reason, Math.max(0, now - call.started_at)),
  );
  outbox.add((n) =>
    n.callEnded({ kioskId: call.kiosk_id, agentId: call.agent_id }, { callId: call.id, reason }),
  );
  return true;
}
