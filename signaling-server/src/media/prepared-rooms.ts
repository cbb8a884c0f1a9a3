import type { createClient } from 'redis';

/** The room opened for a ticket's ringing offer: its call and the agent it was offered to. */
export interface PreparedRoom {
  callId: string;
  agentId: string;
  /**
   * When the offer expires (peer-to-peer): what tells one offer of a ticket from the next when
   * a declined or expired ticket is offered to the same agent again.
   */
  offerExpiresAt?: number;
}

/** The ringing offer a prepared room must have been made for. */
export interface RingingOffer {
  agentId: string;
  expiresAt: number | null;
}

/**
 * The call of the ticket's prepared room, if there is one; given `offer`, only if the room was
 * prepared for it. A ticket offered again is noted as offered before its new call replaces the
 * old one, so the old call must not pass for the new offer's.
 */
export async function preparedCall(
  prepared: PreparedRooms,
  ticketId: string,
  offer?: RingingOffer,
): Promise<string | null> {
  const room = await prepared.of(ticketId);
  if (!room) return null;
  if (!offer) return room.callId;
  if (room.agentId !== offer.agentId) return null;
  return (room.offerExpiresAt ?? null) === offer.expiresAt ? room.callId : null;
}

/**
 * Where prepared rooms are kept. One process keeps them in memory; instances of a cluster keep
 * them in Redis, since the offer may be made on one and accepted on another.
 */
export interface PreparedRooms {
  /** Records a ticket's room for `keepMs`; returns the room it replaces, if any. */
  put(ticketId: string, room: PreparedRoom, keepMs: number): Promise<PreparedRoom | null>;
  of(ticketId: string): Promise<PreparedRoom | null>;
  /** The ticket's call if its room was prepared for this agent; only one caller gets it. */
  take(ticketId: string, agentId: string): Promise<string | null>;
  /** Forgets the ticket's room if it is still this call's; true when it was (nobody took it). */
  drop(ticketId: string, callId: string): Promise<boolean>;
}

/** Prepared rooms of one process. */
export function memoryPreparedRooms(): PreparedRooms {
  const rooms = new Map<string, PreparedRoom>();
  return {
    put(ticketId, room) {
      const previous = rooms.get(ticketId) ?? null;
      rooms.set(ticketId, room);
      return Promise.resolve(previous);
    },
    of: (ticketId) => Promise.resolve(rooms.get(ticketId) ?? null),
    take(ticketId, agentId) {
      const room = rooms.get(ticketId);
      if (room?.agentId !== agentId) return Promise.resolve(null);
      rooms.delete(ticketId);
      return Promise.resolve(room.callId);
    },
    drop(ticketId, callId) {
      if (rooms.get(ticketId)?.callId !== callId) return Promise.resolve(false);
      rooms.delete(ticketId);
      return Promise.resolve(true);
    },
  };
}

type Redis = ReturnType<typeof createClient>;

/** Deletes the key when its room's `field` is the given value, and answers the call id. */
const TAKE_IF = `
local value = redis.call('GET', KEYS[1])
if not value then return false end
local room = cjson.decode(value)
if room[ARGV[1]] ~= ARGV[2] then return false end
redis.call('DEL', KEYS[1])
return room.callId`;

/** A room outlives its offer in Redis by this much, so the instance that made it drops it. */
const REDIS_MARGIN_MS = 60_000;

/** Prepared rooms every instance sharing this Redis sees. */
export function redisPreparedRooms(redis: Redis): PreparedRooms {
  const key = (ticketId: string) => `loket:prepared-room:${ticketId}`;
  const parse = (value: string | null): PreparedRoom | null =>
    value ? (JSON.parse(value) as PreparedRoom) : null;
  const takeIf = async (ticketId: string, field: keyof PreparedRoom, value: string) =>
    ((await redis.eval(TAKE_IF, { keys: [key(ticketId)], arguments: [field, value] })) as
      string | null) ?? null;
  return {
    async put(ticketId, room, keepMs) {
      const previous = await redis.set(key(ticketId), JSON.stringify(room), {
        PX: keepMs + REDIS_MARGIN_MS,
        GET: true,
      });
      return parse(typeof previous === 'string' ? previous : null);
    },
    of: async (ticketId) => parse(await redis.get(key(ticketId))),
    take: (ticketId, agentId) => takeIf(ticketId, 'agentId', agentId),
    drop: async (ticketId, callId) => (await takeIf(ticketId, 'callId', callId)) !== null,
  };
}
