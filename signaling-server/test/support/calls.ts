import { randomUUID } from 'node:crypto';
import { nextEvent, type TestServer } from '../harness.js';

/** The demo kiosk, with its first service, and Sari (`petugas1`) available to serve it. */
export async function availableAgent(server: TestServer) {
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no service');
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'available' });
  return { kiosk, agent, serviceId: boot.data.services[0].id };
}

/**
 * A ticket from the demo kiosk for its first service, offered to Sari (`petugas1`, who signs
 * BISINDO and serves every service), ready to be accepted.
 */
export async function offeredTicket(server: TestServer, signLanguage = false) {
  const { kiosk, agent, serviceId } = await availableAgent(server);
  const offered = nextEvent(agent, 'offer:new');
  const created = await kiosk.emitWithAck('ticket:create', {
    clientId: randomUUID(),
    serviceId,
    language: 'id',
    needs: signLanguage ? ['sign_language'] : [],
  });
  if (!created.ok) throw new Error(created.error.code);
  return { kiosk, agent, ticket: created.data.ticket, ticketId: (await offered).ticketId };
}

/** That ticket accepted: a call between the demo kiosk and Sari. */
export async function callInProgress(server: TestServer, signLanguage = false) {
  const offered = await offeredTicket(server, signLanguage);
  const accepted = await offered.agent.emitWithAck('offer:accept', { ticketId: offered.ticketId });
  if (!accepted.ok) throw new Error(accepted.error.code);
  const { call } = accepted.data;
  return { ...offered, ticketNumber: offered.ticket.number, call, callId: call.callId };
}
