import { useTranslation } from 'react-i18next';
import { useCameraPreview } from '../hooks/useCameraPreview';
import { VideoView } from './VideoView';

/**
 * The visitor's own picture while they wait, or a calm word when the camera will not open: the
 * ticket still holds, and staff read what to fix.
 */
export function CameraPreview() {
  const { t } = useTranslation();
  const preview = useCameraPreview();
  return (
    <figure className="preview">
      {preview.status === 'ready' ? (
        <VideoView stream={preview.stream} label={t('waiting.preview')} self />
      ) : (
        <div className="preview__placeholder">
          <p role="status">
            {preview.status === 'failed'
              ? t(`waiting.camera.${preview.problem}`)
              : t('waiting.cameraOpening')}
          </p>
        </div>
      )}
      {preview.status === 'ready' && <figcaption>{t('waiting.previewHint')}</figcaption>}
    </figure>
  );
}
