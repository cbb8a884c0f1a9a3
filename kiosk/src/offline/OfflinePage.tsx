import type { Channel, Language } from '@loket/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../components/QrCode';
import { serverAnswers } from '../lib/outage';

/** How often the page asks whether the server is back. */
export const RETRY_MS = 5000;

const LANGUAGES: readonly Language[] = ['id', 'en'];

/**
 * What the kiosk shows while the server cannot be reached, in both languages at once (nobody has
 * chosen one): the service is reconnecting, the office's other channels meanwhile, and it goes
 * back to the kiosk by itself once the server answers again.
 */
export function OfflinePage({
  channels,
  backOnline,
}: {
  channels: readonly Channel[];
  backOnline: () => void;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      if (await serverAnswers()) {
        if (!stopped) backOnline();
        return;
      }
      if (!stopped) timer = setTimeout(() => void check(), RETRY_MS);
    };
    timer = setTimeout(() => void check(), RETRY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [backOnline]);

  return (
    <main className="kiosk__main">
      <section className="screen">
        <h1>
          {LANGUAGES.map((lng) => (
            <span key={lng} lang={lng} className="offline__line">
              {t('outage.title', { lng })}
            </span>
          ))}
        </h1>
        {LANGUAGES.map((lng) => (
          <p key={lng} lang={lng} className="lead">
            {t(channels.length > 0 ? 'outage.meanwhile' : 'outage.staff', { lng })}
          </p>
        ))}
        {channels.length > 0 && (
          <ul className="channels">
            {channels.map((channel) => (
              <li key={`${channel.kind}:${channel.url}`} className="channel">
                <QrCode
                  value={channel.url}
                  label={t('unavailable.qr', { label: channel.label.id, lng: 'id' })}
                />
                <span className="channel__label">
                  <span lang="id">{channel.label.id}</span> ·{' '}
                  <span lang="en">{channel.label.en}</span>
                </span>
                <span className="channel__value">{channel.value}</span>
              </li>
            ))}
          </ul>
        )}
        <p role="status" className="subtle">
          {LANGUAGES.map((lng) => (
            <span key={lng} lang={lng} className="offline__line">
              {t('outage.retrying', { lng })}
            </span>
          ))}
        </p>
      </section>
    </main>
  );
}
