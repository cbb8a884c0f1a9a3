import type { OfferView } from '@loket/shared';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';
import { useNow } from '../hooks/useNow';
import { useRinger } from '../hooks/useRinger';
import { useUiLanguage } from '../hooks/useUiLanguage';
import { acceptOffer, declineOffer } from '../lib/agent-actions';
import { formatDuration } from '../lib/format-duration';
import { Button } from './Button';
import { ChatPanel } from './chat/ChatPanel';
import { Dialog } from './Dialog';
import { EarlierVisits } from './EarlierVisits';
import { NeedList } from './NeedList';

/** A ringing offer: who is waiting, for what, how long, and how long is left to answer. */
export function OfferDialog({ offer }: { offer: OfferView }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const now = useNow();
  const answering = useConsole((state) => state.pending === 'offer');
  const acceptRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const detailsId = useId();
  useRinger(!answering);

  const accept = () => void acceptOffer(offer.ticketId);
  const decline = () => {
    if (!answering) void declineOffer(offer.ticketId);
  };

  return (
    <Dialog
      role="alertdialog"
      labelledBy={titleId}
      describedBy={detailsId}
      initialFocus={acceptRef}
      onEscape={decline}
    >
      <h2 id={titleId}>{t('offer.heading')}</h2>
      <dl id={detailsId} className="offer-details">
        <dt>{t('offer.ticket')}</dt>
        <dd className="ticket-number">{offer.ticketNumber}</dd>
        <dt>{t('offer.service')}</dt>
        <dd>{offer.service.name[language]}</dd>
        <dt>{t('offer.language')}</dt>
        <dd>{t(`visitorLanguage.${offer.language}`)}</dd>
        <dt>{t('offer.needs')}</dt>
        <dd>
          <NeedList needs={offer.needs} />
        </dd>
        <dt>{t('offer.waited')}</dt>
        <dd>{formatDuration(now - offer.waitingSince)}</dd>
      </dl>
      <EarlierVisits ticketId={offer.ticketId} />
      <p className="offer-countdown">
        {t('offer.expiresIn')}: <span role="timer">{formatDuration(offer.expiresAt - now)}</span>
      </p>
      <div className="dialog-actions">
        <Button ref={acceptRef} variant="primary" disabled={answering} onClick={accept}>
          {t('offer.accept')}
        </Button>
        <Button disabled={answering} onClick={decline}>
          {t('offer.decline')}
        </Button>
      </div>
      <ChatPanel ticketId={offer.ticketId} language={offer.language} />
    </Dialog>
  );
}
