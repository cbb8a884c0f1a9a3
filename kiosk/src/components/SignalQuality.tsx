import {
  isWorthAnnouncing,
  worstQuality,
  type CallQuality,
  type CallQualityReport,
} from '@loket/shared/media';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Bars lit per quality, like a phone's signal: a picture people know without reading. */
const BARS: Record<CallQuality, number> = { unknown: 0, good: 3, fair: 2, poor: 1, lost: 0 };

/**
 * Whether the latest change of `level` is to be announced. It stays so until the level changes
 * again, so the live region never tells a level other than the current one.
 */
function useAnnounced(level: CallQuality): boolean {
  const [seen, setSeen] = useState({ level, announced: false });
  if (seen.level === level) return seen.announced;
  const announced = isWorthAnnouncing(seen.level, level);
  setSeen({ level, announced });
  return announced;
}

/**
 * How well the call's video travels, as signal bars and two or three words, for the worse of
 * both sides: the visitor cannot fix either, but knows why the picture stutters. Only a fall to
 * weak or lost, and the recovery from it, is announced: a signal wavering between good and fair
 * would otherwise talk over the officer.
 */
export function SignalQuality({ quality }: { quality: CallQualityReport }) {
  const { t } = useTranslation();
  const level = worstQuality(quality);
  const announced = useAnnounced(level);
  const lit = BARS[level];
  return (
    <>
      <p className={`signal signal--${level}`}>
        <svg className="signal__bars" viewBox="0 0 36 30" aria-hidden="true" focusable="false">
          {[0, 1, 2].map((bar) => (
            <rect
              key={bar}
              x={2 + bar * 12}
              y={20 - bar * 9}
              width="8"
              height={8 + bar * 9}
              rx="1"
              className={bar < lit ? 'signal__bar signal__bar--lit' : 'signal__bar'}
            />
          ))}
          {level === 'lost' && <path className="signal__cross" d="M4 4l12 12M16 4 4 16" />}
        </svg>
        {t(`call.signal.${level}`)}
      </p>
      <p role="status" className="visually-hidden">
        {announced && t(`call.signal.${level}`)}
      </p>
    </>
  );
}
