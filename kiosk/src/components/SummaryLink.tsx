import { summaryPath } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode';

/**
 * A QR code to take the visit home: a page with the ticket, the service, the officer's note and
 * the service's checklist. It carries only the link's secret, no personal data.
 */
export default function SummaryLink({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <figure className="phone-link">
      <QrCode
        value={new URL(summaryPath(token), window.location.origin).href}
        label={t('summaryLink.qr')}
      />
      <figcaption>{t('summaryLink.caption')}</figcaption>
    </figure>
  );
}
