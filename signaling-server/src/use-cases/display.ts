import type { DisplayBoard, DisplayTicket } from '@loket/shared';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { loadOfficeQueue, queueFacts } from '../queue/office-queue.js';
import { listOfficeKiosks } from '../store/repositories/kiosks.js';
import { findOffice, listSomeOfficeIds } from '../store/repositories/offices.js';
import { listTickets } from '../store/repositories/tickets.js';
import type { TicketRow } from '../store/schema.js';
import { asksToReturn } from './visit.js';

/** The office a display names, or the server's only one when it names none. */
async function officeOfDisplay(ctx: ServiceContext, officeId: string | undefined) {
  const ids = officeId ? [officeId] : await listSomeOfficeIds(ctx.db);
  const id = ids.length === 1 ? ids[0] : undefined;
  const office = id ? await findOffice(ctx.db, id) : undefined;
  if (!office) {
    throw new LoketError(
      'NOT_FOUND',
      officeId ? 'no such office' : 'this server has several offices: name one',
    );
  }
  return office;
}

/**
 * A lobby display's board: the numbers asked back to their kiosk, by the phone page's rule (next
 * in their queue, or an officer taking the ticket), and the numbers in a call now. Ticket numbers
 * and kiosk names only: nothing of the visitor.
 */
export async function displayBoard(
  ctx: ServiceContext,
  officeId: string | undefined,
): Promise<DisplayBoard> {
  const office = await officeOfDisplay(ctx, officeId);
  const [queue, taken, kiosks] = await Promise.all([
    loadOfficeQueue(ctx.db, ctx.skills, office.id),
    listTickets(ctx.db, office.id, ['offered', 'in_call']),
    listOfficeKiosks(ctx.db, office.id),
  ]);
  const kioskNames = new Map(kiosks.map((kiosk) => [kiosk.id, kiosk.name]));
  const shown = (ticket: TicketRow): DisplayTicket => ({
    number: ticket.number,
    kioskName: kioskNames.get(ticket.kiosk_id) ?? '',
  });
  const facts = queueFacts(queue);
  const called = queue.waiting.filter((ticket) =>
    asksToReturn(ticket.status, facts.get(ticket.id)?.position ?? null),
  );
  const byAge = (a: TicketRow, b: TicketRow) => a.created_at - b.created_at;
  return {
    office: { id: office.name_id, en: office.name_en },
    callNow: [...called, ...taken.filter((t) => t.status === 'offered')].sort(byAge).map(shown),
    serving: taken
      .filter((t) => t.status === 'in_call')
      .sort(byAge)
      .map(shown),
  };
}
