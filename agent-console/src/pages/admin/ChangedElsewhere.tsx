import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import type { ConsoleErrorCode } from '../../lib/errors';

/**
 * What a refused change says, in the user's language; a record someone else changed meanwhile
 * offers to reload it.
 */
export function ChangeError({
  error,
  onReload,
}: {
  error: ConsoleErrorCode | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="form-error">
      <p>{t(`errors.${error}`)}</p>
      {error === 'CHANGED_ELSEWHERE' && <Button onClick={onReload}>{t('admin.reload')}</Button>}
    </div>
  );
}
