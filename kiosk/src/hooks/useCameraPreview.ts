import { useEffect, useState } from 'react';
import { openCamera } from '../lib/camera';

/** The camera as a preview shows it. */
export type CameraPreview =
  { status: 'opening' } | { status: 'ready'; stream: MediaStream } | { status: 'failed' };

/** Opens (or reuses) the visitor's camera for a preview. The store closes it when the visit ends. */
export function useCameraPreview(): CameraPreview {
  const [preview, setPreview] = useState<CameraPreview>({ status: 'opening' });

  useEffect(() => {
    let current = true;
    openCamera().then(
      (stream) => current && setPreview({ status: 'ready', stream }),
      () => current && setPreview({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, []);

  return preview;
}
