import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store/kiosk-store';

/**
 * The desk manager's latest message, in the visitor's language, on every screen. The live region
 * is always there so a screen reader hears a message when it arrives.
 */
export function OfficeMessageBanner() {
  const { t, i18n } = useTranslation();
  const message = useKiosk((state) => state.officeMessage);
  const text = message && (i18n.language === 'en' ? message.text.en : message.text.id);
  return (
    <div role="status" className={text ? 'office-message office-message--shown' : 'office-message'}>
      {text && (
        <>
          <strong>{t('officeMessage.label')}:</strong> {text}
        </>
      )}
    </div>
  );
}
