import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';
import { toggleScreenShare } from '../../lib/call-media';
import { Button } from '../Button';

/** Shares the agent's screen with the visitor, or stops; the label says what a press will do. */
export function ScreenShareButton() {
  const { t } = useTranslation();
  const sharing = useCallMedia().localScreen !== null;
  const [asking, setAsking] = useState(false);

  const toggle = () => {
    setAsking(true);
    void toggleScreenShare().finally(() => setAsking(false));
  };

  return (
    <Button disabled={asking} onClick={toggle}>
      {t(sharing ? 'call.stopSharing' : 'call.shareScreen')}
    </Button>
  );
}
