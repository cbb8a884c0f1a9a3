import type { TicketView } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/** Where the ticket stands, in a live region so a change of position is announced. */
export function QueueStatus({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  const service = useKiosk((state) => state.services.find((s) => s.id === ticket.serviceId));
  let progress: string = t('waiting.waiting');
  if (ticket.status === 'offered') progress = t('waiting.offered');
  else if (ticket.status === 'in_call') progress = t('waiting.connecting');
  return (
    <div className="queue">
      {service && (
        <p className="subtle">{t('waiting.service', { service: service.name[language] })}</p>
      )}
      <div role="status" className="queue__status">
        {ticket.position !== null && (
          <p className="queue__position">{t('waiting.position', { position: ticket.position })}</p>
        )}
        <p>{progress}</p>
      </div>
    </div>
  );
}
