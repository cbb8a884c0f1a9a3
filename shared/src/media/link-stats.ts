import type { LinkSample } from './call-quality.js';

/** The fields of an RTCStatsReport entry that connection quality reads. */
export interface StatsEntry {
  type: string;
  id: string;
  packetsReceived?: number;
  packetsLost?: number;
  fractionLost?: number;
  roundTripTime?: number;
  currentRoundTripTime?: number;
  selectedCandidatePairId?: string;
  nominated?: boolean;
  state?: string;
}

/** Packets received and lost so far over every inbound stream. */
export interface ReceiveTotals {
  received: number;
  lost: number;
}

/** Both directions of a peer-to-peer link, and the totals to compare the next sample with. */
export interface LinkSamples {
  /** What this side receives. */
  local: LinkSample;
  /** What the other side receives from this one, as its receiver reports tell. */
  remote: LinkSample;
  totals: ReceiveTotals | null;
}

function selectedPair(entries: StatsEntry[]): StatsEntry | undefined {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    if (entry.type === 'transport' && entry.selectedCandidatePairId) {
      return byId.get(entry.selectedCandidatePairId);
    }
  }
  return entries.find((e) => e.type === 'candidate-pair' && e.nominated && e.state === 'succeeded');
}

function receiveTotals(entries: StatsEntry[]): ReceiveTotals | null {
  const inbound = entries.filter((entry) => entry.type === 'inbound-rtp');
  if (inbound.length === 0) return null;
  return inbound.reduce(
    (sum, entry) => ({
      received: sum.received + (entry.packetsReceived ?? 0),
      lost: sum.lost + (entry.packetsLost ?? 0),
    }),
    { received: 0, lost: 0 },
  );
}

function maxOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function ms(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}

/**
 * Turns one getStats() result into link samples. Loss on this side is counted between two
 * samples, so the first one after joining only has the round trip.
 */
export function sampleLinks(entries: StatsEntry[], previous: ReceiveTotals | null): LinkSamples {
  const pairRoundTripMs = ms(selectedPair(entries)?.currentRoundTripTime);
  const totals = receiveTotals(entries);
  const local: LinkSample = { roundTripMs: pairRoundTripMs };
  if (totals && previous) {
    const received = totals.received - previous.received;
    // Duplicates can make the lost count go down: never count below zero.
    const lost = Math.max(0, totals.lost - previous.lost);
    local.flowing = received > 0;
    if (received + lost > 0) local.loss = lost / (received + lost);
  }
  const reports = entries.filter((entry) => entry.type === 'remote-inbound-rtp');
  const remote: LinkSample = {
    roundTripMs: ms(maxOf(reports.map((report) => report.roundTripTime))) ?? pairRoundTripMs,
    loss: maxOf(reports.map((report) => report.fractionLost)),
  };
  return { local: withoutUnknown(local), remote: withoutUnknown(remote), totals };
}

/** Drops fields that were not measured, so a sample says only what is known. */
function withoutUnknown(sample: LinkSample): LinkSample {
  return Object.fromEntries(
    Object.entries(sample).filter(([, value]) => value !== undefined),
  ) as LinkSample;
}
