import { isWorthAnnouncing, type CallQuality } from '@loket/shared/media';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';

/** Bars lit per quality: the level shows as a picture and in words, never by colour alone. */
const BARS: Record<CallQuality, number> = { unknown: 0, good: 3, fair: 2, poor: 1, lost: 0 };

/**
 * Whether the latest change of `quality` is to be announced. It stays so until the level changes
 * again, so the live region never tells a level other than the current one.
 */
function useAnnounced(quality: CallQuality): boolean {
  const [seen, setSeen] = useState({ quality, announced: false });
  if (seen.quality === quality) return seen.announced;
  const announced = isWorthAnnouncing(seen.quality, quality);
  setSeen({ quality, announced });
  return announced;
}

function QualityLine({ side, quality }: { side: 'local' | 'remote'; quality: CallQuality }) {
  const { t } = useTranslation();
  const announced = useAnnounced(quality);
  const text = t(`call.quality.${side}`, { level: t(`call.quality.level.${quality}`) });
  return (
    <>
      <p className={`quality quality-${quality}`}>
        <svg className="quality-bars" viewBox="0 0 36 30" aria-hidden="true" focusable="false">
          {[0, 1, 2].map((bar) => (
            <rect
              key={bar}
              x={2 + bar * 12}
              y={20 - bar * 9}
              width="8"
              height={8 + bar * 9}
              rx="1"
              className={bar < BARS[quality] ? 'quality-bar quality-bar-lit' : 'quality-bar'}
            />
          ))}
        </svg>
        {text}
      </p>
      <p role="status" className="visually-hidden">
        {announced && text}
      </p>
    </>
  );
}

/**
 * The agent's own connection and the visitor's, shown as bars and words. Only a fall to poor or
 * lost, and the recovery from it, is announced (politely): a link wavering between good and fair
 * would otherwise talk over the conversation.
 */
export function ConnectionQuality() {
  const { local, remote } = useCallMedia().quality;
  return (
    <div className="call-quality">
      <QualityLine side="local" quality={local} />
      <QualityLine side="remote" quality={remote} />
    </div>
  );
}
