import type { QueueCounters } from '@loket/shared';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDuration } from '../../lib/format-duration';
import { formatDecimal, formatPercent } from '../../lib/format-figures';

/** Shown for a figure that cannot be given yet (e.g. no call answered today). */
const NONE = null;

/**
 * Today's figures: waiting now, longest wait, speed of answer, abandonment, service level,
 * call-backs, and the satisfaction index (IKM) from the visitors' surveys.
 */
export function CountersStrip({ counters }: { counters: QueueCounters }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const headingId = useId();
  const share = (value: number | null) => (value === null ? NONE : formatPercent(value, language));
  const figures: { key: string; label: string; value: ReactNode }[] = [
    { key: 'waiting', label: t('counters.waiting'), value: String(counters.waiting) },
    {
      key: 'longest',
      label: t('counters.longestWait'),
      value: formatDuration(counters.longestWaitMs),
    },
    {
      key: 'asa',
      label: t('counters.averageSpeedOfAnswer'),
      value:
        counters.averageSpeedOfAnswerMs === null
          ? NONE
          : formatDuration(counters.averageSpeedOfAnswerMs),
    },
    { key: 'abandoned', label: t('counters.abandonment'), value: share(counters.abandonmentRate) },
    {
      key: 'level',
      label: t('counters.serviceLevel', {
        seconds: Math.round(counters.serviceLevelTargetMs / 1000),
        goal: Math.round(counters.serviceLevelGoal * 100),
      }),
      value: share(counters.serviceLevel),
    },
    { key: 'callbacks', label: t('counters.openCallbacks'), value: String(counters.openCallbacks) },
    {
      key: 'ikm',
      label: t('counters.ikm'),
      value:
        counters.ikm === null ? (
          NONE
        ) : (
          <>
            {formatDecimal(counters.ikm.index, language)}{' '}
            <span className="figure__detail">
              {t('counters.ikmDetail', {
                band: counters.ikm.band,
                count: counters.ikm.respondents,
              })}
            </span>
          </>
        ),
    },
  ];
  return (
    <section className="counters" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('counters.heading')}</h2>
      <dl className="figures">
        {figures.map(({ key, label, value }) => (
          <div key={key} className="figure">
            <dt>{label}</dt>
            <dd>
              {value ?? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('counters.none')}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
