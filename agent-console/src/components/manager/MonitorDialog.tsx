import type { QueueTicket } from '@loket/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonitor } from '../../hooks/useMonitor';
import type { MonitorView } from '../../lib/monitor';
import { Button } from '../Button';
import { Dialog } from '../Dialog';
import { MonitorTile } from './MonitorTile';

/** What to tell the manager about the watch itself, already translated; null while all is well. */
function useMonitorStatus(view: MonitorView): { text: string; problem: boolean } | null {
  const { t } = useTranslation();
  if (view.phase === 'loading') return { text: t('monitor.loading'), problem: false };
  if (view.phase === 'ended') return { text: t('monitor.ended'), problem: false };
  if (view.phase === 'lost') return { text: t('monitor.connectionLost'), problem: true };
  if (view.phase === 'failed') {
    const text =
      view.error === 'MEDIA_FAILED'
        ? t('monitor.joinFailed')
        : t(`errors.${view.error ?? 'INTERNAL'}`);
    return { text, problem: true };
  }
  return null;
}

/**
 * Watches a call without taking part: the visitor's and the officer's video, sound off until the
 * manager turns it on. Nothing is published, and neither party is told.
 */
export function MonitorDialog({ ticket, onClose }: { ticket: QueueTicket; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useMonitor(ticket.id);
  const status = useMonitorStatus(view);
  const [muted, setMuted] = useState(true);
  const titleId = useId();
  const noteId = useId();
  const stopRef = useRef<HTMLButtonElement>(null);
  const over = view.phase === 'ended' || view.phase === 'lost';
  const showTiles = view.phase === 'watching' || over;
  useEffect(() => {
    // The sound button goes when watching is over; if it had focus, focus fell out of the dialog.
    if (over && document.activeElement === document.body) stopRef.current?.focus();
  }, [over]);
  return (
    <Dialog labelledBy={titleId} describedBy={noteId} initialFocus={stopRef} onEscape={onClose}>
      <div className="monitor">
        <h2 id={titleId}>{t('monitor.title', { number: ticket.number })}</h2>
        <p id={noteId}>{t('monitor.hiddenNote')}</p>
        <p role="status" className="message" aria-busy={view.phase === 'loading' || undefined}>
          {status && !status.problem ? status.text : null}
        </p>
        <div role="alert" className="message message-error">
          {status?.problem ? status.text : null}
        </div>
        {showTiles && (
          <div className="monitor-tiles">
            <MonitorTile
              label={t('monitor.visitor', { number: view.visitor.label })}
              stream={view.visitor.stream}
              muted={muted}
            />
            <MonitorTile
              label={t('monitor.officerName', { name: view.officer.label })}
              stream={view.officer.stream}
              muted={muted}
            />
          </div>
        )}
        <div className="dialog-actions">
          {view.phase === 'watching' && (
            <Button onClick={() => setMuted(!muted)}>
              {muted ? t('monitor.soundOn') : t('monitor.soundOff')}
            </Button>
          )}
          <Button ref={stopRef} variant="primary" onClick={onClose}>
            {t('monitor.stop')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
