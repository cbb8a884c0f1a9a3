import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { stepVolume, useVolume, VOLUME } from './volume';

/** Audio guidance's own loudness, a step at a time, with large buttons. */
export function SpeechVolume() {
  const { t } = useTranslation('speech');
  const volume = useVolume();
  const labelId = useId();
  const steps = [
    { label: 'quieter', direction: -1, limit: volume <= VOLUME.min },
    { label: 'louder', direction: 1, limit: volume >= VOLUME.max },
  ] as const;
  return (
    <div role="group" aria-labelledby={labelId} className="speech-volume">
      <span id={labelId}>{t('volume')}</span>
      {steps.map(({ label, direction, limit }) => (
        <button
          key={label}
          type="button"
          className="button button--secondary"
          aria-disabled={limit}
          onClick={() => !limit && stepVolume(direction)}
        >
          {t(label)}
        </button>
      ))}
      <output aria-live="polite">{Math.round(volume * 100)}%</output>
    </div>
  );
}
