import type { MediaKind } from '@loket/shared/media';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';
import { useMediaDevices } from '../../hooks/useMediaDevices';
import { switchDevice } from '../../lib/call-media';
import { deviceOf } from '../../lib/media-devices';

const LABEL_KEY = { video: 'call.camera', audio: 'call.microphone' } as const;

/** A device the agent chose, being switched to. */
interface Choice {
  kind: MediaKind;
  deviceId: string;
}

interface DeviceSelectProps {
  kind: MediaKind;
  /** The switch that runs, if any: it shows as chosen, and no other can start meanwhile. */
  switching: Choice | null;
  onChoose: (choice: Choice) => void;
}

/** One labelled list of cameras or microphones; choosing one switches to it during the call. */
function DeviceSelect({ kind, switching, onChoose }: DeviceSelectProps) {
  const { t } = useTranslation();
  const devices = useMediaDevices()[kind];
  const { local } = useCallMedia();
  const id = useId();
  const value = switching?.kind === kind ? switching.deviceId : (deviceOf(local, kind) ?? '');

  return (
    <div className="field">
      <label htmlFor={id}>{t(LABEL_KEY[kind])}</label>
      {/* aria-disabled, not disabled: the list keeps focus, so a keyboard user is not thrown out. */}
      <select
        id={id}
        value={value}
        aria-disabled={switching !== null || undefined}
        onChange={(event) => {
          if (!switching) onChoose({ kind, deviceId: event.target.value });
        }}
      >
        {!devices.some((device) => device.deviceId === value) && (
          <option value={value}>{t('call.currentDevice')}</option>
        )}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('call.unnamedDevice', { number: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The camera and microphone the agent sends, changeable during the call, one switch at a time:
 * a keyboard's arrows would otherwise open every device they pass.
 */
export function DevicePicker() {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState<Choice | null>(null);
  const choose = (choice: Choice) => {
    setSwitching(choice);
    void switchDevice(choice.kind, choice.deviceId).finally(() => setSwitching(null));
  };
  return (
    <fieldset className="device-picker">
      <legend>{t('call.devices')}</legend>
      <DeviceSelect kind="video" switching={switching} onChoose={choose} />
      <DeviceSelect kind="audio" switching={switching} onChoose={choose} />
    </fieldset>
  );
}
