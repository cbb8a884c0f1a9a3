#!/bin/sh
# Records the lobby display's voice clips with Debian's espeak-ng (apt-get install espeak-ng sox
# libsox-fmt-all): for Bahasa Indonesia and English, the two phrases around a ticket number and
# each letter and digit, trimmed of silence and stored as small mono Ogg Vorbis files in
# kiosk/public/voice/<language>/. Run once and commit the files; the display plays them when the
# browser has no local speech voice (kiosk/src/display/voice.ts).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

clip() { # language, file name, text
  mkdir -p "kiosk/public/voice/$1"
  espeak-ng -v "$1" -s 140 -w "$work/clip.wav" "$3"
  sox "$work/clip.wav" -r 16000 -c 1 -C -1 "kiosk/public/voice/$1/$2.ogg" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
}

clip id ticket 'Nomor antrian'
clip id return 'silakan kembali ke kiosk'
clip en ticket 'Ticket'
clip en return 'please return to your kiosk'
for language in id en; do
  for c in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z 0 1 2 3 4 5 6 7 8 9; do
    clip "$language" "$(echo "$c" | tr 'A-Z' 'a-z')" "$c"
  done
done
