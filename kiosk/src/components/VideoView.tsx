import { useEffect, useRef } from 'react';

interface VideoViewProps {
  stream: MediaStream | null;
  label: string;
  /** The visitor's own picture: muted (no echo) and mirrored like a mirror. */
  self?: boolean;
  className?: string;
}

/** A live video of a MediaStream. */
export function VideoView({ stream, label, self = false, className = '' }: VideoViewProps) {
  const ref = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);

  const classes = `video ${self ? 'video--self' : ''} ${className}`.trim();
  if (self) {
    return <video ref={ref} className={classes} aria-label={label} autoPlay playsInline muted />;
  }
  return (
    // Live captions are to travel as real-time text over socket.io and show beside the video
    // (docs/architecture.md), not as a WebVTT track on this element.
    // eslint-disable-next-line jsx-a11y/media-has-caption
    <video ref={ref} className={classes} aria-label={label} autoPlay playsInline />
  );
}
