import type { TicketRow } from '../../src/store/schema.js';

/**
 * A ticket as the store keeps it, for tests that write tickets directly: what identifies it and
 * where it stands given, the rest as a fresh waiting ticket without links, tokens or notes has it.
 */
export function ticketRow(
  fields: Pick<TicketRow, 'id' | 'office_id' | 'service_id' | 'kiosk_id' | 'queued_at'> &
    Partial<TicketRow>,
): TicketRow {
  return {
    client_id: fields.id,
    number: fields.id,
    language: 'id',
    status: 'waiting',
    needs: '',
    priority: 'normal',
    assigned_agent_id: null,
    created_at: fields.queued_at,
    updated_at: fields.queued_at,
    offered_agent_id: null,
    offer_expires_at: null,
    visit_token: null,
    consented_at: fields.queued_at,
    summary_token: null,
    visitor_note: null,
    earlier_ticket_id: null,
    earlier_consented_at: null,
    earlier_attempts: 0,
    ...fields,
  };
}
