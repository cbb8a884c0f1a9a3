import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/useConsole';

/** Where the call's media connection stands, announced politely. */
export function CallStateText() {
  const { t } = useTranslation();
  const state = useConsole((s) => s.callState);
  return (
    <p role="status" className={`call-state call-state-${state}`}>
      {t(`callState.${state}`)}
    </p>
  );
}
