import type { CallStart } from '@loket/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Heading } from '../components/Heading';
import { SignalQuality } from '../components/SignalQuality';
import { VideoView } from '../components/VideoView';
import { useCall } from '../hooks/useCall';
import { setCallMuted } from '../lib/call-session';
import { dismissError, endCall } from '../store/journey';
import { useKiosk } from '../store/kiosk-store';
import { loadChatPanel } from '../chat/load-chat-panel';
import { loadCaptionStrip } from '../captions/load-caption-strip';

// Text travels over the kiosk's socket, whichever path carries the call's media.
const ChatPanel = lazy(loadChatPanel);
const CaptionStrip = lazy(loadCaptionStrip);

/**
 * The call: the officer large (or their shared screen large, the officer beside it), the visitor
 * small, the signal, mute, and a way to end it. Lazily loaded.
 */
export default function CallScreen() {
  const call = useKiosk((state) => state.call);
  return call ? <InCall call={call} /> : null;
}

function InCall({ call }: { call: CallStart }) {
  const { t } = useTranslation();
  const busy = useKiosk((state) => state.busy);
  const language = useKiosk((state) => state.language);
  // A visitor who signs finds the conversation open: names and numbers are easier typed than signed.
  const signing = useKiosk((state) => state.needs.includes('sign_language'));
  const { state, local, remote, screen, quality, cameraFailed, muted } = useCall(call);
  const micMuted = muted.audio;
  const [confirming, setConfirming] = useState(false);
  const keepCalling = () => {
    dismissError();
    setConfirming(false);
  };

  return (
    <section className="screen screen--call">
      <div className="call-layout">
        <div className="call-layout__head">
          <Heading>{t('call.title')}</Heading>
          <p className="subtle">{t('call.peer', { name: call.peerName })}</p>
        </div>
        <div className="call-layout__video">
          <div className={screen ? 'call call--sharing' : 'call'}>
            {screen && (
              <VideoView stream={screen} label={t('call.sharedScreen')} className="call__screen" />
            )}
            <div className="call__people">
              <VideoView stream={remote} label={t('call.remoteVideo')} className="call__remote" />
              <VideoView stream={local} label={t('call.localVideo')} className="call__self" self />
            </div>
          </div>
          {/* Over the foot of the video: the call's controls never move for it. */}
          <Suspense fallback={null}>
            <CaptionStrip callId={call.callId} language={language} muted={micMuted} local={local} />
          </Suspense>
        </div>
        <div className="call-layout__actions">
          <div className="call__status">
            <p role="status" className={`call__state call__state--${state}`}>
              {t(`call.state.${state}`)}
            </p>
            <SignalQuality quality={quality} />
          </div>
          <p role="status" className="subtle">
            {cameraFailed && t('call.cameraFailed')}
            {micMuted && t('call.muted')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--toggle"
              aria-pressed={micMuted}
              onClick={() => setCallMuted(!micMuted)}
            >
              {t('call.mute')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => setConfirming(true)}
            >
              {t('call.end')}
            </button>
          </div>
          {/* After the call's controls, which must stay on screen whatever the chat holds. */}
          <Suspense fallback={null}>
            <ChatPanel ticketId={call.ticketId} startOpen={signing} />
          </Suspense>
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('call.confirmTitle')}
          confirmLabel={t('call.confirmYes')}
          cancelLabel={t('call.confirmNo')}
          onConfirm={() => void endCall()}
          onCancel={keepCalling}
          busy={busy}
        >
          <p>{t('call.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
