import type { Language } from '@loket/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startGuide } from './guide';
import { createBrowserSpeaker, type Speaker } from './speaker';
import { loadSpeechTexts } from './texts';
import { SpeechVolume } from './SpeechVolume';
import { resetVolume, useVolume } from './volume';

/**
 * Audio guidance while it is switched on: it speaks in the language the screen is shown in, at
 * the volume set beside it on the toolbar, and says on screen when no voice speaks that language.
 * The default export, so the toolbar loads it lazily with the fewest bytes.
 */
export default function SpeechGuide({ speaker }: { speaker?: Speaker }) {
  const { t, i18n } = useTranslation('speech');
  const [voice] = useState(() => speaker ?? createBrowserSpeaker());
  const [mute, setMute] = useState<Language | null>(null);
  const [ready, setReady] = useState(false);
  const volume = useVolume();
  useEffect(() => {
    voice.setVolume(volume);
  }, [voice, volume]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    // The screen's texts are in i18next's language, so guidance speaks that one.
    const language = () => (i18n.language === 'en' ? 'en' : 'id');
    void loadSpeechTexts(i18n).then(() => {
      if (!live) return;
      setReady(true);
      stop = startGuide({
        speaker: voice,
        language,
        words: () => i18n.getFixedT(language(), 'speech')('state', { returnObjects: true }),
        onMissingVoice: setMute,
      });
    });
    return () => {
      live = false;
      stop?.();
      resetVolume();
    };
  }, [voice, i18n]);

  return (
    <>
      {ready && <SpeechVolume />}
      {mute && (
        <p role="status" className="speech-notice" lang={mute}>
          {t('noVoice', { lng: mute })}
        </p>
      )}
    </>
  );
}
