import { useEffect, useState } from 'react';
import { listDevices, subscribeDeviceChanges, type DeviceChoices } from '../lib/media-devices';

const NONE: DeviceChoices = { audio: [], video: [] };

/** The agent's cameras and microphones, kept up to date as devices come and go. */
export function useMediaDevices(): DeviceChoices {
  const [devices, setDevices] = useState<DeviceChoices>(NONE);
  useEffect(() => {
    let current = true;
    const refresh = () => {
      listDevices().then(
        (next) => current && setDevices(next),
        () => undefined,
      );
    };
    refresh();
    const unsubscribe = subscribeDeviceChanges(refresh);
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
  return devices;
}
