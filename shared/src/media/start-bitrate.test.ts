import { describe, expect, test } from 'vitest';
import { withStartBitrate } from './start-bitrate.js';

const SDP = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 98',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 nack',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=rtpmap:98 H264/90000',
  'a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1',
  '',
].join('\r\n');

describe('withStartBitrate', () => {
  const sdp = withStartBitrate({ type: 'answer' as const, sdp: SDP }, 1000).sdp;

  test('gives a video codec without parameters a parameter line of its own', () => {
    expect(sdp).toContain('a=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=1000\r\n');
  });

  test('appends the start bitrate to a video codec that has parameters', () => {
    expect(sdp).toContain(
      'a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1;x-google-start-bitrate=1000',
    );
  });

  test('leaves audio, retransmission and the rest of the description as they were', () => {
    expect(sdp).toContain('a=fmtp:111 minptime=10;useinbandfec=1\r\n');
    expect(sdp).toContain('a=fmtp:97 apt=96\r\n');
    expect(sdp.replace(/\r\na=fmtp:96 [^\r]*|;x-google-start-bitrate=1000/g, '')).toBe(SDP);
  });

  test('leaves a description that already names a start bitrate, or has none, untouched', () => {
    const named = { type: 'offer' as const, sdp };
    expect(withStartBitrate(named, 2000)).toBe(named);
    const rollback: { type: 'rollback'; sdp?: string } = { type: 'rollback' };
    expect(withStartBitrate(rollback, 1000)).toBe(rollback);
  });
});
