import type { Language } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useCaptions, type Unavailable } from './useCaptions';
import './captions.css';

/**
 * The call's captions in large type, over the foot of the officer's video so that the call's
 * controls stay where they are: the officer's line, the visitor's own below it, and, honestly,
 * when captions from speech are unavailable, recognised in the visit's `language`. Lazily loaded
 * with its texts.
 */
interface CaptionStripProps {
  callId: string;
  /** The visit's language, in which the visitor's speech is recognised. */
  language: Language;
  /** The visitor muted the microphone: their speech is not listened to. */
  muted: boolean;
  /** The call's own camera and microphone, whose speech the office's recogniser may caption. */
  local?: MediaStream | null;
}

export default function CaptionStrip({ callId, language, muted, local = null }: CaptionStripProps) {
  const { t } = useTranslation('captions');
  const microphone = local?.getAudioTracks()[0] ?? null;
  const { lines, unavailable } = useCaptions(callId, language, muted, microphone);
  const officer = lines.agent?.text;
  const mine = lines.kiosk?.text;

  return (
    <div className="caption-strip">
      <div className="caption-strip__lines" role="log" aria-live="polite" aria-label={t('label')}>
        {officer && (
          <p className="caption-strip__officer" lang={language}>
            <span className="visually-hidden">{t('officer')} </span>
            {officer}
          </p>
        )}
        {mine && (
          <p className="caption-strip__mine" lang={language}>
            <span className="visually-hidden">{t('you')} </span>
            {mine}
          </p>
        )}
      </div>
      <p role="status" className="caption-strip__status">
        {unavailableText(unavailable)
          .map((key) => t(key))
          .join(' ')}
      </p>
    </div>
  );
}

/** What to say of unavailable captions: the device's own recognition, the officer's, the office's. */
function unavailableText(unavailable: Unavailable[]) {
  const keys: ('unavailableHere' | 'unavailableOfficer' | 'unavailableNow')[] = [];
  const by = (from: string, provider: string) =>
    unavailable.some((u) => u.from === from && u.provider === provider);
  if (by('kiosk', 'browser')) keys.push('unavailableHere');
  if (by('agent', 'browser')) keys.push('unavailableOfficer');
  if (unavailable.some((u) => u.provider === 'onprem')) keys.push('unavailableNow');
  return keys;
}
