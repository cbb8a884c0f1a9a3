import { isRoutingNeed, type TicketView } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { formatList } from '../lib/format';
import { useKiosk } from '../store/kiosk-store';
import { WaitEstimate } from './WaitEstimate';

/** Where the ticket stands, in a live region so a change of position or wait is announced. */
export function QueueStatus({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  const service = useKiosk((state) => state.services.find((s) => s.id === ticket.serviceId));
  let progress: string = t('waiting.waiting');
  if (ticket.status === 'offered') progress = t('waiting.offered');
  else if (ticket.status === 'in_call') progress = t('waiting.connecting');
  const served = ticket.needs.filter(isRoutingNeed);
  const priority = ticket.needs.filter((need) => !isRoutingNeed(need));
  const labels = priority.map((need) => t(`needs.${need}.label`));
  return (
    <div className="queue">
      {service && (
        <p className="subtle">{t('waiting.service', { service: service.name[language] })}</p>
      )}
      {served.map((need) => (
        <p key={need} className="queue__declared">
          {t(`needs.${need}.served`)}
        </p>
      ))}
      {labels.length > 0 && (
        <p className="queue__declared">
          {t('waiting.priority', { needs: formatList(labels, language) })}
        </p>
      )}
      <div role="status" className="queue__status">
        {ticket.position !== null && (
          <p className="queue__position">{t('waiting.position', { position: ticket.position })}</p>
        )}
        {ticket.status === 'waiting' && <WaitEstimate wait={ticket.wait} />}
        <p>{progress}</p>
      </div>
    </div>
  );
}
