import { describe, expect, test } from 'vitest';
import { sampleLinks, type StatsEntry } from './link-stats.js';

const pair: StatsEntry[] = [
  { type: 'transport', id: 'T1', selectedCandidatePairId: 'CP1' },
  { type: 'candidate-pair', id: 'CP0', currentRoundTripTime: 0.9 },
  { type: 'candidate-pair', id: 'CP1', currentRoundTripTime: 0.05 },
];
const inbound = (received: number, lost: number): StatsEntry[] => [
  { type: 'inbound-rtp', id: 'IA', packetsReceived: received / 2, packetsLost: lost },
  { type: 'inbound-rtp', id: 'IV', packetsReceived: received / 2, packetsLost: 0 },
];

describe('sampleLinks', () => {
  test('the first sample has the selected pair’s round trip and no loss yet', () => {
    const { local, remote, totals } = sampleLinks([...pair, ...inbound(100, 2)], null);
    expect(local).toEqual({ roundTripMs: 50 });
    expect(remote).toEqual({ roundTripMs: 50 });
    expect(totals).toEqual({ received: 100, lost: 2 });
  });

  test.each([
    {
      name: 'loss is counted since the previous sample',
      now: [300, 12],
      loss: 10 / 210,
      flowing: true,
    },
    {
      name: 'nothing new arrived: media stopped flowing',
      now: [100, 2],
      loss: undefined,
      flowing: false,
    },
    { name: 'everything sent was lost', now: [100, 22], loss: 1, flowing: false },
    { name: 'a lower lost count (duplicates) is no loss', now: [200, 0], loss: 0, flowing: true },
  ])('$name', ({ now, loss, flowing }) => {
    const [received, lost] = now as [number, number];
    const { local } = sampleLinks([...pair, ...inbound(received, lost)], {
      received: 100,
      lost: 2,
    });
    expect(local.flowing).toBe(flowing);
    expect(local.loss).toBe(loss);
  });

  test('the other side’s link comes from its receiver reports, the worst stream counting', () => {
    const reports: StatsEntry[] = [
      { type: 'remote-inbound-rtp', id: 'RA', fractionLost: 0.01, roundTripTime: 0.08 },
      { type: 'remote-inbound-rtp', id: 'RV', fractionLost: 0.12, roundTripTime: 0.07 },
    ];
    expect(sampleLinks([...pair, ...reports], null).remote).toEqual({
      roundTripMs: 80,
      loss: 0.12,
    });
  });

  test('without a transport entry the nominated, succeeded pair is used', () => {
    const entries: StatsEntry[] = [
      {
        type: 'candidate-pair',
        id: 'A',
        nominated: false,
        state: 'succeeded',
        currentRoundTripTime: 1,
      },
      {
        type: 'candidate-pair',
        id: 'B',
        nominated: true,
        state: 'succeeded',
        currentRoundTripTime: 0.2,
      },
    ];
    expect(sampleLinks(entries, null)).toEqual({
      local: { roundTripMs: 200 },
      remote: { roundTripMs: 200 },
      totals: null,
    });
  });

  test('with no statistics at all nothing is known', () => {
    expect(sampleLinks([], null)).toEqual({ local: {}, remote: {}, totals: null });
  });
});
