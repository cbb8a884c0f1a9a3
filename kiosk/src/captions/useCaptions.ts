import type { Caption, CaptionProvider, ChatAuthor, Language } from '@loket/shared';
import { captionSender, listenForSpeech } from '@loket/shared/media';
import { useEffect, useState } from 'react';
import { command } from '../lib/commands';
import { listenToCaptions } from './caption-events';

/** Captions of one side's speech by one provider that are unavailable. */
export interface Unavailable {
  from: ChatAuthor;
  provider: CaptionProvider;
}

/**
 * The captions of call `callId` on the kiosk: each side's latest line and whose captions from
 * speech are unavailable. Where the office offers browser recognition, the visitor's speech is
 * captioned in the call's `language` while the microphone is not `muted`; where it runs its own
 * recogniser, the call's `microphone` is sent there instead, and nowhere else.
 */
export function useCaptions(
  callId: string,
  language: Language,
  muted: boolean,
  microphone: MediaStreamTrack | null,
) {
  const [providers, setProviders] = useState<CaptionProvider[]>([]);
  const [lines, setLines] = useState<Partial<Record<ChatAuthor, Caption>>>({});
  const [unavailable, setUnavailable] = useState<Unavailable[]>([]);
  const add = (from: ChatAuthor, provider: CaptionProvider) =>
    setUnavailable((all) =>
      all.some((u) => u.from === from && u.provider === provider)
        ? all
        : [...all, { from, provider }],
    );

  useEffect(() => {
    let open = true;
    void command('caption:sources', { callId }).then((answer) => {
      if (!open || !answer.ok) return;
      setProviders(answer.data.providers);
      // What the officer's side reported before this screen listened.
      for (const status of answer.data.troubles) add(status.from, status.provider);
    });
    const stop = listenToCaptions({
      caption: (caption) => {
        if (caption.callId !== callId) return;
        setLines((all) => ({ ...all, [caption.from]: caption }));
        // The office's recogniser answered again: its captions are available once more.
        if (caption.provider === 'onprem') {
          setUnavailable((all) =>
            all.filter((u) => !(u.from === caption.from && u.provider === 'onprem')),
          );
        }
      },
      'caption:status': (status) => {
        if (status.callId === callId) add(status.from, status.provider);
      },
    });
    return () => {
      open = false;
      stop();
    };
  }, [callId]);

  // A muted microphone is not listened to either: nothing the visitor says then leaves the kiosk.
  const speech = providers.includes('browser') && !muted;
  useEffect(() => {
    if (!speech) return;
    const spoken = captionSender((text, final) => {
      void command('caption:send', { callId, text, final, provider: 'browser' });
    });
    const stop = listenForSpeech({
      language,
      onText: (text, final) => spoken.update(text, final),
      onTrouble: (trouble) => {
        // Said here at once, whatever the network: the server tells the officer too.
        add('kiosk', 'browser');
        void command('caption:trouble', { callId, provider: 'browser', trouble });
      },
    });
    return () => {
      stop();
      spoken.stop();
    };
  }, [speech, language, callId]);

  const onprem = providers.includes('onprem') && !muted ? microphone : null;
  useEffect(() => {
    if (!onprem) return;
    let stop: (() => void) | null = null;
    let open = true;
    void import('./speech-to-recogniser').then(({ speakToRecogniser }) => {
      if (open) stop = speakToRecogniser(onprem, callId, language);
    });
    return () => {
      open = false;
      stop?.();
    };
  }, [onprem, language, callId]);

  return { lines, unavailable };
}
