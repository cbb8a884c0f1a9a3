import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button';
import { StreamVideo } from './StreamVideo';

/**
 * The visitor's video, large. If the browser will not play sound without a click (the call
 * resumed after a reload), it plays muted and offers a button to turn the sound on.
 */
export function RemoteVideo({ stream }: { stream: MediaStream | null }) {
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const onPlayBlocked = useCallback(() => setBlocked(true), []);

  const unmute = () => {
    const video = containerRef.current?.querySelector('video');
    if (!video) return;
    video.muted = false;
    void video.play().then(() => setBlocked(false));
  };

  return (
    <div ref={containerRef} className="remote-video-frame">
      <StreamVideo
        stream={stream}
        label={t('call.remoteVideo')}
        className="remote-video"
        muted={blocked}
        onPlayBlocked={onPlayBlocked}
      />
      {!stream && <p className="video-placeholder">{t('call.waitingForVideo')}</p>}
      {blocked && (
        <Button variant="primary" className="unmute-remote" onClick={unmute}>
          {t('call.turnSoundOn')}
        </Button>
      )}
    </div>
  );
}
