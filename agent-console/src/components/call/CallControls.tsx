import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/useConsole';
import { endCall } from '../../lib/agent-actions';
import { cameraToggled, micToggled } from '../../store/actions';
import { Button } from '../Button';
import { EndCallDialog } from './EndCallDialog';
import { ScreenShareButton } from './ScreenShareButton';
import { TransferDialog } from './TransferDialog';

/**
 * Microphone and camera toggles, sharing the screen, transferring the visitor, and ending the
 * call after a confirmation.
 */
export function CallControls({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const micMuted = useConsole((state) => state.micMuted);
  const cameraOff = useConsole((state) => state.cameraOff);
  const ending = useConsole((state) => state.pending === 'endCall');
  const noServices = useConsole((state) => state.services.length === 0);
  const [confirming, setConfirming] = useState(false);
  const [transferring, setTransferring] = useState(false);

  const confirm = () => {
    setConfirming(false);
    void endCall(callId);
  };

  return (
    <div role="group" aria-label={t('call.controls')} className="call-controls">
      <button type="button" className="button toggle" aria-pressed={micMuted} onClick={micToggled}>
        {t('call.muteMic')}
      </button>
      <button
        type="button"
        className="button toggle"
        aria-pressed={cameraOff}
        onClick={cameraToggled}
      >
        {t('call.cameraOff')}
      </button>
      <ScreenShareButton />
      <Button disabled={ending || noServices} onClick={() => setTransferring(true)}>
        {t('transfer.open')}
      </Button>
      <Button variant="danger" disabled={ending} onClick={() => setConfirming(true)}>
        {t('call.end')}
      </Button>
      {confirming && <EndCallDialog onConfirm={confirm} onCancel={() => setConfirming(false)} />}
      {transferring && <TransferDialog callId={callId} onCancel={() => setTransferring(false)} />}
    </div>
  );
}
