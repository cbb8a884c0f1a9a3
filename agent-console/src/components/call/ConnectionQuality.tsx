import type { CallQuality } from '@loket/shared/media';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/useConsole';

/** Bars lit per quality: the level shows as a picture and in words, never by colour alone. */
const BARS: Record<CallQuality, number> = { unknown: 0, good: 3, fair: 2, poor: 1, lost: 0 };

function QualityLine({ side, quality }: { side: 'local' | 'remote'; quality: CallQuality }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`quality quality-${quality}`}>
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
      {t(`call.quality.${side}`, { level: t(`call.quality.level.${quality}`) })}
    </p>
  );
}

/**
 * The agent's own connection and the visitor's, each a polite live region: a link that degrades
 * is announced without interrupting the conversation.
 */
export function ConnectionQuality() {
  const { local, remote } = useConsole((state) => state.callQuality);
  return (
    <div className="call-quality">
      <QualityLine side="local" quality={local} />
      <QualityLine side="remote" quality={remote} />
    </div>
  );
}
