import { CAPTION_UPDATE_MS } from '../domain/captions.js';

/** Sends one line of captions; see {@link captionSender}. */
export type SendLine = (text: string, final: boolean) => void;

/**
 * Paces a growing line: the first update goes at once, later unfinished ones at most every
 * `everyMs` (the latest wins), and a final one at once, replacing any update still waiting. So
 * the other side sees the line as it is typed or spoken without a caption per keystroke.
 */
export function captionSender(send: SendLine, everyMs = CAPTION_UPDATE_MS) {
  let sentAt = -Infinity;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  let latest = '';

  const flush = () => {
    waiting = undefined;
    sentAt = Date.now();
    send(latest, false);
  };

  return {
    update(text: string, final: boolean) {
      latest = text;
      if (final) {
        clearTimeout(waiting);
        waiting = undefined;
        sentAt = -Infinity;
        send(text, true);
        return;
      }
      if (waiting) return;
      const wait = sentAt + everyMs - Date.now();
      if (wait <= 0) flush();
      else waiting = setTimeout(flush, wait);
    },
    /** Drops an update still waiting, as the call ends. */
    stop() {
      clearTimeout(waiting);
      waiting = undefined;
    },
  };
}
