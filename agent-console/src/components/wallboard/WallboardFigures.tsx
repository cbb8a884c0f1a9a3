import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDuration } from '../../lib/format-duration';
import { formatDecimal, formatPercent } from '../../lib/format-figures';
import type { WallboardFigures as Figures } from '../../lib/wallboard-figures';

interface Figure {
  key: string;
  label: string;
  value: ReactNode;
  /** What the figure rests on, in smaller type beneath it. */
  detail?: string;
}

/** The live figures in type large enough to read across a room; waiting and longest wait lead. */
export function WallboardFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const captionId = useId();
  const rows: Figure[] = [
    { key: 'waiting', label: t('wallboard.waiting'), value: String(figures.waiting) },
    {
      key: 'longest',
      label: t('wallboard.longestWait'),
      value: formatDuration(figures.longestWaitMs),
    },
    {
      key: 'onDuty',
      label: t('wallboard.onDuty'),
      value: String(figures.onDuty),
      detail: t('wallboard.available', { count: figures.available }),
    },
    { key: 'inCall', label: t('wallboard.inCall'), value: String(figures.inCall) },
    {
      key: 'level',
      label: t('wallboard.serviceLevel'),
      value: figures.serviceLevel === null ? null : formatPercent(figures.serviceLevel, language),
      detail: t('wallboard.serviceLevelTarget', {
        seconds: Math.round(figures.serviceLevelTargetMs / 1000),
        goal: Math.round(figures.serviceLevelGoal * 100),
      }),
    },
    {
      key: 'asa',
      label: t('wallboard.averageSpeedOfAnswer'),
      value:
        figures.averageSpeedOfAnswerMs === null
          ? null
          : formatDuration(figures.averageSpeedOfAnswerMs),
    },
    {
      key: 'ikm',
      label: t('wallboard.ikm'),
      value: figures.ikm === null ? null : formatDecimal(figures.ikm.index, language),
      ...(figures.ikm && {
        detail: t('wallboard.ikmDetail', {
          band: figures.ikm.band,
          count: figures.ikm.respondents,
        }),
      }),
    },
  ];
  return (
    <section className="wallboard__figures" aria-labelledby={captionId}>
      <h2 id={captionId} className="visually-hidden">
        {t('wallboard.caption')}
      </h2>
      <dl>
        {rows.map(({ key, label, value, detail }) => (
          <div key={key} className={`wallboard__figure wallboard__figure--${key}`}>
            <dt>{label}</dt>
            <dd>
              {value ?? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t('counters.none')}</span>
                </>
              )}
              {detail && (
                <>
                  {' '}
                  <span className="wallboard__detail">{detail}</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
