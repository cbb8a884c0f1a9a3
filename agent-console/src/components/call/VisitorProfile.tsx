import type { CallStart } from '@loket/shared';
import { useTranslation } from 'react-i18next';
import { NeedList } from '../NeedList';

/** Who the officer serves, as on the offer: the visitor's language and every need they declared. */
export function VisitorProfile({ visitor }: { visitor: NonNullable<CallStart['visitor']> }) {
  const { t } = useTranslation();
  return (
    <dl className="offer-details call-visitor">
      <dt>{t('offer.language')}</dt>
      <dd>{t(`visitorLanguage.${visitor.language}`)}</dd>
      <dt>{t('offer.needs')}</dt>
      <dd>
        <NeedList needs={visitor.needs} />
      </dd>
    </dl>
  );
}
