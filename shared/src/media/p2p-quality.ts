import { rateLink, type CallQualityReport } from './call-quality.js';
import { sampleLinks, type ReceiveTotals, type StatsEntry } from './link-stats.js';

/** How often a peer-to-peer call measures its link. */
export const QUALITY_INTERVAL_MS = 2000;

/**
 * Measures a peer connection's link every two seconds until the returned function is called.
 * A connection that is not connected is `lost` on both sides; otherwise each side is rated from
 * what it receives.
 */
export function watchLinkQuality(
  pc: RTCPeerConnection,
  onQuality: (quality: CallQualityReport) => void,
): () => void {
  let previous: ReceiveTotals | null = null;
  let measuring = false;
  const measure = async () => {
    if (measuring) return;
    measuring = true;
    try {
      if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') {
        previous = null;
        onQuality({ local: 'lost', remote: 'lost' });
        return;
      }
      if (pc.connectionState !== 'connected') return;
      const entries: StatsEntry[] = [];
      (await pc.getStats()).forEach((entry: StatsEntry) => entries.push(entry));
      const { local, remote, totals } = sampleLinks(entries, previous);
      previous = totals;
      onQuality({ local: rateLink(local), remote: rateLink(remote) });
    } finally {
      measuring = false;
    }
  };
  const timer = setInterval(() => void measure().catch(() => undefined), QUALITY_INTERVAL_MS);
  return () => clearInterval(timer);
}
