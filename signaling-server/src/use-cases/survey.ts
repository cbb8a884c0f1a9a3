import type { SubmitSurvey } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { surveyColumns } from '../read-models/survey-answers.js';
import { findLastAgentOfTicket } from '../store/repositories/calls.js';
import { hasSurvey, insertSurvey } from '../store/repositories/surveys.js';
import { findTicket } from '../store/repositories/tickets.js';
import { noteComplaint } from './complaints.js';

/**
 * A visitor's SKM answers (and comment) after a served visit at this kiosk: refused for a visit this kiosk did
 * not serve (or that is not over), and for a visit that has its survey already. The office's
 * dashboards hear of it: today's index changes.
 */
export async function submitSurvey(
  ctx: ServiceContext,
  kiosk: { kioskId: string; officeId: string },
  survey: SubmitSurvey,
): Promise<null> {
  await inTransaction(ctx, async (trx, outbox) => {
    const ticket = await findTicket(trx, survey.ticketId);
    if (!ticket || ticket.kiosk_id !== kiosk.kioskId) {
      throw new LoketError('NOT_FOUND', 'no such visit at this kiosk');
    }
    if (ticket.status !== 'done') {
      throw new LoketError('INVALID_STATE', `a ${ticket.status} visit takes no survey`);
    }
    if (await hasSurvey(trx, ticket.id)) {
      throw new LoketError('INVALID_STATE', 'this visit has its survey already');
    }
    await insertSurvey(trx, {
      id: ctx.ids(),
      office_id: ticket.office_id,
      ticket_id: ticket.id,
      kiosk_id: ticket.kiosk_id,
      service_id: ticket.service_id,
      agent_id: await findLastAgentOfTicket(trx, ticket.id),
      language: ticket.language,
      created_at: ctx.clock(),
      overall: survey.overall,
      ...surveyColumns(survey.scores),
      comment: survey.comment ?? null,
      comment_erased_at: null,
    });
    if (survey.complaint && survey.comment) {
      await noteComplaint(ctx, trx, {
        officeId: ticket.office_id,
        ticketId: ticket.id,
        source: 'survey',
        text: survey.comment,
      });
    }
    outbox.figuresChanged(ticket.office_id);
  });
  return null;
}
