import type { MediaKind } from '@loket/shared/media';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMedia } from '../../hooks/useCallMedia';
import { useMediaDevices } from '../../hooks/useMediaDevices';
import { switchDevice } from '../../lib/callMedia';
import { deviceOf } from '../../lib/mediaDevices';

const LABEL_KEY = { video: 'call.camera', audio: 'call.microphone' } as const;

/** One labelled list of cameras or microphones; choosing one switches to it during the call. */
function DeviceSelect({ kind }: { kind: MediaKind }) {
  const { t } = useTranslation();
  const devices = useMediaDevices()[kind];
  const { local } = useCallMedia();
  const id = useId();
  const current = deviceOf(local, kind) ?? '';

  return (
    <div className="field">
      <label htmlFor={id}>{t(LABEL_KEY[kind])}</label>
      <select
        id={id}
        value={current}
        onChange={(event) => void switchDevice(kind, event.target.value)}
      >
        {!devices.some((device) => device.deviceId === current) && <option value={current} />}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('call.unnamedDevice', { number: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The camera and microphone the agent sends, changeable during the call. */
export function DevicePicker() {
  const { t } = useTranslation();
  return (
    <fieldset className="device-picker">
      <legend>{t('call.devices')}</legend>
      <DeviceSelect kind="video" />
      <DeviceSelect kind="audio" />
    </fieldset>
  );
}
