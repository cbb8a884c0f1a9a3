import { rateLink, steadyQuality, UNSTEADY, type CallQualityReport } from './call-quality.js';
import { sampleLinks, type ReceiveTotals, type StatsEntry } from './link-stats.js';

/** How often a peer-to-peer call measures its link. */
export const QUALITY_INTERVAL_MS = 2000;

/**
 * Measures a peer connection's link every two seconds until the returned function is called.
 * A connection that is not connected is `lost` on both sides; otherwise each side is rated from
 * what it receives. Each side's new level is reported once it held for two samples.
 */
export function watchLinkQuality(
  pc: RTCPeerConnection,
  onQuality: (quality: CallQualityReport) => void,
): () => void {
  let previous: ReceiveTotals | null = null;
  let measuring = false;
  let local = UNSTEADY;
  let remote = UNSTEADY;
  const report = (measured: CallQualityReport) => {
    local = steadyQuality(local, measured.local);
    remote = steadyQuality(remote, measured.remote);
    onQuality({ local: local.reported, remote: remote.reported });
  };
  const measure = async () => {
    if (measuring) return;
    measuring = true;
    try {
      if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') {
        previous = null;
        report({ local: 'lost', remote: 'lost' });
        return;
      }
      if (pc.connectionState !== 'connected') return;
      const entries: StatsEntry[] = [];
      (await pc.getStats()).forEach((entry: StatsEntry) => entries.push(entry));
      const sample = sampleLinks(entries, previous);
      previous = sample.totals;
      report({ local: rateLink(sample.local), remote: rateLink(sample.remote) });
    } finally {
      measuring = false;
    }
  };
  const timer = setInterval(() => void measure().catch(() => undefined), QUALITY_INTERVAL_MS);
  return () => clearInterval(timer);
}
