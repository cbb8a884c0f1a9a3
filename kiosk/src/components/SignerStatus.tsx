import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/** A small line saying an officer who signs BISINDO is on duty; nothing when none is known to be. */
export function SignerStatus() {
  const { t } = useTranslation();
  const online = useKiosk((state) => state.signerOnline === true);
  if (!online) return null;
  return (
    <p className="signer">
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M7 11V5a1.5 1.5 0 0 1 3 0v5M10 10V3.5a1.5 1.5 0 0 1 3 0V10M13 10V5a1.5 1.5 0 0 1 3 0v7M16 12V8.5a1.5 1.5 0 0 1 3 0V14c0 4-3 7-7 7s-5.5-2-7.5-5L3 13a1.5 1.5 0 0 1 2.5-1.5L7 13" />
      </svg>
      {t('signer.online')}
    </p>
  );
}
