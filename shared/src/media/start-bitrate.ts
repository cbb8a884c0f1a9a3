/** Where a peer-to-peer call's video encoder starts; see {@link withStartBitrate}. */
export const START_BITRATE_KBPS = 1000;

/** Video codecs whose encoder takes a start bitrate; retransmission and FEC formats do not. */
const VIDEO_CODECS = new Set(['vp8', 'vp9', 'h264', 'h265', 'av1']);

/** One media section of an SDP with the start bitrate on each of its video codecs. */
function videoSection(lines: string[], param: string): string[] {
  const codecs = lines.flatMap((line) => {
    const rtpmap = /^a=rtpmap:(\d+) ([^/]+)\//.exec(line);
    return rtpmap && VIDEO_CODECS.has(rtpmap[2]!.toLowerCase()) ? [rtpmap[1]!] : [];
  });
  const withFmtp = new Set(lines.flatMap((line) => /^a=fmtp:(\d+) /.exec(line)?.slice(1, 2) ?? []));
  return lines.flatMap((line) => {
    const fmtp = /^a=fmtp:(\d+) /.exec(line);
    if (fmtp && codecs.includes(fmtp[1]!)) return [`${line};${param}`];
    const rtpmap = /^a=rtpmap:(\d+) /.exec(line);
    const pt = rtpmap?.[1];
    // A codec without parameters gets a line of its own, right after its name.
    if (pt && codecs.includes(pt) && !withFmtp.has(pt)) return [line, `a=fmtp:${pt} ${param}`];
    return [line];
  });
}

/**
 * A remote description that tells this side's video encoder to start at `kbps` instead of the
 * browser's cautious default (about 300 kbps). At the default, a 720p camera's first frames are
 * dropped and the picture shrinks to a thumbnail before it is first sent; starting higher puts a
 * sharp first picture on the other screen sooner, and congestion control still takes over from
 * there. Chromium reads `x-google-start-bitrate`; other browsers ignore it.
 */
export function withStartBitrate<D extends { sdp?: string }>(description: D, kbps: number): D {
  const { sdp } = description;
  if (!sdp || sdp.includes('x-google-start-bitrate')) return description;
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const param = `x-google-start-bitrate=${Math.round(kbps)}`;
  const sections: string[][] = [[]];
  for (const line of sdp.split(eol)) {
    if (line.startsWith('m=')) sections.push([]);
    sections.at(-1)!.push(line);
  }
  const lines = sections.flatMap((section) =>
    section[0]?.startsWith('m=video') ? videoSection(section, param) : section,
  );
  return { ...description, sdp: lines.join(eol) };
}
