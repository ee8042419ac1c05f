#!/usr/bin/env bash
# What the tests need and a fresh machine of this kind lacks: Debian's Chromium, LibreOffice Calc and
# a Redis that answers. Idempotent: when everything is there it only checks, in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "test-prerequisites: missing ${missing[*]} and not root: install them with apt-get" >&2
    exit 1
  fi
  run() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  echo "test-prerequisites: installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -qq
  # Recommends would pull in a desktop's worth of packages the headless tests never use.
  run apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

url="${REDIS_URL:-redis://127.0.0.1:6379}"
if ! redis-cli -u "$url" ping >/dev/null 2>&1; then
  case "$url" in
    redis://127.0.0.1:6379 | redis://localhost:6379 | redis://127.0.0.1:6379/* | redis://localhost:6379/*) ;;
    *)
      echo "test-prerequisites: Redis at $url does not answer (not a local default: not starting one)" >&2
      exit 1
      ;;
  esac
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "test-prerequisites: installing redis-server from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  fi
  echo "test-prerequisites: Redis does not answer; starting it as the node-svc machine does"
  dir="${TMPDIR:-/tmp}/dte-test-redis"
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir "$dir" --logfile "$dir/redis.log"
  for _ in $(seq 1 50); do redis-cli ping >/dev/null 2>&1 && break; sleep 0.2; done
  redis-cli ping >/dev/null
fi
