#!/bin/sh
# Records the spoken sentences the caption tests play, with Debian's espeak-ng (apt-get install
# espeak-ng sox): each signaling-server/test/fixtures/speech/<language>.txt becomes <language>.wav
# beside it, in the 16 kHz mono 16-bit PCM the on-premises recogniser and a browser's fake
# microphone both take, trimmed of silence and padded with 0.3 s of it. Run once and commit the
# files; the tests know each sentence from its .txt.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for text in signaling-server/test/fixtures/speech/*.txt; do
  language=$(basename "$text" .txt)
  # A short gap between words keeps the synthetic voice's words apart, as a person's would be.
  espeak-ng -v "$language" -s 140 -g 6 -w "$work/speech.wav" -f "$text"
  sox "$work/speech.wav" -r 16000 -c 1 -b 16 "${text%.txt}.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0.3 0.3
done
