import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../i18n';

/** The language the console is shown in now. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
