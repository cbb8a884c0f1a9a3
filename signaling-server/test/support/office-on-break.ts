import { randomUUID } from 'node:crypto';
import type { KioskBootstrap, Language, TicketView } from '@loket/shared';
import type { AgentSocket, KioskSocket, TestServer } from '../harness.js';

/** An office open for tickets that nobody is called for yet, and a way to take them. */
export interface OfficeOnBreak {
  /** Signed in and on a break: the office takes tickets, and none is offered. */
  agent: AgentSocket;
  /** The demo kiosk, bootstrapped. */
  kiosk: KioskSocket;
  boot: KioskBootstrap;
  /** Takes a ticket for the office's first service at `at` (the demo kiosk unless given). */
  take(at?: KioskSocket, language?: Language): Promise<TicketView>;
}

/** Signs the demo officer in on a break and bootstraps the demo kiosk of `server`. */
export async function officeOnBreak(server: TestServer): Promise<OfficeOnBreak> {
  const agent = await server.agent(await server.login('petugas1'));
  await agent.emitWithAck('agent:setStatus', { status: 'away' });
  const kiosk = await server.kiosk();
  const boot = await kiosk.emitWithAck('kiosk:bootstrap', {});
  if (!boot.ok || !boot.data.services[0]) throw new Error('no bootstrap');
  const serviceId = boot.data.services[0].id;
  return {
    agent,
    kiosk,
    boot: boot.data,
    async take(at = kiosk, language = 'id') {
      const created = await at.emitWithAck('ticket:create', {
        clientId: randomUUID(),
        serviceId,
        language,
      });
      if (!created.ok) throw new Error(created.error.code);
      return created.data.ticket;
    },
  };
}
