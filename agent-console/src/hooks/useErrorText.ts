import { useTranslation } from 'react-i18next';
import type { ConsoleErrorCode } from '../lib/errors';

/** The translated text of a form's own problem (a key under `form`) or of a command's error. */
export function useErrorText(
  problem: 'reasonMissing' | 'choiceMissing' | 'messageMissing' | null,
  error: ConsoleErrorCode | null,
): string | null {
  const { t } = useTranslation();
  if (problem) return t(`form.${problem}`);
  return error ? t(`errors.${error}`) : null;
}
