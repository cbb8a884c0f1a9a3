import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startLaporMock, type LaporMock } from '../../test/support/lapor-mock.js';
import { ChannelRefused, ChannelUnavailable } from './channel.js';
import { LaporChannel } from './lapor-channel.js';

let mock: LaporMock;
let channel: LaporChannel;
beforeEach(async () => {
  mock = await startLaporMock();
  // Generous: a loaded test machine must not turn a slow answer into a timeout.
  channel = new LaporChannel({ url: `${mock.url}/`, token: mock.token, timeoutMs: 5_000 });
});
afterEach(() => mock.stop());

const complaint = {
  id: 'c-1',
  text: 'Antrean terlalu lama dan petugas tidak ramah.',
  writtenAt: Date.parse('2026-12-04T03:00:00Z'),
  officeName: 'Kantor Contoh',
  serviceName: 'Pengaduan',
};

describe('the SP4N-LAPOR! adapter against a local mock of its API', () => {
  test('a forwarded complaint comes back with its tracking id, and LAPOR! gets the words, not the visitor', async () => {
    expect(await channel.forward(complaint)).toEqual({ trackingId: 'LPR0000001' });
    expect(mock.received).toEqual([
      {
        trackingId: 'LPR0000001',
        idempotencyKey: 'c-1',
        body: {
          externalId: 'c-1',
          classification: 'pengaduan',
          content: complaint.text,
          occurredAt: '2026-12-04T03:00:00.000Z',
          agency: 'Kantor Contoh',
          service: 'Pengaduan',
          anonymous: true,
        },
      },
    ]);
  });

  test('a complaint sent again after a lost answer keeps its one tracking id', async () => {
    await channel.forward(complaint);
    expect(await channel.forward(complaint)).toEqual({ trackingId: 'LPR0000001' });
    expect(mock.received).toHaveLength(1);
  });

  test('a LAPOR! that does not answer in time is unavailable', async () => {
    mock.failNext({ kind: 'timeout' });
    const impatient = new LaporChannel({ url: mock.url, token: mock.token, timeoutMs: 300 });
    await expect(impatient.forward(complaint)).rejects.toBeInstanceOf(ChannelUnavailable);
  });

  test('a LAPOR! failing on its side (5xx) is unavailable', async () => {
    mock.failNext({ kind: 'server-error' });
    await expect(channel.forward(complaint)).rejects.toBeInstanceOf(ChannelUnavailable);
  });

  test('a LAPOR! that cannot be reached at all is unavailable', async () => {
    await mock.stop();
    await expect(channel.forward(complaint)).rejects.toBeInstanceOf(ChannelUnavailable);
    mock = await startLaporMock();
  });

  test('a refusal (4xx) carries LAPOR!’s reason', async () => {
    mock.failNext({ kind: 'refuse', message: 'isi laporan terlalu pendek' });
    await expect(channel.forward(complaint)).rejects.toEqual(
      new ChannelRefused('isi laporan terlalu pendek'),
    );
  });

  test('a wrong API key is refused, not retried', async () => {
    const wrong = new LaporChannel({ url: mock.url, token: 'not-the-key', timeoutMs: 5_000 });
    await expect(wrong.forward(complaint)).rejects.toEqual(new ChannelRefused('invalid API key'));
  });

  test('the status of a complaint says whether LAPOR! closed it', async () => {
    const { trackingId } = await channel.forward(complaint);
    expect(await channel.status(trackingId)).toEqual({ stage: 'verification', closed: false });
    mock.close(trackingId);
    expect(await channel.status(trackingId)).toEqual({ stage: 'completed', closed: true });
  });
});
