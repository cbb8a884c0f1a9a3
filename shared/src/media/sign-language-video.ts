/** What sign-language video asks of a camera: hands and face sharp and fluid. */
export const SIGN_LANGUAGE_VIDEO = { width: 1280, height: 720, frameRate: 25 } as const;

/** The most a sign-language camera sends, enough for 720p at 25 fps. */
export const SIGN_LANGUAGE_MAX_BITRATE = 2_500_000;

/**
 * Asks the camera for sign-language video: 720p at 25 fps or more, or as near as it can get; a
 * camera that can do neither keeps what it has. The track is marked as motion, so the encoder
 * favours fluid movement over sharp detail.
 */
export async function askForSigningVideo(track: MediaStreamTrack): Promise<void> {
  const { width, height, frameRate } = SIGN_LANGUAGE_VIDEO;
  track.contentHint = 'motion';
  await track
    .applyConstraints({
      width: { min: width },
      height: { min: height },
      frameRate: { min: frameRate },
    })
    .catch(() => track.applyConstraints({ width, height, frameRate }))
    .catch(() => undefined);
}

/**
 * Makes a video sender keep its frame rate when bandwidth drops, lowering resolution instead:
 * signs are read from movement, and a dropped frame can drop a sign. A browser that refuses the
 * parameters sends as it would have.
 */
export async function keepFrameRate(sender: RTCRtpSender): Promise<void> {
  const parameters = sender.getParameters() as RTCRtpSendParameters & {
    degradationPreference?: 'maintain-framerate' | 'maintain-resolution' | 'balanced';
  };
  parameters.degradationPreference = 'maintain-framerate';
  for (const encoding of parameters.encodings) {
    encoding.maxFramerate = SIGN_LANGUAGE_VIDEO.frameRate;
    encoding.maxBitrate = SIGN_LANGUAGE_MAX_BITRATE;
  }
  await sender.setParameters(parameters).catch(() => undefined);
}
