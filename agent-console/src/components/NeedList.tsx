import type { Need } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { NeedIcon } from './NeedIcon';

/**
 * What a visitor declared (sign language, priority service…), each as a pictogram and a word badge
 * in the order of the list of needs; "none" when they declared nothing.
 */
export function NeedList({ needs }: { needs: readonly Need[] }) {
  const { t } = useTranslation();
  if (needs.length === 0) return <span className="subtle">{t('offer.noNeeds')}</span>;
  return (
    <ul className="need-list">
      {needs.map((need) => (
        <li key={need} className={`need need-${need}`}>
          <NeedIcon need={need} />
          {t(`needs.${need}.label`)}
        </li>
      ))}
    </ul>
  );
}
