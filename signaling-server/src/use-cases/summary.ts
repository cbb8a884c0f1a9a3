import type { VisitorNote, VisitSummary } from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { findLastAgentOfTicket } from '../store/repositories/calls.js';
import { findOffice, findServiceEver } from '../store/repositories/offices.js';
import {
  findTicket,
  findTicketBySummaryToken,
  setVisitorNote,
} from '../store/repositories/tickets.js';
import { findUser } from '../store/repositories/users.js';
import type { Db } from '../store/database.js';
import type { TicketRow } from '../store/schema.js';
import { requirementsOf } from '../read-models/views.js';
import { noteComplaint } from './complaints.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An officer who serves, as their use cases know them. */
interface OfficeUser {
  userId: string;
  officeId: string;
}

/** When a served visit's summary stops being readable: its office's retention after the visit. */
async function summaryEnd(db: Db, ticket: TicketRow): Promise<number> {
  const office = await findOffice(db, ticket.office_id);
  return ticket.updated_at + (office?.summary_retention_days ?? 0) * DAY_MS;
}

/**
 * A served visit's summary by its link's secret: NOT_FOUND for an unknown link or a visit that
 * was not served (yet), GONE once the office's retention period has passed.
 */
export async function visitSummary(ctx: ServiceContext, token: string): Promise<VisitSummary> {
  const ticket = await findTicketBySummaryToken(ctx.db, token);
  const agentId = ticket?.status === 'done' ? await findLastAgentOfTicket(ctx.db, ticket.id) : null;
  if (!ticket || !agentId) throw new LoketError('NOT_FOUND', 'this summary link is not valid');
  const availableUntil = await summaryEnd(ctx.db, ticket);
  if (ctx.clock() >= availableUntil) {
    throw new LoketError('GONE', 'this visit summary was kept for a limited time');
  }
  const [service, officer] = await Promise.all([
    findServiceEver(ctx.db, ticket.service_id),
    findUser(ctx.db, agentId),
  ]);
  return {
    number: ticket.number,
    service: service
      ? { id: service.name_id, en: service.name_en }
      : { id: ticket.number, en: ticket.number },
    language: ticket.language,
    officerFirstName: officer?.display_name.split(/\s+/)[0] || null,
    note: ticket.visitor_note,
    requirements: requirementsOf(service),
    availableUntil,
  };
}

/**
 * The officer who served a visit leaves its visitor a note (or rewrites it) while its summary
 * lives; anyone else's ticket, or one not served, is refused. Audited without the note's text.
 */
export async function writeVisitorNote(
  ctx: ServiceContext,
  agent: OfficeUser,
  input: VisitorNote,
): Promise<null> {
  await inTransaction(ctx, async (trx) => {
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.office_id !== agent.officeId) {
      throw new LoketError('NOT_FOUND', 'no such ticket here');
    }
    if ((await findLastAgentOfTicket(trx, ticket.id)) !== agent.userId) {
      throw new LoketError('FORBIDDEN', 'only the officer who served this visit may write to it');
    }
    if (ticket.status !== 'done') {
      throw new LoketError('INVALID_STATE', 'a note is written once the call is over');
    }
    if (ctx.clock() >= (await summaryEnd(trx, ticket))) {
      throw new LoketError('GONE', 'this visit summary was kept for a limited time');
    }
    await setVisitorNote(trx, ticket.id, input.note);
    if (input.complaint) {
      await noteComplaint(ctx, trx, {
        officeId: ticket.office_id,
        ticketId: ticket.id,
        source: 'note',
        text: input.note,
      });
    }
    await audit(ctx, trx, {
      officeId: agent.officeId,
      by: agent,
      action: 'visit.noted',
      subjectId: ticket.id,
      details: { length: input.note.length },
    });
  });
  return null;
}
