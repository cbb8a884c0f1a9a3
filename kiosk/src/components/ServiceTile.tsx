import type { ServiceView } from '@loket/shared';
import { useId } from 'react';
import { useKiosk } from '../store/kiosk-store';
import { ServiceIcon } from './ServiceIcon';

/** One service as a large tile: pictogram, name (its accessible name) and a short description. */
export function ServiceTile({ service, onChoose }: { service: ServiceView; onChoose: () => void }) {
  const language = useKiosk((state) => state.language);
  const nameId = useId();
  const descriptionId = useId();
  return (
    <button
      type="button"
      className="tile"
      aria-labelledby={nameId}
      aria-describedby={descriptionId}
      onClick={onChoose}
    >
      <ServiceIcon name={service.icon} />
      <span id={nameId} className="tile__name">
        {service.name[language]}
      </span>
      <span id={descriptionId} className="tile__description">
        {service.description[language]}
      </span>
    </button>
  );
}
