import { useTranslation } from 'react-i18next';
import { errorKey } from '../lib/error-key';
import { useKiosk } from '../store/kiosk-store';

/** The last command's error, in the visitor's language, announced as soon as it appears. */
export function ErrorMessage() {
  const { t } = useTranslation();
  const error = useKiosk((state) => state.error);
  return (
    <p role="alert" className="error">
      {error && t(errorKey(error))}
    </p>
  );
}
