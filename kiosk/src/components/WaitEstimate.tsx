import type { WaitRange } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { waitText } from '../lib/format';

/** The estimated wait as a range of minutes, or an honest "no estimate yet". */
export function WaitEstimate({ wait }: { wait: WaitRange | null }) {
  const { t } = useTranslation();
  const text = waitText(wait);
  switch (text.kind) {
    case 'unknown':
      return <p>{t('waiting.waitUnknown')}</p>;
    case 'under':
      return <p>{t('waiting.waitUnder', { count: text.max })}</p>;
    case 'about':
      return <p>{t('waiting.waitAbout', { count: text.minutes })}</p>;
    case 'range':
      return <p>{t('waiting.waitRange', { min: text.min, max: text.max })}</p>;
  }
}
