import { visitPath } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode';

/**
 * A QR code that takes the visitor's wait to their phone: a page with their number, place and
 * wait that asks them back when they are next. It carries only the link's secret, no personal data.
 */
export default function PhoneLink({ token }: { token: string }) {
  const { t } = useTranslation();
  return (
    <figure className="phone-link">
      <QrCode
        value={new URL(visitPath(token), window.location.origin).href}
        label={t('phoneLink.qr')}
      />
      <figcaption>{t('phoneLink.caption')}</figcaption>
    </figure>
  );
}
