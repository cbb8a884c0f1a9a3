import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetKiosk, ticket } from '../test/fixtures';
import { prepareMedia } from './call-session';
import { prepareCallMedia } from './prepared-room';

vi.mock('./call-session', () => ({ prepareMedia: vi.fn() }));

const ROOM = {
  ticketId: 't-1',
  callId: 'c-1',
  livekit: { url: 'ws://127.0.0.1:7880', token: 'early' },
  signLanguage: true,
};
const loaded = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the room prepared while an officer is offered the ticket', () => {
  beforeEach(() => {
    vi.mocked(prepareMedia).mockReset();
    resetKiosk({ phase: 'waiting', ticket: ticket({ id: 't-1' }) });
  });

  it('is joined for the ticket the kiosk holds', async () => {
    prepareCallMedia(ROOM);
    await loaded();
    expect(prepareMedia).toHaveBeenCalledWith(ROOM);
  });

  it('is ignored for another ticket', async () => {
    prepareCallMedia({ ...ROOM, ticketId: 't-2' });
    await loaded();
    expect(prepareMedia).not.toHaveBeenCalled();
  });

  it('is not joined when the visit ended while the call code loaded', async () => {
    prepareCallMedia(ROOM);
    resetKiosk({ phase: 'attract', ticket: null });
    await loaded();
    expect(prepareMedia).not.toHaveBeenCalled();
  });
});
