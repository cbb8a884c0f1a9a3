import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetKiosk, ticket } from '../test/fixtures';
import { prepareRoom } from './call-session';
import { prepareCallRoom } from './prepared-room';

vi.mock('./call-session', () => ({ prepareRoom: vi.fn() }));

const ROOM = {
  ticketId: 't-1',
  callId: 'c-1',
  livekit: { url: 'ws://127.0.0.1:7880', token: 'early' },
  signLanguage: true,
};
const loaded = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the room prepared while an officer is offered the ticket', () => {
  beforeEach(() => {
    vi.mocked(prepareRoom).mockReset();
    resetKiosk({ phase: 'waiting', ticket: ticket({ id: 't-1' }) });
  });

  it('is joined for the ticket the kiosk holds', async () => {
    prepareCallRoom(ROOM);
    await loaded();
    expect(prepareRoom).toHaveBeenCalledWith(ROOM);
  });

  it('is ignored for another ticket', async () => {
    prepareCallRoom({ ...ROOM, ticketId: 't-2' });
    await loaded();
    expect(prepareRoom).not.toHaveBeenCalled();
  });

  it('is not joined when the visit ended while the call code loaded', async () => {
    prepareCallRoom(ROOM);
    resetKiosk({ phase: 'attract', ticket: null });
    await loaded();
    expect(prepareRoom).not.toHaveBeenCalled();
  });
});
