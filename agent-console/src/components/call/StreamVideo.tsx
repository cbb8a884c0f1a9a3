import { useEffect, useRef } from 'react';

/** The video's name: its own label, or the id of visible text that already says it. */
type StreamVideoName =
  { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

type StreamVideoProps = StreamVideoName & {
  stream: MediaStream | null;
  className: string;
  /** Own video is muted so the agent does not hear themself. */
  muted?: boolean;
  /** Told when the browser refused to start playing with sound (autoplay rules). */
  onPlayBlocked?: () => void;
};

/** A live video element showing `stream`. */
export function StreamVideo({
  stream,
  label,
  labelledBy,
  className,
  muted = false,
  onPlayBlocked,
}: StreamVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) {
      video.play()?.catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError') onPlayBlocked?.();
      });
    }
  }, [stream, muted, onPlayBlocked]);
  return (
    // Live two-way video: there is no caption file; deaf visitors get chat and live captions.
    // eslint-disable-next-line jsx-a11y/media-has-caption
    <video
      ref={ref}
      className={className}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
      aria-labelledby={labelledBy}
    />
  );
}
