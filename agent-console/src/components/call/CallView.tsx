import { ChatPanel } from '../chat/ChatPanel';
import type { CallStart } from '@loket/shared';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';
import { useConsole } from '../../hooks/useConsole';
import { followStoreCall } from '../../lib/call-media';
import { focusPageHeading } from '../../lib/focus';
import { CallControls } from './CallControls';
import { CaptionLine } from './CaptionLine';
import { CallNotes } from './CallNotes';
import { CallStateText } from './CallStateText';
import { ConnectionQuality } from './ConnectionQuality';
import { DevicePicker } from './DevicePicker';
import { RemoteVideo } from './RemoteVideo';
import { StreamVideo } from './StreamVideo';
import { VisitorProfile } from './VisitorProfile';
import { EarlierVisits } from '../EarlierVisits';

// Loaded with the first call: from now on the call's media follows the store.
followStoreCall();

/**
 * The call: who the visitor is, the visitor large, the agent small, connection state and quality,
 * controls, devices, and the officer's notes.
 */
export default function CallView({ call }: { call: CallStart }) {
  const { t } = useTranslation();
  const { local, remote } = useCallMedia();
  const cameraOff = useConsole((state) => state.cameraOff);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    headingRef.current?.focus();
    return focusPageHeading;
  }, []);

  return (
    <section className="call" aria-labelledby={headingId}>
      <div className="call-heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('call.heading', { number: call.ticketNumber })}
        </h2>
        <p className="call-peer">{t('call.peer', { name: call.peerName })}</p>
        <CallStateText />
        <ConnectionQuality />
      </div>
      {call.visitor && <VisitorProfile visitor={call.visitor} />}
      <EarlierVisits ticketId={call.ticketId} />
      <div className="call-stage">
        <RemoteVideo stream={remote} />
        <div className="local-video-frame">
          <StreamVideo stream={local} label={t('call.localVideo')} className="local-video" muted />
          {cameraOff && <p className="video-placeholder">{t('call.cameraIsOff')}</p>}
        </div>
      </div>
      <CallControls callId={call.callId} />
      <CaptionLine callId={call.callId} language={call.visitor?.language ?? 'id'} local={local} />
      <ChatPanel ticketId={call.ticketId} />
      <DevicePicker />
      <CallNotes ticketId={call.ticketId} />
    </section>
  );
}
