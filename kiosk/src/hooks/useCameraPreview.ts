import { useEffect, useState } from 'react';
import { openCamera } from '../lib/camera';
import { cameraProblem, type CameraProblem } from '../lib/camera-problem';

/** The camera as a preview shows it. */
export type CameraPreview =
  | { status: 'opening' }
  | { status: 'ready'; stream: MediaStream }
  | { status: 'failed'; problem: CameraProblem };

/** Opens (or reuses) the visitor's camera for a preview. The store closes it when the visit ends. */
export function useCameraPreview(): CameraPreview {
  const [preview, setPreview] = useState<CameraPreview>({ status: 'opening' });

  useEffect(() => {
    let current = true;
    openCamera().then(
      (stream) => current && setPreview({ status: 'ready', stream }),
      (error: unknown) =>
        current &&
        setPreview({ status: 'failed', problem: cameraProblem(error, window.isSecureContext) }),
    );
    return () => {
      current = false;
    };
  }, []);

  return preview;
}
