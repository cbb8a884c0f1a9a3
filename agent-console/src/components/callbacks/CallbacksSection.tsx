import type { CallbackView } from '@loket/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallbacks } from '../../hooks/useCallbacks';
import { useConsole } from '../../hooks/useConsole';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { formatDateTime } from '../../lib/format-figures';
import { Button } from '../Button';
import { DataTable } from '../DataTable';
import { CloseCallbackDialog } from './CloseCallbackDialog';

/** Open call-back requests of the office: who to ring, for what, since when; close each one. */
export function CallbacksSection() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const services = useConsole((state) => state.services);
  const { callbacks, loading, error, refresh } = useCallbacks();
  const [closing, setClosing] = useState<CallbackView | null>(null);
  const headingId = useId();
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
        <DataTable
          caption={t('callbacks.caption')}
          empty={t('callbacks.empty')}
          rows={callbacks}
          rowKey={(callback) => callback.id}
          columns={[
            {
              header: t('callbacks.phone'),
              cell: (callback) => <a href={`tel:${callback.phone}`}>{callback.phone}</a>,
              rowHeader: true,
            },
            { header: t('callbacks.service'), cell: (callback) => serviceName(callback.serviceId) },
            {
              header: t('callbacks.language'),
              cell: (callback) => t(`visitorLanguage.${callback.language}`),
            },
            {
              header: t('callbacks.since'),
              cell: (callback) => (
                <time dateTime={new Date(callback.createdAt).toISOString()}>
                  {formatDateTime(callback.createdAt, language)}
                </time>
              ),
              numeric: true,
            },
          ]}
          actions={(callback) => [
            { label: t('callbacks.close'), onClick: () => setClosing(callback) },
          ]}
        />
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
