import type { Channel } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';
import { QrCode } from './QrCode';

/** The office's other channels, each as a QR code with its name and what a person types. */
export function ChannelList({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const language = useKiosk((state) => state.language);
  return (
    <ul className="channels">
      {channels.map((channel) => {
        const label = channel.label[language];
        return (
          <li key={`${channel.kind}:${channel.url}`} className="channel">
            <QrCode value={channel.url} label={t('unavailable.qr', { label })} />
            <span className="channel__label">{label}</span>
            <span className="channel__value">{channel.value}</span>
          </li>
        );
      })}
    </ul>
  );
}
