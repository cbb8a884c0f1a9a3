import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraPreview } from '../components/CameraPreview';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Heading } from '../components/Heading';
import { QueueStatus } from '../components/QueueStatus';
import { cancelTicket, dismissError } from '../store/journey';
import { useKiosk } from '../store/kiosk-store';
import { loadChatPanel } from '../chat/load-chat-panel';
import { loadCallScreen } from './load-call-screen';

// The QR encoder comes with the link, in a chunk of its own: the first screens do without it.
const PhoneLink = lazy(() => import('../components/PhoneLink'));
// The conversation opens once an officer is offered the ticket and greets the visitor.
const ChatPanel = lazy(loadChatPanel);
// Few visitors come twice in a day: the earlier ticket's dialog and keyboard load when asked for.
const EarlierTicketDialog = lazy(() => import('../components/EarlierTicketDialog'));

/**
 * The ticket number, the place in the queue, a camera preview to fix framing, a QR code to follow
 * the wait on a phone, and a way out.
 */
export function WaitingScreen() {
  const { t } = useTranslation();
  const ticket = useKiosk((state) => state.ticket);
  const busy = useKiosk((state) => state.busy);
  const notice = useKiosk((state) => state.notice);
  const language = useKiosk((state) => state.language);
  const requirements = useKiosk(
    (state) => state.services.find((s) => s.id === state.ticket?.serviceId)?.requirements,
  );
  // A visitor who signs finds the conversation open: names and numbers are easier typed than signed.
  const signing = useKiosk((state) => state.needs.includes('sign_language'));
  const [confirming, setConfirming] = useState(false);
  const [offeringEarlier, setOfferingEarlier] = useState(false);

  // Fetch the call code while the visitor waits, so the call opens without a pause.
  useEffect(() => void loadCallScreen(), []);

  if (!ticket) return null;
  const keepWaiting = () => {
    dismissError();
    setConfirming(false);
  };
  return (
    <section className="screen screen--split">
      <div className="split">
        <div className="split__head">
          <Heading>{t('waiting.title')}</Heading>
          <p className="ticket-number">{ticket.number}</p>
          {notice && <p className="lead notice">{t(`notice.${notice}`)}</p>}
          <QueueStatus ticket={ticket} />
          {requirements && requirements.length > 0 && (
            <div className="requirements">
              <h2 className="requirements__title">{t('waiting.bring')}</h2>
              <ul className="requirements__list">
                {requirements.map((item) => (
                  <li key={item.id}>{item[language]}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="split__side">
          <CameraPreview />
          {ticket.visitToken && (
            <Suspense fallback={null}>
              <PhoneLink token={ticket.visitToken} />
            </Suspense>
          )}
        </div>
        <div className="split__actions actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setOfferingEarlier(true)}
          >
            {t('earlier.open')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
          >
            {t('waiting.cancel')}
          </button>
        </div>
        {/* Below the actions, which stay on screen whatever the chat holds. */}
        {ticket.status === 'offered' && (
          <div className="split__foot">
            <Suspense fallback={null}>
              <ChatPanel ticketId={ticket.id} startOpen={signing} />
            </Suspense>
          </div>
        )}
      </div>
      {offeringEarlier && (
        <Suspense fallback={null}>
          <EarlierTicketDialog ticketId={ticket.id} onClose={() => setOfferingEarlier(false)} />
        </Suspense>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('waiting.confirmTitle')}
          confirmLabel={t('waiting.confirmYes')}
          cancelLabel={t('waiting.confirmNo')}
          onConfirm={() => void cancelTicket()}
          onCancel={keepWaiting}
          busy={busy}
        >
          <p>{t('waiting.confirmBody', { number: ticket.number })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
