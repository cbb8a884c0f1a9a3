import type { CallbackView } from '@loket/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallbacks } from '../../hooks/useCallbacks';
import { useConsole } from '../../hooks/useConsole';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateTime } from '../../lib/format-figures';
import { Button } from '../Button';
import { CloseCallbackDialog } from './CloseCallbackDialog';

/** Open call-back requests of the office: who to ring, for what, since when; close each one. */
export function CallbacksSection() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const services = useConsole((state) => state.services);
  const { callbacks, loading, error, refresh } = useCallbacks();
  const [closing, setClosing] = useState<CallbackView | null>(null);
  const headingId = useId();
  const rowId = useId();
  const serviceName = (id: string) =>
    services.find((service) => service.id === id)?.name[language] ?? id;

  return (
    <section className="card callbacks" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{t('callbacks.heading')}</h2>
        <Button disabled={loading} aria-busy={loading || undefined} onClick={() => void refresh()}>
          {t('callbacks.refresh')}
        </Button>
      </div>
      <div role="alert" className="message message-error">
        {error && t(`errors.${error}`)}
      </div>
      {callbacks === null ? (
        <p role="status">{loading ? t('callbacks.loading') : ''}</p>
      ) : (
        <table className="data-table">
          <caption>{t('callbacks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callbacks.phone')}</th>
              <th scope="col">{t('callbacks.service')}</th>
              <th scope="col">{t('callbacks.language')}</th>
              <th scope="col">{t('callbacks.since')}</th>
              <th scope="col">{t('callbacks.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {callbacks.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('callbacks.empty')}
                </td>
              </tr>
            )}
            {callbacks.map((callback) => (
              <tr key={callback.id}>
                <th scope="row" id={`${rowId}-${callback.id}`}>
                  <a href={`tel:${callback.phone}`}>{callback.phone}</a>
                </th>
                <td>{serviceName(callback.serviceId)}</td>
                <td>{t(`visitorLanguage.${callback.language}`)}</td>
                <td className="numeric">
                  <time dateTime={new Date(callback.createdAt).toISOString()}>
                    {formatDateTime(callback.createdAt, language)}
                  </time>
                </td>
                <td>
                  <Button
                    className="button-small"
                    aria-describedby={`${rowId}-${callback.id}`}
                    onClick={() => setClosing(callback)}
                  >
                    {t('callbacks.close')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closing && (
        <CloseCallbackDialog
          callback={closing}
          onClose={(changed) => {
            setClosing(null);
            if (changed) void refresh();
          }}
        />
      )}
    </section>
  );
}
