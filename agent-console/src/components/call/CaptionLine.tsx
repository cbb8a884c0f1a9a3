import { CAPTION_MAX_LENGTH, type Language } from '@loket/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaptions } from '../../hooks/useCaptions';

interface CaptionLineProps {
  callId: string;
  /** The call's language, in which speech is recognised. */
  language: Language;
  /** The call's own camera and microphone, whose speech the office's recogniser may caption. */
  local?: MediaStream | null;
}

/**
 * The call's captions on the console: each side's latest line, which sources the office offers
 * and which of them are unavailable, and the officer's typed line, shown to the visitor as it is
 * typed. Enter finishes the line.
 */
export function CaptionLine({ callId, language, local = null }: CaptionLineProps) {
  const { t } = useTranslation();
  const microphone = local?.getAudioTracks()[0] ?? null;
  const { providers, lines, troubles, error, type } = useCaptions(callId, language, microphone);
  const [draft, setDraft] = useState('');
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!draft.trim()) return;
    type(draft.trim(), true);
    setDraft('');
  };
  const by = (from: string, provider: string) =>
    troubles.some((status) => status.from === from && status.provider === provider);

  return (
    <section className="captions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('captions.heading')}</h3>
      <p className="captions__sources">
        {t('captions.sources', {
          list: providers.map((provider) => t(`captions.provider.${provider}`)).join(', '),
        })}
      </p>
      <div className="captions__lines" role="log" aria-live="polite" aria-label={t('captions.log')}>
        <p>
          <span className="captions__who">{t('captions.visitor')}</span> {lines.kiosk?.text ?? '…'}
        </p>
        <p>
          <span className="captions__who">{t('captions.you')}</span> {lines.agent?.text ?? '…'}
        </p>
      </div>
      <p role="status" className="captions__status">
        {[
          by('kiosk', 'browser') && t('captions.unavailableVisitor'),
          by('agent', 'browser') && t('captions.unavailableHere'),
          troubles.some((status) => status.provider === 'onprem') && t('captions.unavailableNow'),
        ]
          .filter(Boolean)
          .join(' ')}
      </p>
      <label htmlFor={fieldId}>{t('captions.line')}</label>
      <input
        id={fieldId}
        className="captions__field"
        type="text"
        value={draft}
        maxLength={CAPTION_MAX_LENGTH}
        aria-describedby={hintId}
        autoComplete="off"
        onChange={(event) => {
          setDraft(event.target.value);
          if (event.target.value.trim()) type(event.target.value.trim(), false);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="captions__hint">
        {t('captions.hint')}
      </p>
      {error && (
        <p role="alert" className="captions__error">
          {t(`errors.${error}`)}
        </p>
      )}
    </section>
  );
}
