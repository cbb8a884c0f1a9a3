import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';

/** Where the call's media connection stands, announced politely. */
export function CallStateText() {
  const { t } = useTranslation();
  const { state } = useCallMedia();
  return (
    <p role="status" className={`call-state call-state-${state}`}>
      {t(`callState.${state}`)}
    </p>
  );
}
