import type { DisplayTicket } from '@loket/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAnswer } from './display-api';
import { rememberSound, soundWanted } from './sound-setting';
import { useBoard } from './useBoard';
import { useCallOuts } from './useCallOuts';
import type { Voice } from './voice';

type TextKey =
  'display.title' | 'display.callNow' | 'display.serving' | 'display.reconnecting' | 'display.none';

/** A text in both languages side by side: a lobby reads either. */
function Both({ k }: { k: TextKey }) {
  const { i18n } = useTranslation('pages');
  return (
    <>
      <span lang="id">{i18n.getFixedT('id', 'pages')(k)}</span>
      <span lang="en" className="display__en">
        {i18n.getFixedT('en', 'pages')(k)}
      </span>
    </>
  );
}

function Tickets({ tickets, className }: { tickets: DisplayTicket[]; className: string }) {
  const { t } = useTranslation('pages');
  if (tickets.length === 0) {
    return (
      <p className="display__none">
        <Both k="display.none" />
      </p>
    );
  }
  return (
    <ul className={className}>
      {tickets.map((ticket) => (
        <li key={ticket.number}>
          <span className="display__number">{ticket.number}</span>
          {ticket.kioskName && (
            <span className="display__kiosk">
              {t('display.kiosk', { kiosk: ticket.kioskName })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Whether the browser will play sound now: after a touch on the page, or from the start when it
 * was launched to allow it (a TV in kiosk mode), which an audio context shows by running at once.
 */
function soundAllowed(): boolean {
  if (navigator.userActivation?.hasBeenActive) return true;
  if (typeof AudioContext === 'undefined') return false;
  const probe = new AudioContext();
  const running = probe.state === 'running';
  void probe.close();
  return running;
}

/**
 * The lobby's call-out display, full screen on a TV: the numbers asked back to their kiosk and
 * the numbers being served, large, in both languages; each newly called number is announced
 * aloud when the sound is on. The sound switch is remembered; until someone touches the page once
 * (browsers' rule for sound) a large button asks for it.
 */
export function DisplayPage({
  fetchBoard,
  voice,
}: {
  fetchBoard: () => Promise<BoardAnswer>;
  voice: Voice;
}) {
  const { t } = useTranslation('pages');
  const { board, link } = useBoard(fetchBoard);
  const [wanted, setWanted] = useState(soundWanted);
  const [unlocked, setUnlocked] = useState(soundAllowed);
  const announce = useCallback(
    (number: string) => {
      if (wanted && unlocked) voice.announce(number);
    },
    [wanted, unlocked, voice],
  );
  useCallOuts(board, announce);

  const toggle = () => {
    setUnlocked(true);
    setWanted(!wanted);
    rememberSound(!wanted);
  };

  return (
    <main className="display">
      <header className="display__header">
        {board ? (
          <h1>
            <span lang="id">{board.office.id}</span>
            {board.office.en !== board.office.id && (
              <span lang="en" className="display__en">
                {board.office.en}
              </span>
            )}
          </h1>
        ) : (
          <h1>
            <Both k="display.title" />
          </h1>
        )}
        <button
          type="button"
          className="button button--secondary display__sound"
          aria-pressed={wanted}
          onClick={toggle}
        >
          {t('display.sound')}: {wanted ? t('display.soundOn') : t('display.soundOff')}
        </button>
      </header>
      {wanted && !unlocked && (
        <button
          type="button"
          className="button button--primary display__unlock"
          onClick={() => setUnlocked(true)}
        >
          {t('display.tapForSound')}
        </button>
      )}
      {link === 'reconnecting' && (
        <p role="status" className="notice display__reconnecting">
          <Both k="display.reconnecting" />
        </p>
      )}
      {link === 'notFound' && <p role="alert">{t('display.notFound')}</p>}
      {board && (
        <div className="display__columns">
          <section className="display__column" aria-labelledby="display-call-now">
            <h2 id="display-call-now">
              <Both k="display.callNow" />
            </h2>
            <Tickets tickets={board.callNow} className="display__tickets display__tickets--call" />
          </section>
          <section className="display__column" aria-labelledby="display-serving">
            <h2 id="display-serving">
              <Both k="display.serving" />
            </h2>
            <Tickets tickets={board.serving} className="display__tickets" />
          </section>
        </div>
      )}
    </main>
  );
}
