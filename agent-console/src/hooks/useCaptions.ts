import {
  agentContract,
  type Caption,
  type CaptionProvider,
  type CaptionStatus,
  type ChatAuthor,
  type Language,
} from '@loket/shared';
import { captionSender, listenForSpeech } from '@loket/shared/media';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { agentCommand } from '../lib/agent-commands';
import { agentSocket } from '../lib/agent-socket';
import { listenTo } from '../lib/commands';
import { ConsoleError, type ConsoleErrorCode } from '../lib/errors';
import { useConsole } from './useConsole';

/** The line each side said or typed last. */
export type CaptionLines = Partial<Record<ChatAuthor, Caption>>;

const codeOf = (error: unknown): ConsoleErrorCode =>
  error instanceof ConsoleError ? error.code : 'INTERNAL';

/**
 * The captions of call `callId`: the providers the office offers, each side's latest line, which
 * providers are unavailable, and the officer's typed line. Where the office offers browser
 * recognition, the officer's speech is captioned in the visitor's `language`; where it runs its
 * own recogniser, the call's `microphone` is sent there instead, and nowhere else.
 */
export function useCaptions(
  callId: string,
  language: Language,
  microphone: MediaStreamTrack | null = null,
) {
  const [providers, setProviders] = useState<CaptionProvider[]>(['typed']);
  const [lines, setLines] = useState<CaptionLines>({});
  const [troubles, setTroubles] = useState<CaptionStatus[]>([]);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);

  const sendAs = useCallback(
    (provider: CaptionProvider) => (text: string, final: boolean) => {
      agentCommand('caption:send', { callId, text, final, provider })
        .then(() => setError(null))
        .catch((problem: unknown) => setError(codeOf(problem)));
    },
    [callId],
  );
  const typedLine = useMemo(() => captionSender(sendAs('typed')), [sendAs]);

  useEffect(() => {
    let open = true;
    const learn = (status: CaptionStatus) => {
      const known = (t: CaptionStatus) => t.from === status.from && t.provider === status.provider;
      setTroubles((all) => (all.some(known) ? all : [...all, status]));
    };
    agentCommand('caption:sources', { callId })
      .then((answer) => {
        if (!open) return;
        setProviders(answer.providers);
        // What the kiosk reported before the call view listened: it renders after the kiosk's.
        answer.troubles.forEach(learn);
      })
      .catch(() => undefined);
    const stop = listenTo(agentSocket(), agentContract.events, {
      caption: (caption) => {
        if (caption.callId !== callId) return;
        setLines((all) => ({ ...all, [caption.from]: caption }));
        // The office's recogniser answered again: its captions are available once more.
        if (caption.provider === 'onprem') {
          setTroubles((all) =>
            all.filter((t) => !(t.from === caption.from && t.provider === 'onprem')),
          );
        }
      },
      'caption:status': (status) => {
        if (status.callId === callId) learn(status);
      },
    });
    return () => {
      open = false;
      stop();
      typedLine.stop();
    };
  }, [callId, typedLine]);

  // A muted microphone is not listened to either: nothing the officer says then leaves the console.
  const micMuted = useConsole((state) => state.micMuted);
  const speech = providers.includes('browser') && !micMuted;
  useEffect(() => {
    if (!speech) return;
    const spoken = captionSender(sendAs('browser'));
    const stop = listenForSpeech({
      language,
      onText: (text, final) => spoken.update(text, final),
      onTrouble: (trouble) => {
        agentCommand('caption:trouble', { callId, provider: 'browser', trouble }).catch(
          () => undefined,
        );
      },
    });
    return () => {
      stop();
      spoken.stop();
    };
  }, [speech, language, callId, sendAs]);

  const onprem = providers.includes('onprem') && !micMuted ? microphone : null;
  useEffect(() => {
    if (!onprem) return;
    let stop: (() => void) | null = null;
    let open = true;
    void import('../lib/speech-to-recogniser').then(({ speakToRecogniser }) => {
      if (open) stop = speakToRecogniser(onprem, callId, language);
    });
    return () => {
      open = false;
      stop?.();
    };
  }, [onprem, language, callId]);

  return { providers, lines, troubles, error, type: typedLine.update };
}
