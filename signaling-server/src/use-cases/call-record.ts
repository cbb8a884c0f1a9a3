import {
  DEFAULT_DISPOSITIONS,
  DispositionList,
  type CallRecord,
  type Disposition,
  type DispositionsBody,
} from '@loket/shared';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { inTransaction } from '../context/transaction.js';
import { findAgent, lockAgent } from '../store/repositories/agents.js';
import {
  findAgentCallOfTicket,
  dispositionsInUse,
  findLastEndedCall,
  setCallRecord,
} from '../store/repositories/calls.js';
import { findOffice, setOfficeDispositions } from '../store/repositories/offices.js';
import { findTicket } from '../store/repositories/tickets.js';
import type { OfficeRow } from '../store/schema.js';
import { admitUser } from './session.js';

/** An officer who serves, as their use cases know them. */
interface OfficeUser {
  userId: string;
  officeId: string;
}

/** The outcomes officers of an office pick from: its own list, or the default one. */
export function dispositionsOf(office: OfficeRow | undefined): Disposition[] {
  if (!office?.dispositions) return [...DEFAULT_DISPOSITIONS];
  const parsed = DispositionList.safeParse(JSON.parse(office.dispositions));
  return parsed.success ? parsed.data : [...DEFAULT_DISPOSITIONS];
}

/**
 * The officer of a call keeps notes on it while it lasts and through their wrap-up, and picks its
 * outcome from the office's list once it is over. Anyone else, a call whose wrap-up is over, or an
 * outcome the office does not list, is refused. Audited without the notes' words.
 */
export async function recordCall(
  ctx: ServiceContext,
  agent: OfficeUser,
  input: CallRecord,
): Promise<null> {
  await inTransaction(ctx, async (trx) => {
    // The agent's row first, as every change to an agent takes it: their wrap-up cannot end
    // between the check below and the write.
    await lockAgent(trx, agent.userId);
    const ticket = await findTicket(trx, input.ticketId);
    if (!ticket || ticket.office_id !== agent.officeId) {
      throw new LoketError('NOT_FOUND', 'no such ticket here');
    }
    const call = await findAgentCallOfTicket(trx, ticket.id, agent.userId);
    if (!call)
      throw new LoketError('FORBIDDEN', 'only the officer who served this visit records it');
    const me = await findAgent(trx, agent.userId);
    const wrappingUp =
      me?.status === 'wrap_up' && (await findLastEndedCall(trx, agent.userId))?.id === call.id;
    if (call.ended_at !== null && !wrappingUp) {
      throw new LoketError('INVALID_STATE', 'a call is recorded during it and its wrap-up');
    }
    if (input.disposition !== undefined) {
      if (call.ended_at === null) {
        throw new LoketError('INVALID_STATE', 'the outcome is picked once the call is over');
      }
      const listed = dispositionsOf(await findOffice(trx, agent.officeId));
      if (!listed.some((d) => d.id === input.disposition && !d.retired)) {
        throw new LoketError('BAD_REQUEST', 'the office does not offer this outcome');
      }
    }
    const notes = input.notes === undefined ? undefined : input.notes || null;
    await setCallRecord(trx, call.id, {
      ...(notes !== undefined && { notes }),
      ...(input.disposition !== undefined && { disposition: input.disposition }),
    });
    await audit(ctx, trx, {
      officeId: agent.officeId,
      by: agent,
      action: 'call.recorded',
      subjectId: call.id,
      details: {
        ...(notes !== undefined && { notesLength: notes?.length ?? 0 }),
        ...(input.disposition !== undefined && { disposition: input.disposition }),
      },
    });
  });
  return null;
}

/** The outcomes of the signed-in manager's (or administrator's) office. */
export async function readDispositions(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<DispositionsBody> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  const office = await findOffice(ctx.db, actor.officeId);
  return { dispositions: dispositionsOf(office), version: office?.dispositions_version ?? 1 };
}

/**
 * A manager (or administrator) replaces their office's outcomes, from the version they read
 * (CHANGED_ELSEWHERE when someone saved since); audited with the new ids. An outcome that calls
 * were closed with may be retired, not left out: IN_USE names it.
 */
export async function replaceDispositions(
  ctx: ServiceContext,
  token: string | undefined,
  body: DispositionsBody,
): Promise<DispositionsBody> {
  const actor = await admitUser(ctx, token, ['manager', 'admin']);
  await inTransaction(ctx, async (trx) => {
    const kept = new Set(body.dispositions.map((d) => d.id));
    const dropped = dispositionsOf(await findOffice(trx, actor.officeId))
      .map((d) => d.id)
      .filter((id) => !kept.has(id));
    const used = await dispositionsInUse(trx, actor.officeId, dropped);
    if (used.length > 0) {
      throw new LoketError('IN_USE', `visits have these outcomes: ${used.join(', ')}`);
    }
    const json = JSON.stringify(body.dispositions);
    if (!(await setOfficeDispositions(trx, actor.officeId, json, body.version))) {
      throw new LoketError('CHANGED_ELSEWHERE', 'the outcomes were changed by someone else');
    }
    await audit(ctx, trx, {
      officeId: actor.officeId,
      by: actor,
      action: 'dispositions.changed',
      subjectId: null,
      details: { ids: body.dispositions.map((d) => d.id) },
    });
  });
  return { dispositions: body.dispositions, version: body.version + 1 };
}
