import { useTranslation } from 'react-i18next';
import { useConsole } from '../hooks/useConsole';

/** The page's polite announcements and its current error. */
export function PageMessages() {
  const { t } = useTranslation();
  const notice = useConsole((state) => state.notice);
  const error = useConsole((state) => state.error);
  return (
    <>
      <div role="status" className="message message-notice">
        {notice && <span key={notice.id}>{t(`notice.${notice.key}`)}</span>}
      </div>
      <div role="alert" className="message message-error">
        {error && t(`errors.${error}`)}
      </div>
    </>
  );
}
