import { useTranslation } from 'react-i18next';
import type { ConsoleErrorCode } from '../../lib/errors';
import { Button } from '../Button';

interface AdminOutcomeProps {
  saved: boolean;
  error: ConsoleErrorCode | null;
  /** Reads the record again, after someone else changed it. */
  onReload: () => void;
}

/**
 * What came of the last save: saved, or what went wrong; a record someone else changed offers
 * to read it again.
 */
export function AdminOutcome({ saved, error, onReload }: AdminOutcomeProps) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" className="message message-notice">
        {saved && t('admin.saved')}
      </div>
      <div role="alert" className="message message-error">
        {error && t(`errors.${error}`)}
        {error === 'CHANGED_ELSEWHERE' && (
          <Button onClick={onReload} className="admin-reload">
            {t('admin.reload')}
          </Button>
        )}
      </div>
    </>
  );
}
