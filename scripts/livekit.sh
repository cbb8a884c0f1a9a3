#!/usr/bin/env bash
# The real LiveKit media server for development and tests, pinned to one release.
#
#   scripts/livekit.sh install   build livekit-server into .tools/ (Go module proxy) if missing
#   scripts/livekit.sh start     install if needed, then run it on 127.0.0.1 in dev mode
#
# Keys come from the environment: LIVEKIT_API_KEY / LIVEKIT_API_SECRET (default devkey / a dev
# secret), the port from LIVEKIT_PORT (7880). Point Loket at it with the same three values:
#   LIVEKIT_URL=ws://127.0.0.1:7880 LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… pnpm start
set -euo pipefail
cd "$(dirname "$0")/.."

LIVEKIT_VERSION=v1.13.5
TOOLS="$PWD/.tools"
BINARY="$TOOLS/server"

install() {
  if [ -x "$BINARY" ] && "$BINARY" --version 2>/dev/null | grep -q "${LIVEKIT_VERSION#v}"; then
    return
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "livekit.sh: Go is needed to build livekit-server $LIVEKIT_VERSION (apt-get install golang, or go.dev/dl)." >&2
    exit 1
  fi
  # Go 1.21+ fetches the newer toolchain the module asks for from the module proxy (auto), which
  # older Go cannot do.
  local go_minor
  go_minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
  if [ "$go_minor" -lt 21 ] 2>/dev/null; then
    echo "livekit.sh: livekit-server $LIVEKIT_VERSION needs Go 1.21 or newer to build (found $(go env GOVERSION))." >&2
    exit 1
  fi
  echo "Building livekit-server $LIVEKIT_VERSION into $TOOLS (a few minutes the first time)…" >&2
  mkdir -p "$TOOLS"
  GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOBIN="$TOOLS" go install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION"
}

start() {
  install
  local key="${LIVEKIT_API_KEY:-devkey}"
  local secret="${LIVEKIT_API_SECRET:-loket-development-secret-change-me}"
  local port="${LIVEKIT_PORT:-7880}"
  local config
  config="$(mktemp)"
  trap 'rm -f "$config"' EXIT
  # auto_create off: only rooms Loket created can be joined, and a deleted room stays gone.
  cat >"$config" <<YAML
port: $port
bind_addresses: ["127.0.0.1"]
rtc:
  tcp_port: $((port + 1))
  udp_port: $((port + 2))
  use_external_ip: false
  node_ip: 127.0.0.1
room:
  auto_create: false
keys:
  $key: $secret
webhook:
  api_key: $key
  urls:
    - ${LOKET_WEBHOOK_URL:-http://127.0.0.1:8080/livekit/webhook}
YAML
  echo "LiveKit on ws://127.0.0.1:$port (key $key); Loket: LIVEKIT_URL=ws://127.0.0.1:$port LIVEKIT_API_KEY=$key LIVEKIT_API_SECRET=$secret" >&2
  "$BINARY" --dev --config "$config"
}

case "${1:-start}" in
  install) install ;;
  start) start ;;
  *)
    echo "usage: scripts/livekit.sh install | start" >&2
    exit 2
    ;;
esac
