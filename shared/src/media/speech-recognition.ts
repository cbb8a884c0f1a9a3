import {
  CAPTION_MAX_LENGTH,
  recognitionLanguage,
  type CaptionTrouble,
} from '../domain/captions.js';
import type { Language } from '../domain/language.js';

/** The part of the Web Speech API's recogniser that captions use. */
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}

interface RecognitionResultEvent {
  resultIndex: number;
  results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
}

type RecognitionConstructor = new () => Recognition;

/** Where the browser keeps its recogniser, under the standard name or Chromium's prefixed one. */
export interface SpeechScope {
  SpeechRecognition?: unknown;
  webkitSpeechRecognition?: unknown;
}

/** Options of {@link listenForSpeech}. */
export interface ListenOptions {
  language: Language;
  /** What was heard so far of the current line, and whether the line is over. */
  onText(text: string, final: boolean): void;
  /** Recognition stopped for good, and why; nothing more is heard. */
  onTrouble(trouble: CaptionTrouble): void;
}

/** The browser's recognition errors that end captions from speech; the others are retried. */
const TROUBLES: Record<string, CaptionTrouble> = {
  network: 'network',
  'not-allowed': 'not_allowed',
  'service-not-allowed': 'not_allowed',
  'language-not-supported': 'unsupported',
  'audio-capture': 'failed',
};

/**
 * Listens to the microphone with the browser's own speech recognition in the call's language and
 * reports what it hears, line by line. A browser without recognition is told `unsupported` at
 * once; Chromium without its vendor's keys answers `network`. Recognition that stops on silence is
 * started again. Returns the function that stops listening.
 */
export function listenForSpeech(
  options: ListenOptions,
  scope: SpeechScope = globalThis as SpeechScope,
): () => void {
  const Constructor = (scope.SpeechRecognition ?? scope.webkitSpeechRecognition) as
    RecognitionConstructor | undefined;
  if (!Constructor) {
    options.onTrouble('unsupported');
    return () => undefined;
  }
  let listening = true;
  const recognition = new Constructor();
  recognition.lang = recognitionLanguage(options.language);
  recognition.continuous = true;
  recognition.interimResults = true;
  recognition.onresult = (event) => {
    for (let i = event.resultIndex; i < event.results.length; i += 1) {
      const result = event.results[i];
      const text = result?.[0].transcript.trim().slice(-CAPTION_MAX_LENGTH);
      if (result && text) options.onText(text, result.isFinal);
    }
  };
  recognition.onerror = ({ error }) => {
    const trouble = TROUBLES[error];
    if (!trouble || !listening) return;
    listening = false;
    options.onTrouble(trouble);
  };
  recognition.onend = () => {
    if (listening) recognition.start();
  };
  try {
    recognition.start();
  } catch {
    listening = false;
    options.onTrouble('failed');
  }
  return () => {
    listening = false;
    recognition.abort();
  };
}
