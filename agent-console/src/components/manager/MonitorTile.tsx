import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StreamVideo } from '../call/StreamVideo';

interface MonitorTileProps {
  /** Who this is, e.g. "Visitor A-012"; names the video too. */
  label: string;
  stream: MediaStream | null;
  muted: boolean;
}

/** One party of a watched call: their video with sound, named by the caption under it. */
export function MonitorTile({ label, stream, muted }: MonitorTileProps) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <figure className="monitor-tile">
      <StreamVideo stream={stream} labelledBy={captionId} className="monitor-video" muted={muted} />
      {!stream && <p className="video-placeholder">{t('monitor.waitingForVideo')}</p>}
      <figcaption id={captionId}>{label}</figcaption>
    </figure>
  );
}
